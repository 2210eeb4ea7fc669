namespace WomRules.Runtime;

/// <summary>Limits on event input (spec §9).</summary>
public sealed record EngineOptions
{
    /// <summary>The longest events-file line accepted, in characters; longer lines are rejected. Default 1 MiB.</summary>
    public int MaxEventLineLength { get; init; } = 1024 * 1024;
}
