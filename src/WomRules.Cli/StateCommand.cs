using WomRules.Runtime;
using WomRules.Sqlite;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>
/// <c>womrules state seal FILE [--campaign CAMPAIGN] [--allow-csharp]</c>: after a deliberate edit of a state file,
/// validates it as reading it would (with the campaign, also against the campaign) and writes the checksum that matches
/// it, in place and atomically. Nothing else in the file changes. <c>womrules state export DB</c> and
/// <c>womrules state import STATE.json DB --campaign CAMPAIGN</c> convert between a state file and a SQLite store.
/// </summary>
internal static class StateCommand
{
    /// <summary>
    /// Writes a store's state to standard output: the bytes <c>--save-state</c> writes for the same run. With
    /// <c>--campaign</c>, also a database whose run was stopped (its journal is replayed first).
    /// </summary>
    public static int Export(string path, string? campaignPath, bool allowCSharp, CliConsole console)
    {
        var (stdout, stderr, stdoutBytes) = (console.Out, console.Error, console.OutBytes);
        CompiledCampaign? campaign = null;
        if (campaignPath is not null && Compile(campaignPath, allowCSharp, stderr, out campaign) is var failed and not ExitCodes.Success)
        {
            return failed;
        }

        using var document = new MemoryStream();
        try
        {
            if (campaign is null)
            {
                SqliteCampaignStore.Export(path, document);
            }
            else if (!File.Exists(path))
            {
                throw new FileNotFoundException("no such file", path);
            }
            else
            {
                using var store = SqliteCampaignStore.Open(path, campaign);
                store.ExportTo(document);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var why = ex is FileNotFoundException ? "no such file." : MessageText.Escape(ex.Message);
            stderr.WriteLine($"womrules: cannot export the store '{MessageText.EscapePath(path)}': {why}");
            return ExitCodes.BadUsage;
        }

        stdout.Flush();
        if (stdoutBytes is not null)
        {
            stdoutBytes.Write(document.GetBuffer(), 0, (int)document.Length);
            stdoutBytes.Flush();
        }
        else
        {
            stdout.Write(System.Text.Encoding.UTF8.GetString(document.GetBuffer(), 0, (int)document.Length));
            stdout.Flush();
        }

        return ExitCodes.Success;
    }

    /// <summary>Puts a state file (validated against the campaign, as --state reads it) into a store, creating it when missing.</summary>
    public static int Import(string statePath, string storePath, string campaignPath, bool allowCSharp, CliConsole console)
    {
        var (stdout, stderr) = (console.Out, console.Error);
        if (Compile(campaignPath, allowCSharp, stderr, out var compiled) is var failed and not ExitCodes.Success)
        {
            return failed;
        }

        var campaign = compiled!;

        if (Directory.Exists(statePath) || !File.Exists(statePath))
        {
            stderr.WriteLine($"womrules: cannot read the state file '{MessageText.EscapePath(statePath)}': no such file.");
            return ExitCodes.BadUsage;
        }

        SqliteCampaignStore database;
        try
        {
            database = SqliteCampaignStore.Open(storePath, campaign);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stderr.WriteLine($"womrules: cannot open the store '{MessageText.EscapePath(storePath)}': {MessageText.Escape(ex.Message)}");
            return ExitCodes.BadUsage;
        }

        using (database)
        {
            try
            {
                using var state = File.OpenRead(statePath);
                database.ImportFrom(state);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                stderr.WriteLine($"womrules: cannot read the state file '{MessageText.EscapePath(statePath)}': {MessageText.Escape(ex.Message)}");
                return ExitCodes.BadUsage;
            }
        }

        stdout.WriteLine($"imported {MessageText.EscapePath(statePath)} into {MessageText.EscapePath(storePath)}");
        return ExitCodes.Success;
    }

    public static int Seal(string path, string? campaignPath, bool allowCSharp, CliConsole console)
    {
        var (stdout, stderr) = (console.Out, console.Error);
        CompiledCampaign? campaign = null;
        if (campaignPath is not null && Compile(campaignPath, allowCSharp, stderr, out campaign) is var failed and not ExitCodes.Success)
        {
            return failed;
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

    /// <summary>
    /// Compiles the campaign '--campaign' names, printing its diagnostics: <see cref="ExitCodes.Success"/> with the
    /// campaign, else the exit code to end with (unreadable file, or a campaign with errors).
    /// </summary>
    private static int Compile(string campaignPath, bool allowCSharp, TextWriter stderr, out CompiledCampaign? campaign)
    {
        campaign = null;
        if (CampaignLoader.Load(campaignPath, stderr, allowCSharp) is not { } compilation)
        {
            return ExitCodes.BadUsage;
        }

        var result = compilation.Emit();
        CampaignLoader.Print(result.Diagnostics, stderr);
        campaign = result.Campaign;
        return campaign is null ? ExitCodes.CampaignHasErrors : ExitCodes.Success;
    }
}
