namespace WomRules.Runtime;

/// <summary>
/// How often a rule's limit, or a named cap (spec v1.1 §7), was used in one calendar window (v1 §4.6) by a participant
/// its <c>of</c> names: <paramref name="Owner"/> is the rule's name, or the cap's when <paramref name="IsCap"/>;
/// <paramref name="Window"/> is the window's key.
/// </summary>
public sealed record LimitUsageSnapshot(string Owner, bool IsCap, string Window, long Count);
