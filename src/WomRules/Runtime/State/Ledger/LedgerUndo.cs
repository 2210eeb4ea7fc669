namespace WomRules.Runtime;

/// <summary>
/// One change an open batch of the in-memory store made to the <see cref="EventLedger"/>, enough to take it back: an
/// id's mark as it was before (<see cref="Had"/> false: it had none), or an id that went into or out of one of its queues.
/// </summary>
internal readonly record struct LedgerUndo(LedgerUndoKind Kind, string Id, bool Had = false, LedgerMark Mark = default);
