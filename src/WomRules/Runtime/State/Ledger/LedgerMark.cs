namespace WomRules.Runtime;

/// <summary>
/// What the ledger knows of one applied event: its time, whether it is a reversal or was reversed, and what it
/// granted (null: nothing). A struct in a dictionary, so recording an event that granted nothing allocates nothing.
/// </summary>
internal readonly record struct LedgerMark(DateTime At, bool IsReversal, bool Reversed, LedgerGrant? Grant);
