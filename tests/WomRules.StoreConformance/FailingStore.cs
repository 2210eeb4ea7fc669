using WomRules.Runtime;

namespace WomRules.StoreConformance;

/// <summary>
/// Wraps a store and fails on demand, before the wrapped store sees the call: commit number <see cref="FailCommitAt"/>
/// (counting from 0), or the completion of batch number <see cref="FailBatchAt"/>. Everything else goes through.
/// </summary>
public sealed class FailingStore(IParticipantStore inner) : IParticipantStore
{
    /// <summary>The store wrapped.</summary>
    public IParticipantStore Inner => inner;

    /// <summary>Which commit fails; -1 for none.</summary>
    public int FailCommitAt { get; set; } = -1;

    /// <summary>Which batch's completion fails; -1 for none.</summary>
    public int FailBatchAt { get; set; } = -1;

    /// <summary>Commits asked for so far, failed or not.</summary>
    public int Commits { get; private set; }

    /// <summary>Batches completed or failed so far.</summary>
    public int Batches { get; private set; }

    /// <inheritdoc />
    public long PointsIssued => inner.PointsIssued;

    /// <inheritdoc />
    public decimal CreditIssued => inner.CreditIssued;

    /// <inheritdoc />
    public ParticipantState? Find(string participantId) => inner.Find(participantId);

    /// <inheritdoc />
    public bool HasSeenEvent(string eventId) => inner.HasSeenEvent(eventId);

    /// <inheritdoc />
    public void Commit(StateChange change)
    {
        if (Commits++ == FailCommitAt)
        {
            throw new IOException($"deliberate failure of commit {FailCommitAt}");
        }

        inner.Commit(change);
    }

    /// <inheritdoc />
    public ValueTask PrepareAsync(string eventId, string actor, string? referrer, CancellationToken cancellationToken) =>
        inner.PrepareAsync(eventId, actor, referrer, cancellationToken);

    /// <inheritdoc />
    public void BeginBatch() => inner.BeginBatch();

    /// <inheritdoc />
    public void CompleteBatch()
    {
        if (Batches++ == FailBatchAt)
        {
            throw new IOException($"deliberate failure of batch {FailBatchAt}");
        }

        inner.CompleteBatch();
    }

    /// <inheritdoc />
    public void AbandonBatch() => inner.AbandonBatch();
}
