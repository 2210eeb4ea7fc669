using WomRules.Formatting;

namespace WomRules.Cli;

/// <summary>
/// <c>womrules convert FILE|- --to dsl|yaml</c>: prints the campaign in the other form, comments included where it
/// allows. Its diagnostics go to standard output, as a test pins (docs/ci.md).
/// </summary>
internal static class ConvertCommand
{
    public static readonly string[] Targets = ["dsl", "yaml"];

    public static int Run(string file, string target, CliConsole console)
    {
        var to = target switch
        {
            "dsl" or "wom" => CampaignFormat.Dsl,
            "yaml" or "yml" => CampaignFormat.Yaml,
            var other => throw new UsageException($"--to takes 'dsl' or 'yaml', not '{other}'."),
        };

        var text = CampaignSource.Read(file, console, console.Out, out var exitCode);
        if (text is null)
        {
            return exitCode;
        }

        var name = CampaignSource.DisplayName(file);
        var result = CampaignFormatter.Format(text, name, CampaignFormats.Detect(name, text), to);
        if (result.Text is null)
        {
            CampaignLoader.Print(result.Diagnostics, console.Out);
            return ExitCodes.CampaignHasErrors;
        }

        console.Out.Write(result.Text);
        return ExitCodes.Success;
    }
}
