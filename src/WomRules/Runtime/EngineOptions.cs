namespace WomRules.Runtime;

/// <summary>Limits on event input (spec §9).</summary>
public sealed record EngineOptions
{
    /// <summary>
    /// The longest events-file line accepted, in characters (UTF-16 code units; a line given as UTF-8 bytes counts the
    /// characters it decodes to); longer lines are rejected. Default 1 MiB.
    /// </summary>
    public int MaxEventLineLength { get; init; } = 1024 * 1024;
}
