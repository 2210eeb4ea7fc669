namespace WomRules.Runtime;

/// <summary>
/// The latest firing times (UTC, ascending; at most the limit's count) of one rolling-window limit or cap (spec v1.1 §7)
/// for a participant its <c>of</c> names: <paramref name="Owner"/> is the rule's name, or the cap's when
/// <paramref name="IsCap"/>.
/// </summary>
public sealed record RollingFiringsSnapshot(string Owner, bool IsCap, IReadOnlyList<DateTimeOffset> Times);
