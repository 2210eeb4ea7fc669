namespace WomRules.Runtime;

/// <summary>
/// One amount an event gave (or, for <see cref="LedgerEntryKind.Redeemed"/>, took) one participant, as its outcome
/// said it: a reversal takes it back exactly. <see cref="Name"/> is the badge or counter; <see cref="Amount"/> the
/// points, counter step or redeemed points; <see cref="Credit"/> the credit.
/// </summary>
internal readonly record struct LedgerEntry(
    LedgerEntryKind Kind,
    string Participant,
    string? Rule,
    long Amount,
    decimal Credit = 0m,
    string? Name = null,
    int CounterIndex = -1);
