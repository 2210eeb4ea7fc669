using System.Text.RegularExpressions;
using WomRules.Testing;

namespace WomRules.Cli;

/// <summary>
/// Which files in a folder are campaigns, for <c>check DIR</c> and <c>fmt DIR</c> (docs/ci.md, "Folders"): every
/// <c>*.wom</c>; and every <c>*.yaml</c> / <c>*.yml</c> that is not a scenario file (<c>*.tests.yaml</c>) and has one of a
/// campaign's top-level keys (<c>womrules:</c>, <c>campaign:</c> or <c>rules:</c> at the start of a line), so a workflow or
/// a tool's configuration beside the campaigns is not taken for a broken campaign.
/// </summary>
internal static partial class CampaignFolder
{
    public const string Description = "*.wom, and *.yaml/*.yml with a top-level womrules:, campaign: or rules: key (not *.tests.yaml)";

    public static IReadOnlyList<string> Find(string folder) => SourceTree.Files(folder, IsCampaign);

    private static bool IsCampaign(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".wom", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!(name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            || name.EndsWith(ScenarioReader.FileSuffix, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".tests.yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            // An oversized file counts: checking it reports it as too large rather than skipping it silently.
            return new FileInfo(path).Length > CompilationOptions.Default.MaxFileSize || CampaignKey().IsMatch(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: counted, so the command reports it instead of passing over it.
            return true;
        }
    }

    [GeneratedRegex(@"^(womrules|campaign|rules)[ \t]*:", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex CampaignKey();
}
