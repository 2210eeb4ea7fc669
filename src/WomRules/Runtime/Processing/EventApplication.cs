using WomRules.Binding;
using WomRules.Emit;

namespace WomRules.Runtime;

/// <summary>
/// Spec §4, steps 4 to 9, for an admitted event: finds or creates its participants, redeems, checks disclosures,
/// fires rules (<see cref="RuleFiring"/>), moves tiers, and commits the event's changes to the store at once.
/// Outcomes go to the engine's list of this event's outcomes.
/// </summary>
internal sealed class EventApplication
{
    private readonly CompiledCampaign campaign;
    private readonly IParticipantStore store;
    private readonly EvaluationContext context;
    private readonly List<Outcome> outcomes;
    private readonly RuleFiring rules;
    private readonly EventLedger ledger;
    private readonly LedgerRecorder recorder = new();
    private readonly EventReversal reversal;
    private readonly ParticipantUpdate update;
    private readonly ClockAdvance clock;
    private readonly IdentityIndex identities;

    // Points lots and grant order (spec v1.1 §1, §4); what the event being applied schedules is queued once it commits.
    private readonly PointsLots lots;

    // The in-memory store's states are changed in place; these save them first, so a failed event is undone.
    private readonly InMemoryParticipantStore? memory;
    private readonly ParticipantCheckpoint actorCheckpoint = new();
    private readonly ParticipantCheckpoint referrerCheckpoint = new();

    public EventApplication(CompiledCampaign campaign, IParticipantStore store, EvaluationContext context, List<Outcome> outcomes)
    {
        this.campaign = campaign;
        this.store = store;
        this.context = context;
        this.outcomes = outcomes;
        memory = store as InMemoryParticipantStore;
        var timeline = memory is not null ? memory.Timeline : new EngineTimeline();
        lots = new PointsLots(timeline, campaign.Bound.PointsExpiry);
        rules = new RuleFiring(campaign, store, context, outcomes, recorder, lots, timeline);

        // The in-memory store keeps the ledger, so the state file carries it; over any other store the engine keeps a working
        // copy, handing the store each change's entries and reading back those it lacks (FindLedgerEntry).
        ledger = memory is not null ? memory.LedgerFor(campaign) : new EventLedger { ReversibleFor = campaign.Bound.ReversibleFor, AcceptLate = campaign.Bound.AcceptLate };
        // Likewise the identity records (spec v1.1 §8), which shares_identity reads through the context.
        identities = memory is not null ? memory.Identities : new IdentityIndex();
        identities.Ids = campaign.Bound.Ids;
        if (memory is null)
        {
            // A host's store keeps each participant's records on its state (ParticipantSnapshot.Identities).
            identities.RecordsOnState = RecordsOf;
        }

        context.Identities = identities;
        reversal = new EventReversal(this, ledger, outcomes);
        update = new ParticipantUpdate(this);

        // Likewise the clock and the time-driven effects (spec v1.1 §1).
        clock = new ClockAdvance(timeline, this, outcomes);
    }

    /// <summary>The engine's clock and what is due (spec v1.1 §1).</summary>
    internal ClockAdvance Clock => clock;

    internal PointsLots Lots => lots;

    /// <summary>The engine's ledger (spec v1.1 §2).</summary>
    internal EventLedger Ledger => ledger;

    internal CompiledCampaign Campaign => campaign;

    /// <summary>The engine's identity records (spec v1.1 §8).</summary>
    internal IdentityIndex Identities => identities;

    /// <summary>The lateness horizon at the clock (spec v1.1 §13); null without <c>accept_late</c>.</summary>
    internal DateTime? Horizon => LatenessHorizon.Of(clock.Clock, campaign.Bound.AcceptLate);

    internal EvaluationContext Context => context;

    internal IParticipantStore Store => store;

    internal ParticipantCheckpoint ActorCheckpoint => actorCheckpoint;

    internal ParticipantCheckpoint ReferrerCheckpoint => referrerCheckpoint;

    internal bool InPlace => memory is not null;

    /// <summary>The state as stored, which for the in-memory store is the live one the engine changes in place.</summary>
    public ParticipantState? FindStored(string participantId) => memory is not null ? memory.FindLive(participantId) : store.Find(participantId);

    /// <summary>A participant's identity records over a host's store: the event's own states first, then the store's.</summary>
    private IdentityRecord[]? RecordsOf(string id)
    {
        if (context.Participant is { } actor && string.Equals(actor.Id, id, StringComparison.Ordinal))
        {
            return actor.Identities;
        }

        return context.Referrer is { } referrer && string.Equals(referrer.Id, id, StringComparison.Ordinal) ? referrer.Identities : store.Find(id)?.Identities;
    }

    /// <summary>A participant on first sight (spec §4.4): first tier, zero points and counters, attribute defaults.</summary>
    public ParticipantState NewParticipant(string id) => new(campaign.Schema, id);

    /// <summary>
    /// The clock once the event being applied is accepted (spec v1.1 §1: the latest 'at' of the accepted events): what
    /// the timestamps it sets, such as a tier's <c>tier_since</c>, take, so a late event sets no time in the past.
    /// </summary>
    internal DateTime Now { get; private set; }

    // The 'at' of the event being applied, for its StateChange.
    private DateTime eventAt;

    public void Apply(EventData e, CompiledEventType compiledType)
    {
        // The engine's clock has already moved to this event's 'at' if it was later (spec v1.1 §1).
        Now = clock.Clock is { } current && current > e.At ? current : e.At;
        eventAt = e.At;
        if (compiledType.Symbol.IsReversal)
        {
            reversal.Apply(e);
            return;
        }

        if (compiledType.Symbol.IsParticipantUpdate)
        {
            update.Apply(e);
            return;
        }

        var participants = FindParticipants(e);
        var tally = default(EventTally);

        context.Event = e;
        context.Participant = participants.Actor;
        context.Referrer = participants.Referrer;

        // A redemption the balance cannot pay is rejected before anything else: it creates no participant (spec v1.1 §1).
        if (compiledType.Symbol.IsRedemption && RedemptionRefusal(e, participants.Actor) is { } refusal)
        {
            outcomes.Add(refusal);
            return;
        }

        FirstSightTiers(e.Id, participants);
        ParticipantSightings.Record(ref participants, e.At, context);

        // Spec v1.1 §8: before the rules, so that shares_identity sees this event's own values.
        if (memory is not null)
        {
            identities.Record(e.Actor, e);
        }
        else
        {
            IdentityIndex.RecordOnState(ref participants, e, context);
        }

        // Built-in redemption (spec §4.9).
        if (compiledType.Symbol.IsRedemption)
        {
            Redeem(e, ref participants);
            tally.ActorChanged = true;
        }

        var withhold = CheckDisclosures(e, compiledType, participants.Actor);

        // Rules (spec §4.6, §4.7).
        foreach (var rule in compiledType.Rules)
        {
            if (rules.Fire(rule, e, ref participants, withhold, ref tally) && rule.Symbol.Stop)
            {
                break;
            }
        }

        // Tiers (spec §4.8): the actor, then the referrer. Only a changed participant can reach a new tier, and a
        // changed participant is already this event's own copy.
        if (tally.ActorChanged)
        {
            UpdateTier(e.Id, participants.Actor);
        }

        if (tally.ReferrerChanged && participants.Referrer is not null && !participants.SameParticipant)
        {
            UpdateTier(e.Id, participants.Referrer);
        }

        // Built before the commit: a host's store gets the event's ledger entry in the same change.
        var grant = recorder.Build(tally.PointsIssued, tally.CreditIssued);
        if (memory is null && grant is not null)
        {
            NoteLedger(e.Id, new LedgerMark(e.At, isReversal: false, reversed: false, grant));
        }

        Commit(e.Id, participants, tally.PointsIssued, tally.CreditIssued);
        ledger.Record(e.Id, e.At, isReversal: false, grant);
        ScheduleCommitted();
    }

    /// <summary>
    /// Queues what the committed event scheduled (releases, lot expiries); what is already due by the clock (a late
    /// event's) happens right after it (spec v1.1 §1).
    /// </summary>
    internal void ScheduleCommitted()
    {
        // (Keep ends, spec v1.1 §5, wait here with the lots' effects: they are the event's until it commits.)
        if (lots.Scheduled.Count == 0)
        {
            return;
        }

        foreach (var effect in lots.Scheduled)
        {
            clock.Timeline.Due.Add(effect);
        }

        lots.Scheduled.Clear();
        clock.CatchUp();
    }

    /// <summary>
    /// The ledger entries the next change to a host's store carries (spec v1.1 §2): an event's own, and a reversal's
    /// target marked reversed. Without one noted, an event's change carries its plain entry (its time alone).
    /// </summary>
    private LedgerEntrySnapshot[]? changeLedger;

    // The pending grants a reversal cancels, for its change (their releases leave the queue once it commits).
    private long[]? pendingRemoved;

    internal void NotePendingRemoved(long[] grants) => pendingRemoved = grants;

    /// <summary>The pending grants the event being applied scheduled (queued once it commits), for its change.</summary>
    private IReadOnlyList<PendingGrantSnapshot> PendingScheduled()
    {
        List<PendingGrantSnapshot>? added = null;
        foreach (var effect in lots.Scheduled)
        {
            if (effect is PendingRelease release)
            {
                (added ??= []).Add(PendingGrantSnapshot.From(release));
            }
        }

        return added is null ? [] : added;
    }

    internal void NoteLedger(string eventId, in LedgerMark mark, string? target = null, in LedgerMark targetMark = default) =>
        changeLedger = target is null ? [LedgerEntrySnapshot.From(eventId, mark)] : [LedgerEntrySnapshot.From(eventId, mark), LedgerEntrySnapshot.From(target, targetMark)];

    /// <summary>
    /// The ledger entry of <paramref name="eventId"/>: the engine's own, or over a host's store the one the store kept
    /// (an event applied before this engine was made), which the engine then holds like its own.
    /// </summary>
    internal bool TryGetLedger(string eventId, out LedgerMark mark)
    {
        if (ledger.TryGet(eventId, out mark) || memory is not null || store.FindLedgerEntry(eventId) is not { } kept)
        {
            return ledger.TryGet(eventId, out mark);
        }

        mark = kept.ToMark(campaign);
        ledger.Adopt(eventId, mark);
        return true;
    }

    /// <summary>
    /// For the duplicate check: true when a seen id's event is earlier than the lateness horizon (spec v1.1 §13). Over
    /// a host's store, an id the engine does not hold is looked up in the store's ledger (only ids already seen come here).
    /// </summary>
    internal bool IsPastHorizon(string eventId, DateTime? horizon) =>
        horizon is { } h && (ledger.Contains(eventId) || memory is not null
            ? ledger.IsPastHorizon(eventId, horizon)
            : store.FindLedgerEntry(eventId) is { } kept && kept.At.UtcDateTime < h); // its time alone: no JSON to read

    /// <summary>
    /// Puts back what a new engine over a host's store needs beyond the store's reads (docs/stores.md): the clock, the
    /// grant order, the ledger's clock (the latest seen event's time), and the queue of time-driven effects, rebuilt
    /// from the participants' lots and tiers and the pending grants.
    /// </summary>
    internal void Rehydrate(CampaignStateSnapshot state, IEnumerable<ParticipantSnapshot> participants, IEnumerable<PendingGrantSnapshot> pendingGrants)
    {
        var effects = new List<DueEffect>();
        foreach (var pending in pendingGrants)
        {
            effects.Add(pending.ToRelease());
        }

        foreach (var snapshot in participants)
        {
            foreach (var lot in snapshot.Lots)
            {
                effects.Add(new LotExpiry(lot.Expires.UtcDateTime, lot.Grant, snapshot.Id));
            }

            // Spec v1.1 §5: a keep end comes from the tier and tier_since (as the state file rebuilds it).
            if (campaign.Bound.TierDowngrade && TierKeepEnd.For(ParticipantState.FromSnapshot(campaign, snapshot), campaign.Bound.TierKeep) is { } keepEnd
                && (state.Clock is not { } now || keepEnd.Due > now.UtcDateTime))
            {
                effects.Add(keepEnd);
            }
        }

        clock.Timeline.Restore(state.Clock?.UtcDateTime, state.NextGrant, effects);
        storedClock = state.Clock?.UtcDateTime;
        foreach (var at in state.SeenEvents.Values)
        {
            if (at is { } time)
            {
                ledger.StartClockAt(time.UtcDateTime);
            }
        }
    }

    /// <summary>A participant a time-driven effect changes, writable: the live state in place, or a copy to commit.</summary>
    internal ParticipantState WritableForTime(string participantId) =>
        memory is not null
            ? memory.FindLive(participantId) ?? throw new InvalidOperationException($"a time-driven effect names '{participantId}', who is not in the store")
            : (store.Find(participantId) ?? throw new InvalidOperationException($"a time-driven effect names '{participantId}', who is not in the store")).Clone();

    /// <summary>Commits what a time-driven effect changed, on its own (it belongs to no event).</summary>
    internal void CommitForTime(ParticipantState state, DateTime due, long? released = null)
    {
        if (memory is null)
        {
            // The effect has left the timeline already, so a failure here leaves the engine's view ahead of the store.
            // The clock reaches the effect's due time as it happens (spec v1.1 §1).
            var at = clock.Clock is { } current && current > due ? current : due;
            CommitToStore(new StateChange(null, [state], 0, 0m) 
            {
                Clock = new DateTimeOffset(at, TimeSpan.Zero),
                NextGrant = clock.Timeline.NextSequence,
                PendingRemoved = released is { } grant ? [grant] : [],
            }, engineFaulted: true);
        }
    }

    /// <summary>True once a commit failed in a way that leaves the engine's own view unlike the store's.</summary>
    internal bool Faulted { get; set; }

    /// <summary>
    /// Hands a change to a host's store. Any failure becomes a <see cref="StoreCommitException"/> naming the event; the
    /// caller (<see cref="EventAdmission"/>) then puts back the engine's view of it, so nothing of it is applied.
    /// </summary>
    internal void CommitToStore(StateChange change, bool engineFaulted = false)
    {
        try
        {
            store.Commit(change);
            if (change.Clock is { } committed)
            {
                storedClock = committed.UtcDateTime;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not StoreCommitException)
        {
            Faulted |= engineFaulted;
            throw new StoreCommitException(change.EventId, change.EventId is null ? [] : [change.EventId], engineFaulted, ex);
        }
    }

    // The latest clock a change handed a host's store carried: what a rehydrated engine would start from.
    private DateTime? storedClock;

    /// <summary>
    /// Over a host's store, hands it the clock when an event or a sweep moved it without a change of its own (an event
    /// rejected for its content, a sweep with nothing due; spec v1.1 §1), so a restart starts from the same clock.
    /// When the store fails, the engine's clock goes back to the store's and <see cref="StoreCommitException"/> names
    /// the event (null for a sweep): nothing of it stands, and it can be sent again.
    /// </summary>
    internal void CommitClock(string? eventId)
    {
        if (memory is not null || clock.Clock is not { } now || storedClock == now)
        {
            return;
        }

        try
        {
            store.Commit(new StateChange(null, [], 0, 0m) { Clock = new DateTimeOffset(now, TimeSpan.Zero), NextGrant = clock.Timeline.NextSequence });
            storedClock = now;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            clock.Timeline.SetClock(storedClock);
            throw new StoreCommitException(eventId, eventId is null ? [] : [eventId], engineFaulted: false, ex);
        }
    }

    /// <summary>An event's change with its time and the budget's limits, so a shared store can refuse an overspend.</summary>
    internal StateChange EventChange(string eventId, IReadOnlyList<ParticipantState> states, long pointsIssued, decimal creditIssued) =>
        new(eventId, states, pointsIssued, creditIssued)
        {
            At = new DateTimeOffset(eventAt, TimeSpan.Zero),
            Ledger = changeLedger ?? [LedgerEntrySnapshot.From(eventId, new LedgerMark(eventAt, isReversal: false, reversed: false, grant: null))],
            Clock = clock.Clock is { } now ? new DateTimeOffset(now, TimeSpan.Zero) : null,
            NextGrant = clock.Timeline.NextSequence,
            PendingAdded = PendingScheduled(),
            PendingRemoved = pendingRemoved ?? [],
            ForgottenBefore = Horizon is { } horizon ? new DateTimeOffset(horizon, TimeSpan.Zero) : null,
            PointsBudget = campaign.Bound.Budget?.Points,
            CreditBudget = campaign.Bound.Budget?.Credit,
        };

    /// <summary>Puts back the in-place states of an event that failed; nothing of it was committed.</summary>
    public void Undo()
    {
        actorCheckpoint.Restore();
        referrerCheckpoint.Restore();
        identities.Undo();
    }

    /// <summary>Drops every reference to the last event, applied or not.</summary>
    public void Forget()
    {
        actorCheckpoint.Clear();
        referrerCheckpoint.Clear();
        recorder.Clear();
        changeLedger = null;
        pendingRemoved = null;
        identities.Forget();
        lots.Scheduled.Clear();
        context.Event = null;
        context.Participant = null!;
        context.Referrer = null;
    }

    /// <summary>The event's actor and referrer as stored (read-only until written), or new participants.</summary>
    private EventParticipants FindParticipants(EventData e)
    {
        var (actorSaves, referrerSaves) = memory is null ? (null, null) : (actorCheckpoint, referrerCheckpoint);
        var stored = FindStored(e.Actor);
        var actor = stored ?? NewParticipant(e.Actor);
        var actorIsNew = stored is null;
        if (e.Referrer.Length == 0)
        {
            return new EventParticipants(actor, actorIsNew, null, false, actorSaves, referrerSaves);
        }

        if (e.Referrer == e.Actor)
        {
            return new EventParticipants(actor, actorIsNew, actor, actorIsNew, actorSaves, referrerSaves);
        }

        var storedReferrer = FindStored(e.Referrer);
        return new EventParticipants(actor, actorIsNew, storedReferrer ?? NewParticipant(e.Referrer), storedReferrer is null, actorSaves, referrerSaves);
    }

    /// <summary>Why a redemption (spec §4.9) is rejected, or null when the actor's balance pays it.</summary>
    private static RejectedOutcome? RedemptionRefusal(EventData e, ParticipantState actor)
    {
        var points = (long)e.Values[0]!;
        if (points <= 0)
        {
            return new RejectedOutcome(e.Id, "'points' to redeem must be more than 0");
        }

        return points > actor.Points ? new RejectedOutcome(e.Id, $"redeeming {points} points but '{actor.Id}' has {actor.Points}") : null;
    }

    /// <summary>Lowers the actor's points by the event's 'points' (spec §4.9), which <see cref="RedemptionRefusal"/> allowed.</summary>
    private void Redeem(EventData e, ref EventParticipants participants)
    {
        var points = (long)e.Values[0]!;
        var redeemer = participants.WritableActor(context);
        redeemer.Points -= points;
        lots.Take(redeemer, points);
        outcomes.Add(new RedeemedOutcome(e.Id, redeemer.Id, points));
        recorder.Add(new LedgerEntry(LedgerEntryKind.Redeemed, redeemer.Id, null, points));
    }

    /// <summary>Checks the event's disclosures (spec §4.5), giving a violation for each unmet; true when one withholds rewards.</summary>
    private bool CheckDisclosures(EventData e, CompiledEventType compiledType, ParticipantState actor)
    {
        var withhold = false;
        foreach (var disclosure in compiledType.Disclosures)
        {
            bool satisfied;
            try
            {
                satisfied = disclosure.Satisfied(context);
            }
            catch (Exception ex) when (EvaluationFailures.Is(ex))
            {
                // Fail closed: a check that cannot be evaluated does not count as a disclosure.
                satisfied = false;
            }

            if (!satisfied)
            {
                var symbol = disclosure.Symbol;
                withhold |= symbol.Action == DisclosureAction.Withhold;
                outcomes.Add(new ViolationOutcome(e.Id, symbol.Name, actor.Id, symbol.Action == DisclosureAction.Withhold ? "withhold" : "flag", symbol.Message));
            }
        }

        return withhold;
    }

    /// <summary>
    /// Spec v1.1 §5: a participant on first sight gets the tier its attributes already qualify for, before any rule
    /// runs (actor, then referrer, spec v1.1 §1). A newcomer is the event's own state, so this writes nothing stored.
    /// </summary>
    internal void FirstSightTiers(string eventId, in EventParticipants participants)
    {
        if (participants.ActorIsNew)
        {
            FirstSight(eventId, participants.Actor);
        }

        if (participants.ReferrerIsNew && !participants.SameParticipant && participants.Referrer is { } referrer)
        {
            FirstSight(eventId, referrer);
        }

        context.Participant = participants.Actor;
    }

    /// <summary>A newcomer's first tier, and its <c>tier_since</c>: its first sight, or the move if it moves at once (spec v1.1 §5).</summary>
    internal void FirstSight(string eventId, ParticipantState newcomer)
    {
        newcomer.TierSinceTicks = Now.Ticks;
        UpdateTier(eventId, newcomer);
    }

    internal void UpdateTier(string? eventId, ParticipantState subject, DateTime? due = null)
    {
        context.Participant = subject;
        var reached = campaign.TierSearch(context, subject.TierIndex);
        if (reached == subject.TierIndex && subject.TierIndex > 0 && campaign.Bound.TierDowngrade && !Kept(subject, due ?? Now) && !TierHolds(subject.TierIndex))
        {
            // Spec v1.1 §5, downgrade: the current tier's 'when' no longer holds, so the highest tier whose 'when' holds.
            reached = campaign.TierSearch(context, 0);
        }

        if (reached != subject.TierIndex)
        {
            var tiers = campaign.CompiledTiers;
            outcomes.Add(new TierOutcome(eventId, subject.Id, tiers[subject.TierIndex].Symbol.Name, tiers[reached].Symbol.Name) { Due = due });
            subject.TierIndex = reached;
            // A time-driven change (a release, an expiry) happens at its due time, not at the event that swept it.
            subject.TierSinceTicks = (due ?? Now).Ticks;
            ScheduleKeepEnd(subject, timeDriven: due is not null);
        }
    }

    /// <summary>Spec v1.1 §5 'keep': whether the participant's tier is still kept at <paramref name="at"/> (keep has not passed since tier_since).</summary>
    private bool Kept(ParticipantState subject, DateTime at) => TierKeepEnd.EndOf(subject, campaign.Bound.TierKeep) is { } end && at < end;

    /// <summary>
    /// Queues the end of the keep of the tier just reached, so the clock reaching it moves the participant down if its
    /// 'when' no longer holds then (spec v1.1 §5). An event's is queued once it commits; a time-driven change's at once.
    /// </summary>
    private void ScheduleKeepEnd(ParticipantState subject, bool timeDriven)
    {
        if (!campaign.Bound.TierDowngrade || TierKeepEnd.For(subject, campaign.Bound.TierKeep) is not { } keepEnd)
        {
            return;
        }

        if (timeDriven)
        {
            clock.Timeline.Due.Add(keepEnd);
        }
        else
        {
            lots.Scheduled.Add(keepEnd);
        }
    }

    /// <summary>Whether the participant in the context still meets a tier's 'when'; the first tier always holds, and a 'when' that fails to evaluate does not.</summary>
    private bool TierHolds(int tier)
    {
        if (campaign.CompiledTiers[tier].When is not { } when)
        {
            return true;
        }

        context.BuiltCharacters = 0;
        try
        {
            return when(context);
        }
        catch (Exception ex) when (EvaluationFailures.Is(ex))
        {
            return false;
        }
    }

    internal void Commit(string eventId, in EventParticipants participants, long pointsIssued, decimal creditIssued)
    {
        if (memory is not null)
        {
            // Our own store: changed states were changed in place, so only new ones need storing, and no
            // StateChange need be built. (Forget drops the checkpoints once the event is done.)
            memory.CommitEvent(
                participants.ActorIsNew ? participants.Actor : null,
                participants.ReferrerIsNew && !participants.SameParticipant ? participants.Referrer : null,
                pointsIssued,
                creditIssued);
            return;
        }

        var touched = participants.Referrer is null || participants.SameParticipant
            ? new[] { participants.Actor }
            : new[] { participants.Actor, participants.Referrer };
        CommitToStore(EventChange(eventId, touched, pointsIssued, creditIssued));
    }
}
