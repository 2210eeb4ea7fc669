namespace WomRules.Runtime;

/// <summary>
/// Where an engine keeps participants, the ids of events it has applied, and the points and credit issued against
/// the budget (docs/stores.md). The engine reads what an event needs (<see cref="Find"/> for its actor and referrer,
/// <see cref="HasSeenEvent"/>, the totals), evaluates it in memory, and hands the store the whole result in one
/// <see cref="Commit"/>. <see cref="Commit"/> must apply a whole <see cref="StateChange"/> or nothing of it, and throw
/// when it applies nothing (a refused overspend, a lost connection): the engine then puts back its own view and
/// throws <see cref="StoreCommitException"/>. Between <see cref="BeginBatch"/> and <see cref="CompleteBatch"/>, commits
/// may be staged and made durable together (group commit); reads must see the staged changes.
/// </summary>
public interface IParticipantStore
{
    /// <summary>The participant's current state, or null for a participant never seen.</summary>
    ParticipantState? Find(string participantId);

    /// <summary>True when an event with this id has been applied before.</summary>
    bool HasSeenEvent(string eventId);

    /// <summary>Points issued by the campaign so far, counted against <c>budget.points</c>.</summary>
    long PointsIssued { get; }

    /// <summary>Credit issued by the campaign so far, counted against <c>budget.credit</c>.</summary>
    decimal CreditIssued { get; }

    /// <summary>
    /// Applies everything one event changed, atomically: the participants, the seen id, and the budget deltas. A
    /// store shared by several engines must refuse (throw) a change whose deltas would take a total past
    /// <see cref="StateChange.PointsBudget"/> or <see cref="StateChange.CreditBudget"/>, or whose id is already seen.
    /// </summary>
    void Commit(StateChange change);

    /// <summary>
    /// The ledger entry (spec v1.1 §2) a change carried for this event id (<see cref="StateChange.Ledger"/>, the latest
    /// one for the id), or null when the store keeps none. A reversal whose target the engine does not hold in memory
    /// (it was applied before the engine was made) asks for it here. The default keeps none: such a reversal is then
    /// refused as too old.
    /// </summary>
    LedgerEntrySnapshot? FindLedgerEntry(string eventId) => null;

    /// <summary>
    /// Called by <see cref="CampaignEngine.ProcessAsync"/> before an event is evaluated, with the participants it names
    /// (actor, and referrer when it has one): the place for a store to load them, or lock their rows, without blocking
    /// a thread. The default does nothing.
    /// </summary>
    ValueTask PrepareAsync(string eventId, string actor, string? referrer, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Starts a group of commits that become durable together (a transaction). The default does nothing.</summary>
    void BeginBatch()
    {
    }

    /// <summary>Makes every commit since <see cref="BeginBatch"/> durable, all or none; throws when none are. The default does nothing.</summary>
    void CompleteBatch()
    {
    }

    /// <summary>The asynchronous <see cref="CompleteBatch"/>; the default calls it.</summary>
    ValueTask CompleteBatchAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CompleteBatch();
        return ValueTask.CompletedTask;
    }

    /// <summary>Drops every commit since <see cref="BeginBatch"/> (a commit of the batch failed). Must not throw. The default does nothing.</summary>
    void AbandonBatch()
    {
    }
}
