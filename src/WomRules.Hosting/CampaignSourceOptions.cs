namespace WomRules.Hosting;

/// <summary>One campaign: a file (<see cref="Path"/>) or text (<see cref="Text"/>), exactly one of them.</summary>
public sealed class CampaignSourceOptions
{
    /// <summary>A campaign file, <c>.yaml</c>/<c>.yml</c> or <c>.wom</c>; relative paths are relative to the content root.</summary>
    public string? Path { get; set; }

    /// <summary>A campaign's text, for campaigns that are not files (never hot-reloaded).</summary>
    public string? Text { get; set; }

    /// <summary>The form of <see cref="Text"/>; null detects it as the compiler does (a file's form follows its extension).</summary>
    public CampaignFormat? Format { get; set; }
}
