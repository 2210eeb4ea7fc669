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
    internal ParticipantState? FindLive(string participantId) => participants.GetValueOrDefault(participantId);

    /// <inheritdoc />
    public bool HasSeenEvent(string eventId) => Ledger.Contains(eventId);

    /// <summary>Applies everything one event changed. The store keeps the given states as they are (it does not copy them).</summary>
    public void Commit(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var participant in change.Participants)
        {
            participants[participant.Id] = participant;

            // A change made by an engine over another store (a wrapper of this one) carries the identity records on
            // the state; this store keeps them in its index.
            foreach (var record in participant.Identities)
            {
                Identities.Add(participant.Id, record);
            }
        }

        if (change.EventId is not null)
        {
            Ledger.MarkSeen(change.EventId);
        }
        // Checked: a total that wraps would lift the budget (issue 10); the engine checks before it commits.
        PointsIssued = checked(PointsIssued + change.PointsIssued);
        CreditIssued += change.CreditIssued;
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
            participants[actor.Id] = actor;
        }

        if (referrer is not null)
        {
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
        Ledger.ReversibleFor = campaign.Bound.ReversibleFor;
        Ledger.AcceptLate = campaign.Bound.AcceptLate;
        return Ledger;
    }

    internal void Put(ParticipantState state) => participants[state.Id] = state;
}
