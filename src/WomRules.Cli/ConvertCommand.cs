using WomRules.Formatting;

namespace WomRules.Cli;

/// <summary><c>womrules convert FILE --to dsl|yaml</c>: prints the campaign in the other form, comments included where it allows.</summary>
internal static class ConvertCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? file = null;
        CampaignFormat? to = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--to" when i + 1 < args.Length:
                    to = args[++i] switch
                    {
                        "dsl" or "wom" => CampaignFormat.Dsl,
                        "yaml" or "yml" => CampaignFormat.Yaml,
                        var other => throw new UsageException($"--to takes 'dsl' or 'yaml', not '{other}'."),
                    };
                    break;
                case var a when a.StartsWith('-'):
                    throw new UsageException($"convert does not know the option '{a}'.");
                case var a when file is null:
                    file = a;
                    break;
                default:
                    throw new UsageException("convert takes exactly one campaign file.");
            }
        }

        if (file is null || to is null)
        {
            throw new UsageException("convert needs a campaign file and --to dsl or --to yaml.");
        }

        var text = CampaignSource.Read(file, stdout, stderr, out var exitCode);
        if (text is null)
        {
            return exitCode;
        }

        var result = CampaignFormatter.Format(text, file, CampaignFormats.Detect(file, text), to.Value);
        if (result.Text is null)
        {
            CampaignLoader.Print(result.Diagnostics, stdout);
            return ExitCodes.CampaignHasErrors;
        }

        stdout.Write(result.Text);
        return ExitCodes.Success;
    }
}
