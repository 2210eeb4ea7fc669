namespace WomRules;

/// <summary>The two forms of a campaign file: YAML (spec §2) and the text DSL (spec §7). Both parse into the same syntax tree.</summary>
public enum CampaignFormat
{
    /// <summary>YAML, in files ending <c>.yaml</c> or <c>.yml</c>.</summary>
    Yaml,

    /// <summary>The text DSL, in files ending <c>.wom</c>.</summary>
    Dsl,
}
