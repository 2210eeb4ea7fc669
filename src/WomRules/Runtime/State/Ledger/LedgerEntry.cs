namespace WomRules.Runtime;

/// <summary>
/// One amount an event gave (or, for <see cref="LedgerEntryKind.Redeemed"/>, took) one participant, as its outcome
/// said it: a reversal takes it back exactly. <see cref="PendingUntil"/> is set for points or credit granted pending. <see cref="Name"/> is the badge or counter; <see cref="Amount"/> the
/// points, counter step or redeemed points; <see cref="Credit"/> the credit.
/// </summary>
internal readonly record struct LedgerEntry(
    LedgerEntryKind Kind,
    string Participant,
    string? Rule,
    long Amount,
    decimal Credit = 0m,
    string? Name = null,
    int CounterIndex = -1,
    DateTime PendingUntil = default)
{
    /// <summary>True when the amount was granted pending (spec v1.1 §3); it is still pending while the clock is before <see cref="PendingUntil"/>.</summary>
    public bool WasPending => PendingUntil != default;
}
