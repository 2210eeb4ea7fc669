using WomRules.Runtime;

namespace WomRules.StoreConformance;

/// <summary>
/// A store written only against the public contract, as a database store would be (docs/stores.md): it keeps
/// <see cref="ParticipantSnapshot"/>s (the rows), the seen ids with their time, and the budget used, in a
/// <see cref="SnapshotStoreData"/> that outlives it (the database file), so "close and reopen" is a new store over the
/// same data. It refuses a seen id and an overspend as a shared store must, and stages a batch until it completes.
/// Every state it hands the engine is rebuilt from a snapshot, so running a campaign through it also checks that
/// snapshots lose nothing.
/// </summary>
public sealed class SnapshotStore(CompiledCampaign campaign, SnapshotStoreData data) : IParticipantStore
{
    // The batch being staged (null: none); reads see it first, as a transaction sees its own writes.
    private SnapshotStoreData? staged;

    /// <summary>A new, empty store.</summary>
    public SnapshotStore(CompiledCampaign campaign)
        : this(campaign, new SnapshotStoreData())
    {
    }

    /// <summary>The committed data (the "database file").</summary>
    public SnapshotStoreData Data => data;

    /// <inheritdoc />
    public long PointsIssued => (staged ?? data).PointsIssued;

    /// <inheritdoc />
    public decimal CreditIssued => (staged ?? data).CreditIssued;

    /// <inheritdoc />
    public ParticipantState? Find(string participantId) =>
        (staged ?? data).Participants.TryGetValue(participantId, out var row) ? ParticipantState.FromSnapshot(campaign, row) : null;

    /// <inheritdoc />
    public bool HasSeenEvent(string eventId) => (staged ?? data).Seen.ContainsKey(eventId);

    /// <inheritdoc />
    public void Commit(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var target = staged ?? data;

        // Checked first, written after: a refused change writes nothing.
        var points = checked(target.PointsIssued + change.PointsIssued);
        var credit = target.CreditIssued + change.CreditIssued;
        if ((change.PointsIssued > 0 && points > change.PointsBudget) || (change.CreditIssued > 0 && credit > change.CreditBudget))
        {
            throw new InvalidOperationException($"event '{change.EventId}' would take the budget past its limit");
        }

        // An id forgotten past the lateness horizon (spec v1.1 §13) may be reused.
        if (change.EventId is { } id && target.Seen.TryGetValue(id, out var seenAt) && !(seenAt < change.ForgottenBefore))
        {
            throw new InvalidOperationException($"event '{id}' is already applied");
        }

        foreach (var participant in change.Participants)
        {
            target.Participants[participant.Id] = participant.ToSnapshot();
        }

        if (change.EventId is { } seen)
        {
            target.Seen[seen] = change.At;
        }

        target.PointsIssued = points;
        target.CreditIssued = credit;
    }

    /// <inheritdoc />
    public void BeginBatch() => staged = data.Copy();

    /// <inheritdoc />
    public void CompleteBatch()
    {
        if (staged is { } batch)
        {
            data.ReplaceWith(batch);
            staged = null;
        }
    }

    /// <inheritdoc />
    public void AbandonBatch() => staged = null;
}

/// <summary>What a <see cref="SnapshotStore"/> has committed: rows that outlive the store object.</summary>
public sealed class SnapshotStoreData
{
    /// <summary>The participants, by id.</summary>
    public Dictionary<string, ParticipantSnapshot> Participants { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>The seen event ids with their time.</summary>
    public Dictionary<string, DateTimeOffset?> Seen { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Points issued.</summary>
    public long PointsIssued { get; set; }

    /// <summary>Credit issued.</summary>
    public decimal CreditIssued { get; set; }

    internal SnapshotStoreData Copy() => new()
    {
        Participants = new(Participants, StringComparer.Ordinal),
        Seen = new(Seen, StringComparer.Ordinal),
        PointsIssued = PointsIssued,
        CreditIssued = CreditIssued,
    };

    internal void ReplaceWith(SnapshotStoreData other)
    {
        Participants = other.Participants;
        Seen = other.Seen;
        PointsIssued = other.PointsIssued;
        CreditIssued = other.CreditIssued;
    }
}
