namespace WomRules.Runtime;

/// <summary>
/// The default store: everything in memory. <see cref="WriteTo"/> and <see cref="ReadFrom"/> save and load it as the
/// state file of spec §5. An engine over this store changes its participants in place (undoing a failed event), so
/// what it hands out (<see cref="Find"/>, <see cref="Participants"/>) are snapshots. It is not itself thread-safe:
/// while an engine processes events, read participants through <see cref="CampaignEngine.GetParticipant"/>.
/// </summary>
public sealed class InMemoryParticipantStore : IParticipantStore
{
    private readonly Dictionary<string, ParticipantState> participants = new(StringComparer.Ordinal);

    // The campaign whose reversible_for and accept_late the ledger keeps, and whose counters a host's ledger entry names.
    private CompiledCampaign? campaign;

    // While a batch is open (BeginBatch): each participant the batch touched as it was at first touch (null: absent),
    // and the totals then. Null outside a batch, so an event outside one pays a test, not a copy.
    private Dictionary<string, ParticipantState?>? batchBefore;
    private (long Points, decimal Credit) batchTotals;

    /// <summary>An empty store; <see cref="Commit"/> keeps the ledger with the default <c>reversible_for</c> until an engine is made over it.</summary>
    public InMemoryParticipantStore()
    {
    }

    /// <summary>
    /// An empty store for <paramref name="campaign"/>, for a store that wraps this one and commits changes to it: its
    /// ledger keeps the campaign's <c>reversible_for</c> and <c>accept_late</c> from the first commit.
    /// </summary>
    public InMemoryParticipantStore(CompiledCampaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        LedgerFor(campaign);
    }

    /// <summary>The ledger of spec v1.1 §2, which is also the set of seen event ids (one lookup an event, not two).</summary>
    internal EventLedger Ledger { get; } = new();

    /// <summary>The identity records of spec v1.1 §8, which the state file carries.</summary>
    internal IdentityIndex Identities { get; } = new();

    /// <summary>The clock and the time-driven effects not yet due (spec v1.1 §1).</summary>
    internal EngineTimeline Timeline { get; } = new();

    /// <inheritdoc />
    public long PointsIssued { get; private set; }

    /// <inheritdoc />
    public decimal CreditIssued { get; private set; }

    /// <summary>Snapshots of all participants, in no particular order.</summary>
    public IEnumerable<ParticipantState> Participants => participants.Values.Select(HandOut);

    /// <summary>The participants as stored, which an engine changes in place: for the engine and the state file only.</summary>
    internal IEnumerable<ParticipantState> LiveParticipants => participants.Values;

    /// <summary>The ids of every event applied so far.</summary>
    public IEnumerable<string> SeenEventIds => Ledger.Ids;

    /// <summary>A snapshot of the participant's current state, or null for a participant never seen.</summary>
    public ParticipantState? Find(string participantId) => participants.GetValueOrDefault(participantId) is { } state ? HandOut(state) : null;

    /// <summary>A copy for a host, with the participant's identity records, which this store keeps in <see cref="Identities"/>.</summary>
    private ParticipantState HandOut(ParticipantState state)
    {
        var copy = state.Snapshot();
        copy.Identities = Identities.RecordsOf(state.Id);
        return copy;
    }

    /// <summary>The participant as stored, which the engine changes in place.</summary>
    internal ParticipantState? FindLive(string participantId)
    {
        if (batchBefore is not null)
        {
            Touch(participantId);
        }

        return participants.GetValueOrDefault(participantId);
    }

    /// <inheritdoc />
    public bool HasSeenEvent(string eventId) => Ledger.Contains(eventId);

    /// <summary>
    /// Applies everything one change carries, as the state file reader would load it (docs/stores.md): participants,
    /// budget deltas, ledger entries (the seen ids), the lateness horizon, the clock, pending grants and grant order.
    /// The store keeps the given states as they are (it does not copy them). An engine directly over this store does
    /// not call it (it changes the store in place); a store wrapping this one does.
    /// </summary>
    public void Commit(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Clock is { } clock)
        {
            Timeline.MoveTo(clock.UtcDateTime);
        }

        var firstNewGrant = Timeline.NextSequence;
        foreach (var participant in change.Participants)
        {
            QueueTimeEffects(participants.GetValueOrDefault(participant.Id), participant, firstNewGrant);
            Touch(participant.Id);
            participants[participant.Id] = participant;

            // A change made by an engine over another store (a wrapper of this one) carries the identity records on
            // the state; this store keeps them in its index.
            foreach (var record in participant.Identities)
            {
                Identities.Add(participant.Id, record);
            }
        }

        // Spec v1.1 §13: forgotten before the event is recorded, as the engine's admission does.
        if (change.ForgottenBefore is { } horizon)
        {
            Ledger.ForgetBefore(horizon.UtcDateTime);
        }

        foreach (var entry in change.Ledger)
        {
            var mark = entry.ToMark(campaign);
            if (entry.EventId == change.EventId)
            {
                // The event's own entry, recorded as the engine records it (moves the ledger's clock, drops old grants).
                Ledger.Record(entry.EventId, mark.At, mark.IsReversal, mark.Grant);
            }
            else if (Ledger.Contains(entry.EventId))
            {
                Ledger.Replace(entry.EventId, mark); // a reversal's target, now reversed
            }
            else
            {
                Ledger.Adopt(entry.EventId, mark);
            }
        }

        if (change.EventId is not null)
        {
            Ledger.MarkSeen(change.EventId); // a change without its entry (a host's own): seen, time unknown
        }

        foreach (var grant in change.PendingRemoved)
        {
            Timeline.Due.Remove(e => e is PendingRelease r && r.Sequence == grant);
        }

        foreach (var pending in change.PendingAdded)
        {
            Timeline.Due.Add(pending.ToRelease());
        }

        Timeline.SetNextSequence(Math.Max(Timeline.NextSequence, change.NextGrant));

        // Spec v1.1 §1: what is due by the clock has happened (the engine applied it and committed what it changed).
        while (Timeline.Clock is { } now && Timeline.Due.TryTakeDue(now, out _))
        {
        }

        // Checked: a total that wraps would lift the budget (issue 10); the engine checks before it commits.
        PointsIssued = checked(PointsIssued + change.PointsIssued);
        CreditIssued += change.CreditIssued;
    }

    /// <summary>
    /// Queues what an engine over this store would have queued for the change (spec v1.1 §4, §5): the expiry of each
    /// lot granted since the last change, and the keep end of a tier just reached. So the queue, and the state file's
    /// <c>pending</c>, are what they would be without the wrapper.
    /// </summary>
    private void QueueTimeEffects(ParticipantState? previous, ParticipantState state, long firstNewGrant)
    {
        foreach (var lot in state.Lots)
        {
            if (lot.Grant >= firstNewGrant)
            {
                Timeline.Due.Add(new LotExpiry(lot.Expires, lot.Grant, state.Id));
            }
        }

        if (campaign is { Bound.TierDowngrade: true } && state.TierSinceTicks != (previous?.TierSinceTicks ?? 0)
            && TierKeepEnd.For(state, campaign.Bound.TierKeep) is { } keepEnd)
        {
            Timeline.Due.Add(keepEnd);
        }
    }

    /// <summary>
    /// What <see cref="Commit"/> does, for the engine's own use, without building a <see cref="StateChange"/>: stores the
    /// states an event created or changed (null: none). The engine then records the event in <see cref="Ledger"/>, which
    /// marks its id seen.
    /// </summary>
    internal void CommitEvent(ParticipantState? actor, ParticipantState? referrer, long pointsIssued, decimal creditIssued)
    {
        if (actor is not null)
        {
            Touch(actor.Id);
            participants[actor.Id] = actor;
        }

        if (referrer is not null)
        {
            Touch(referrer.Id);
            participants[referrer.Id] = referrer;
        }

        PointsIssued = checked(PointsIssued + pointsIssued);
        CreditIssued += creditIssued;
    }

    /// <summary>The campaign-wide state as an immutable snapshot (participants: <see cref="ParticipantState.ToSnapshot"/>).</summary>
    public CampaignStateSnapshot ToCampaignStateSnapshot()
    {
        // Spec v1.1 §13: ids forgotten past the lateness horizon are not seen any more, whether or not dropped yet.
        var seen = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var id in Ledger.IdsAt(LatenessHorizon.Of(Timeline.Clock, Ledger.AcceptLate)))
        {
            Ledger.TryGet(id, out var mark);
            seen[id] = mark.IsKnown ? new DateTimeOffset(mark.At, TimeSpan.Zero) : null;
        }

        var clock = Timeline.Clock;
        return new CampaignStateSnapshot(PointsIssued, CreditIssued, clock is { } c ? new DateTimeOffset(c, TimeSpan.Zero) : null, seen) { NextGrant = Timeline.NextSequence };
    }

    /// <summary>
    /// The ledger entries a host's store would hold for this state (spec v1.1 §2), as the state file writes them: those
    /// inside <c>reversible_for</c> with their grants, and with <c>accept_late</c> every id not forgotten, with its time.
    /// With <see cref="ToCampaignStateSnapshot"/>, <see cref="Participants"/> and <see cref="PendingGrants"/>, what
    /// copying a state file into a database store takes (docs/stores.md).
    /// </summary>
    public IEnumerable<LedgerEntrySnapshot> LedgerEntries =>
        Ledger.EntriesAt(LatenessHorizon.Of(Timeline.Clock, Ledger.AcceptLate)).Select(e => LedgerEntrySnapshot.From(e.Key, e.Value));

    /// <summary>The pending grants waiting for their release (spec v1.1 §3), in due order.</summary>
    public IEnumerable<PendingGrantSnapshot> PendingGrants => Timeline.Due.InOrder.OfType<PendingRelease>().Select(PendingGrantSnapshot.From);

    /// <inheritdoc />
    public LedgerEntrySnapshot? FindLedgerEntry(string eventId) =>
        Ledger.TryGet(eventId, out var mark) && mark.IsKnown ? LedgerEntrySnapshot.From(eventId, mark) : null;

    /// <summary>Writes the whole store as a state file: participants, seen event ids, limit windows and budget used.</summary>
    public void WriteTo(Stream stream, CompiledCampaign campaign) => StateFileWriter.Write(stream, campaign, this);

    /// <summary>Reads a state file written by <see cref="WriteTo"/> (or by hand). Throws <see cref="InvalidDataException"/> with a readable message when it does not fit the campaign.</summary>
    public static InMemoryParticipantStore ReadFrom(Stream stream, CompiledCampaign campaign) => StateFile.Read(stream, campaign);

    internal void Restore(IEnumerable<ParticipantState> states, IEnumerable<string> seen, IEnumerable<KeyValuePair<string, LedgerMark>> ledger, long pointsIssued, decimal creditIssued)
    {
        participants.Clear();
        foreach (var state in states)
        {
            participants[state.Id] = state;
        }

        Ledger.Restore(seen, ledger);
        PointsIssued = pointsIssued;
        CreditIssued = creditIssued;
    }

    /// <summary>The store's ledger, made with the campaign's <c>reversible_for</c> when the store has none yet.</summary>
    internal EventLedger LedgerFor(CompiledCampaign campaign)
    {
        this.campaign = campaign;
        Ledger.ReversibleFor = campaign.Bound.ReversibleFor;
        Ledger.AcceptLate = campaign.Bound.AcceptLate;
        return Ledger;
    }

    internal void Put(ParticipantState state)
    {
        Touch(state.Id);
        participants[state.Id] = state;
    }

    /// <summary>
    /// Opens a batch that <see cref="IParticipantStore.AbandonBatch"/> can take back exactly (docs/stores.md): from here,
    /// every change an engine over this store makes, or a <see cref="Commit"/>, is noted at first touch (a participant's
    /// prior state or its absence; seen ids, ledger entries, grants forgotten or dropped; pending grants and other
    /// effects queued or taken; identity records; totals, clock and grant order). The cost is that of what the batch
    /// touches, never of the whole state. Throws <see cref="InvalidOperationException"/> when a batch is already open.
    /// </summary>
    void IParticipantStore.BeginBatch()
    {
        if (batchBefore is not null)
        {
            throw new InvalidOperationException("A batch is already open on this store.");
        }

        batchBefore = new Dictionary<string, ParticipantState?>(StringComparer.Ordinal);
        batchTotals = (PointsIssued, CreditIssued);
        Ledger.BeginUndo();
        Timeline.BeginUndo();
        Identities.BeginUndo();
    }

    /// <summary>Keeps every change of the open batch and forgets what would have undone it; nothing when none is open.</summary>
    void IParticipantStore.CompleteBatch()
    {
        batchBefore = null;
        Ledger.DropUndo();
        Timeline.DropUndo();
        Identities.DropUndo();
    }

    /// <summary>
    /// Puts the store back exactly as it was when the open batch began, in time proportional to what the batch touched
    /// (docs/stores.md); nothing when none is open. An engine over this store goes on from that state as if the batch
    /// had never come: the engine keeps nothing of its own between events.
    /// </summary>
    void IParticipantStore.AbandonBatch()
    {
        if (batchBefore is not { } before)
        {
            return;
        }

        batchBefore = null;
        foreach (var (id, state) in before)
        {
            if (state is null)
            {
                participants.Remove(id);
            }
            else
            {
                participants[id] = state;
            }
        }

        (PointsIssued, CreditIssued) = batchTotals;
        Ledger.Rollback();
        Timeline.Rollback();
        Identities.Rollback();
    }

    /// <summary>In an open batch, saves a participant before its first change: a copy sharing nothing the engine changes in place.</summary>
    private void Touch(string participantId)
    {
        if (batchBefore is { } before && !before.ContainsKey(participantId))
        {
            before[participantId] = participants.TryGetValue(participantId, out var state) ? state.Snapshot() : null;
        }
    }
}
