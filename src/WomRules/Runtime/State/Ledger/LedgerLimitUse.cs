namespace WomRules.Runtime;

/// <summary>
/// One firing counted against a limit: whose, which rule or cap (<see cref="Cap"/>), which calendar window, or
/// <see cref="RollingWindow"/> for a rolling one, whose firing is the event's own 'at' (a reversal releases it).
/// </summary>
internal readonly record struct LedgerLimitUse(string Participant, string Rule, string Window, bool Cap = false)
{
    /// <summary>The window of a rolling limit's use (spec v1.1 §7): no calendar key names it.</summary>
    public const string RollingWindow = "rolling";
}
