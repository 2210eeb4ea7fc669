namespace WomRules;

/// <summary>Picks a campaign file's form from its name.</summary>
internal static class CampaignFormats
{
    /// <summary>The form named by the path's extension: <c>.wom</c> is the DSL; anything else, or no path, is YAML, the original form.</summary>
    public static CampaignFormat FromPath(string? path) =>
        path is not null && Path.GetExtension(path).Equals(".wom", StringComparison.OrdinalIgnoreCase) ? CampaignFormat.Dsl : CampaignFormat.Yaml;

    /// <summary>
    /// The form of a campaign text: named by the path's extension (<c>.wom</c>, <c>.yaml</c>, <c>.yml</c>), or else, when
    /// there is no path or its extension names no form, the DSL if the text starts like the DSL, and YAML otherwise.
    /// </summary>
    public static CampaignFormat Detect(string? path, string text)
    {
        var extension = path is null ? "" : Path.GetExtension(path);
        if (extension.Equals(".wom", StringComparison.OrdinalIgnoreCase))
        {
            return CampaignFormat.Dsl;
        }

        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return CampaignFormat.Yaml;
        }

        return DslCampaignLine(text) is null ? CampaignFormat.Yaml : CampaignFormat.Dsl;
    }

    /// <summary>
    /// Where the text starts like the DSL: its first line that is neither blank nor a comment is <c>campaign &lt;id&gt;</c>
    /// (YAML writes <c>campaign: &lt;id&gt;</c>, with a colon). Null when it does not.
    /// </summary>
    public static int? DslCampaignLine(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start).Trim();
            if (line.Length > 0 && line[0] != '#' && line[0] != '\uFEFF')
            {
                const string Keyword = "campaign";
                if (!line.StartsWith(Keyword, StringComparison.Ordinal) || line.Length == Keyword.Length || line[Keyword.Length] is not (' ' or '\t'))
                {
                    return null;
                }

                var rest = line[Keyword.Length..].TrimStart();
                return rest.Length > 0 && rest[0] != ':' ? start + text.AsSpan(start).IndexOf(Keyword, StringComparison.Ordinal) : null;
            }

            start = end + 1;
        }

        return null;
    }

    /// <summary>The file extension a converted campaign gets.</summary>
    public static string Extension(CampaignFormat format) => format == CampaignFormat.Dsl ? ".wom" : ".yaml";
}
