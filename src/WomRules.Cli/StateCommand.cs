using WomRules.Runtime;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>
/// <c>womrules state seal FILE [--campaign CAMPAIGN] [--allow-csharp]</c>: after a deliberate edit of a state file,
/// validates it as reading it would (with the campaign, also against the campaign) and writes the checksum that matches
/// it, in place and atomically. Nothing else in the file changes.
/// </summary>
internal static class StateCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["seal", .. var rest])
        {
            throw new UsageException("state takes a subcommand: seal.");
        }

        string? campaignPath = null;
        var allowCSharp = false;
        var positional = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--campaign":
                    campaignPath = i + 1 < rest.Length ? rest[++i] : throw new UsageException("--campaign needs a file.");
                    break;
                case CampaignLoader.AllowCSharpFlag:
                    allowCSharp = true;
                    break;
                default:
                    if (rest[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new UsageException($"unknown option '{rest[i]}'.");
                    }

                    positional.Add(rest[i]);
                    break;
            }
        }

        if (positional.Count != 1)
        {
            throw new UsageException("state seal takes one state file.");
        }

        var path = positional[0];
        CompiledCampaign? campaign = null;
        if (campaignPath is not null)
        {
            if (CampaignLoader.Load(campaignPath, stderr, allowCSharp) is not { } compilation)
            {
                return ExitCodes.BadUsage;
            }

            var result = compilation.Emit();
            CampaignLoader.Print(result.Diagnostics, stderr);
            if (result.Campaign is null)
            {
                return ExitCodes.CampaignHasErrors;
            }

            campaign = result.Campaign;
        }

        // Every message quotes the path escaped, as run does, so a file name cannot forge a line (docs/diagnostics.md).
        var shown = MessageText.EscapePath(path);
        if (Directory.Exists(path) || !File.Exists(path))
        {
            stderr.WriteLine($"womrules: cannot read the state file '{shown}': no such file.");
            return ExitCodes.BadUsage;
        }

        var text = StateFileText.FromBytes(File.ReadAllBytes(path));
        StateContents contents;
        try
        {
            contents = StateFile.Read(text, campaign, verifyChecksum: false);
        }
        catch (InvalidDataException ex)
        {
            stderr.WriteLine($"womrules: cannot seal the state file '{shown}': {MessageText.Escape(ex.Message)}");
            return ExitCodes.BadUsage;
        }

        if (!contents.Versioned || contents.ChecksumDigitsOffset < 0)
        {
            stderr.WriteLine($"womrules: '{shown}' has no version, so it is read as spec §5's unversioned form, which has no checksum to seal; "
                + "'womrules run CAMPAIGN EVENTS.jsonl --state FILE --save-state FILE' turns it into a sealed file.");
            return ExitCodes.BadUsage;
        }

        var sealedBytes = text.Bytes.AsSpan(0, text.Length).ToArray();
        StateChecksum.Seal(sealedBytes, contents.ChecksumDigitsOffset);
        AtomicFile.Write(path, stream => stream.Write(sealedBytes));
        stdout.WriteLine($"sealed {shown}");
        return ExitCodes.Success;
    }
}
