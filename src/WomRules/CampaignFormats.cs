namespace WomRules;

/// <summary>Picks a campaign file's form from its name.</summary>
internal static class CampaignFormats
{
    /// <summary>The form named by the path's extension: <c>.wom</c> is the DSL; anything else, or no path, is YAML, the original form.</summary>
    public static CampaignFormat FromPath(string? path) =>
        path is not null && Path.GetExtension(path).Equals(".wom", StringComparison.OrdinalIgnoreCase) ? CampaignFormat.Dsl : CampaignFormat.Yaml;

    /// <summary>The file extension a converted campaign gets.</summary>
    public static string Extension(CampaignFormat format) => format == CampaignFormat.Dsl ? ".wom" : ".yaml";
}
