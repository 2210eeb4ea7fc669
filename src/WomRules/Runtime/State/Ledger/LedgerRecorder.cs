namespace WomRules.Runtime;

/// <summary>
/// Collects what the event being applied grants, redeems and counts against limits, for its ledger entry. Reused for
/// every event (the engine's lock serializes events): an event that grants nothing builds nothing.
/// </summary>
internal sealed class LedgerRecorder
{
    private readonly List<LedgerEntry> entries = [];
    private readonly List<LedgerLimitUse> limits = [];

    public void Add(in LedgerEntry entry) => entries.Add(entry);

    public void AddLimitUse(string participant, string owner, bool cap, string window) => limits.Add(new LedgerLimitUse(participant, owner, window, cap));

    /// <summary>The event's grant, or null when it granted, redeemed and limited nothing.</summary>
    public LedgerGrant? Build(long pointsSpent, decimal creditSpent) =>
        entries.Count == 0 && limits.Count == 0 && pointsSpent == 0 && creditSpent == 0m
            ? null
            : new LedgerGrant([.. entries], [.. limits], pointsSpent, creditSpent);

    public void Clear()
    {
        entries.Clear();
        limits.Clear();
    }
}
