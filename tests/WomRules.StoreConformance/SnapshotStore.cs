using WomRules.Runtime;

namespace WomRules.StoreConformance;

/// <summary>
/// A store written only against the public contract, as a database store would be (docs/stores.md): it keeps
/// <see cref="ParticipantSnapshot"/>s (the rows), the seen ids with their time, and the budget used, in a
/// <see cref="SnapshotStoreData"/> that outlives it (the database file), so "close and reopen" is a new store over the
/// same data. It refuses a seen id and an overspend as a shared store must, and stages a batch until it completes.
/// Every state it hands the engine is rebuilt from a snapshot, so running a campaign through it also checks that
/// snapshots lose nothing. It keeps the campaign-wide state incrementally too (the ledger entries, the pending grants,
/// the clock and the grant order each change carries), so <see cref="Rehydrate"/> makes a new engine that goes on
/// exactly as the old one would have.
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
    public LedgerEntrySnapshot? FindLedgerEntry(string eventId) => (staged ?? data).Ledger.GetValueOrDefault(eventId);

    /// <summary>
    /// A new engine over this store, from what it holds (docs/stores.md): the clock, the grant order and the latest
    /// seen event's time, the participants with lots or a tier, and the pending grants. No engine memory is carried over.
    /// </summary>
    public CampaignEngine Rehydrate()
    {
        var rows = staged ?? data;
        var latest = rows.Seen.Where(s => s.Value is not null).OrderByDescending(s => s.Value).Take(1).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var state = new CampaignStateSnapshot(rows.PointsIssued, rows.CreditIssued, rows.Clock, latest) { NextGrant = rows.NextGrant };
        var withDueEffects = rows.Participants.Values.Where(p => p.Lots.Count > 0 || p.Tier is not null);
        return CampaignEngine.Rehydrate(campaign, this, state, withDueEffects, rows.Pending.Values);
    }

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

        // The campaign-wide state, by key: what the change adds or replaces, never the whole of it.
        foreach (var entry in change.Ledger)
        {
            target.Ledger[entry.EventId] = entry;
        }

        foreach (var pending in change.PendingAdded)
        {
            target.Pending[pending.Grant] = pending;
        }

        foreach (var grant in change.PendingRemoved)
        {
            target.Pending.Remove(grant);
        }

        if (change.Clock > target.Clock || target.Clock is null)
        {
            target.Clock = change.Clock ?? target.Clock;
        }

        target.NextGrant = Math.Max(target.NextGrant, change.NextGrant);

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

    /// <summary>The ledger entries, by event id (beside the seen ids, as one table would hold both).</summary>
    public Dictionary<string, LedgerEntrySnapshot> Ledger { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>The pending grants not yet released, by grant order.</summary>
    public Dictionary<long, PendingGrantSnapshot> Pending { get; private set; } = [];

    /// <summary>The engine's clock, the latest a change carried.</summary>
    public DateTimeOffset? Clock { get; set; }

    /// <summary>The engine's next place in grant order.</summary>
    public long NextGrant { get; set; }

    /// <summary>Points issued.</summary>
    public long PointsIssued { get; set; }

    /// <summary>Credit issued.</summary>
    public decimal CreditIssued { get; set; }

    internal SnapshotStoreData Copy() => new()
    {
        Participants = new(Participants, StringComparer.Ordinal),
        Seen = new(Seen, StringComparer.Ordinal),
        Ledger = new(Ledger, StringComparer.Ordinal),
        Pending = new(Pending),
        Clock = Clock,
        NextGrant = NextGrant,
        PointsIssued = PointsIssued,
        CreditIssued = CreditIssued,
    };

    internal void ReplaceWith(SnapshotStoreData other)
    {
        Participants = other.Participants;
        Seen = other.Seen;
        Ledger = other.Ledger;
        Pending = other.Pending;
        Clock = other.Clock;
        NextGrant = other.NextGrant;
        PointsIssued = other.PointsIssued;
        CreditIssued = other.CreditIssued;
    }
}
