namespace WomRules.Runtime;

/// <summary>What one ledger entry recorded (spec v1.1 §2), in the order a reward entry grants them.</summary>
internal enum LedgerEntryKind : byte
{
    Points,
    Credit,
    Badge,
    Counter,

    /// <summary>Points a <c>points.redeemed</c> took; a reversal restores them.</summary>
    Redeemed,
}
