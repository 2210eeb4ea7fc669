namespace WomRules.Runtime;

/// <summary>How often a rule fired in one limit window (spec §4.7) for a participant its limit's <c>of</c> names; <paramref name="Window"/> is the window's key.</summary>
public sealed record LimitUsageSnapshot(string Rule, string Window, long Count);
