namespace WomRules.Runtime;

/// <summary>
/// Everything one event granted or redeemed, in its outcome order, with the limit usage it took and what it spent of
/// the budget (spec v1.1 §2). Made only for an event that granted something, so an event that produces nothing
/// allocates nothing for the ledger.
/// </summary>
internal sealed class LedgerGrant(LedgerEntry[] entries, LedgerLimitUse[] limits, long pointsSpent, decimal creditSpent)
{
    public LedgerEntry[] Entries { get; } = entries;

    public LedgerLimitUse[] Limits { get; } = limits;

    /// <summary>Points counted against <c>budget.points</c>.</summary>
    public long PointsSpent { get; } = pointsSpent;

    /// <summary>Credit counted against <c>budget.credit</c>.</summary>
    public decimal CreditSpent { get; } = creditSpent;
}
