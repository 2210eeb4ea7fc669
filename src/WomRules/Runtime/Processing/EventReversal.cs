namespace WomRules.Runtime;

/// <summary>
/// Spec v1.1 §2: an admitted <c>event.reversed</c> takes back everything its target granted, to every participant
/// (points, credit, badges, counters, limit usage, budget), or gives back the points of a reversed redemption, or is
/// <c>rejected</c> and changes nothing. Tiers then move as after any change (up only, v1 §4.8). The reversal runs no
/// rules, and its actor is not created: it only names who asked.
/// </summary>
internal sealed class EventReversal
{
    private readonly EventApplication application;
    private readonly EventLedger ledger;
    private readonly List<Outcome> outcomes;

    // The pending grants this reversal cancels, taken out of the queue once it commits.
    private readonly List<(string Participant, string? Rule, long? Points, decimal? Credit)> cancelled = [];

    // Their releases in the queue (reused, like the list above).
    private readonly List<DueEffect> releases = [];

    public EventReversal(EventApplication application, EventLedger ledger, List<Outcome> outcomes)
    {
        this.application = application;
        this.ledger = ledger;
        this.outcomes = outcomes;
    }

    public void Apply(EventData e)
    {
        var target = (string)e.Values[0]!;
        if (Refusal(e, target) is { } reason)
        {
            outcomes.Add(new RejectedOutcome(e.Id, reason));
            return;
        }

        ledger.TryGet(target, out var mark);
        if (!application.InPlace)
        {
            // A host's store keeps both entries with the change: this reversal's, and its target's, reversed.
            application.NoteLedger(e.Id, new LedgerMark(e.At, isReversal: true, reversed: false, grant: null), target, mark.WithReversed());
        }

        if (mark.Grant is not { } grant || !HasParticipants(grant))
        {
            // A target that granted nothing is reversed without an outcome (spec v1.1 §2).
            CommitWithoutParticipants(e.Id, -(mark.Grant?.PointsSpent ?? 0), -(mark.Grant?.CreditSpent ?? 0m));
            ledger.MarkReversed(target);
            ledger.Record(e.Id, e.At, isReversal: true, grant: null);
            return;
        }

        cancelled.Clear();
        var participants = Participants(grant);
        var context = application.Context;
        context.Event = e;
        var firstChanged = (string?)null;
        var secondChanged = false;
        foreach (var entry in grant.Entries)
        {
            var state = Writable(ref participants, entry.Participant, context);
            TakeBack(e.Id, target, entry, state);
            if (firstChanged is null)
            {
                firstChanged = entry.Participant;
            }
            else if (!string.Equals(firstChanged, entry.Participant, StringComparison.Ordinal))
            {
                secondChanged = true;
            }
        }

        foreach (var use in grant.Limits)
        {
            // Spec v1.1 §2, §7: the usage goes back; a rolling firing (the target's own 'at') leaves its window.
            var limited = Writable(ref participants, use.Participant, context);
            if (use.Window == LedgerLimitUse.RollingWindow)
            {
                limited.RemoveRollingFiring(use.Rule, use.Cap, mark.At.Ticks);
            }
            else
            {
                limited.ReleaseLimitUsage(use.Rule, use.Cap, use.Window);
            }
        }

        // Tiers (v1 §4.8, spec v1.1 §1): the participants changed, in the order of their first outcome.
        if (firstChanged is not null)
        {
            var first = string.Equals(participants.Actor.Id, firstChanged, StringComparison.Ordinal) ? participants.Actor : participants.Referrer!;
            application.UpdateTier(e.Id, first);
            if (secondChanged)
            {
                application.UpdateTier(e.Id, ReferenceEquals(first, participants.Actor) ? participants.Referrer! : participants.Actor);
            }
        }

        // The releases cancelled, found before the commit (a host's store deletes them with it), taken out after.
        releases.Clear();
        foreach (var (participant, rule, points, credit) in cancelled)
        {
            if (application.Clock.Timeline.Due.Find(effect => effect is PendingRelease r && !releases.Contains(r)
                && r.Source == target && r.Participant == participant && r.Rule == rule && r.Points == points && r.Credit == credit) is { } found)
            {
                releases.Add(found);
            }
        }

        if (releases.Count > 0 && !application.InPlace)
        {
            application.NotePendingRemoved([.. releases.Select(r => r.Sequence)]);
        }

        application.Commit(e.Id, participants, -grant.PointsSpent, -grant.CreditSpent);
        foreach (var release in releases)
        {
            application.Clock.Timeline.Due.Remove(effect => ReferenceEquals(effect, release));
        }

        releases.Clear();

        cancelled.Clear();
        ledger.MarkReversed(target);
        application.ScheduleCommitted();
        ledger.Record(e.Id, e.At, isReversal: true, grant: null);
    }

    /// <summary>Why the reversal is refused, or null when it may go ahead.</summary>
    private string? Refusal(EventData e, string target)
    {
        // An entry past the ledger's horizon counts as gone whether or not it was dropped yet, so a restart (which
        // saves only the horizon) cannot change the answer.
        var tooOld = $"the target '{target}' is more than the campaign's reversible_for older than this reversal or the latest event, so it can no longer be reversed";
        var found = application.TryGetLedger(target, out var mark);
        if (application.Campaign.Bound.AcceptLate is not null && (!found || ledger.IsForgotten(mark, application.Horizon)))
        {
            // Spec v1.1 §13: an id past the lateness horizon that owes nothing is forgotten, whether or not it was
            // dropped yet, and whatever a host's store still remembers of it: one answer for all.
            return $"no event '{target}' can be reversed: it is unknown, was rejected, or is older than the accept_late horizon and owes nothing back";
        }

        if (!found || !ledger.IsWithinHorizon(mark.At))
        {
            return application.Store.HasSeenEvent(target) ? tooOld : $"no event '{target}' was applied: it is unknown, or was rejected";
        }

        if (mark.IsReversal)
        {
            return $"the target '{target}' is itself a reversal, which cannot be reversed";
        }

        if (mark.Reversed)
        {
            return $"the target '{target}' was already reversed";
        }

        return e.At - mark.At > application.Campaign.Bound.ReversibleFor ? tooOld : null;
    }

    /// <summary>Takes one ledger entry back from its participant, with its outcome.</summary>
    private void TakeBack(string eventId, string target, in LedgerEntry entry, ParticipantState state)
    {
        // Spec v1.1 §2: a grant still pending is cancelled. Everything due by the clock has been released, so a grant is
        // still pending exactly while its hold ends after the clock.
        if (entry.WasPending && entry.PendingUntil > application.Clock.Clock)
        {
            CancelPending(eventId, target, entry, state);
            return;
        }

        switch (entry.Kind)
        {
            case LedgerEntryKind.Points:
                // The balance may go below zero; lifetime points lose what the grant added (spec v1.1 §2).
                state.Points = checked(state.Points - entry.Amount);
                state.LifetimePoints = checked(state.LifetimePoints - entry.Amount);

                // From the oldest lots; the whole grant, even if part of it expired since (spec v1.1 §2, §4).
                application.Lots.Take(state, entry.Amount);
                outcomes.Add(new ReversedOutcome(eventId, target, entry.Rule!, state.Id) { Points = entry.Amount });
                break;
            case LedgerEntryKind.Credit:
                state.Credit -= entry.Credit;
                outcomes.Add(new ReversedOutcome(eventId, target, entry.Rule!, state.Id) { Credit = entry.Credit });
                break;
            case LedgerEntryKind.Badge:
                state.RemoveBadge(entry.Name!);
                outcomes.Add(new ReversedOutcome(eventId, target, entry.Rule!, state.Id) { Badge = entry.Name });
                break;
            case LedgerEntryKind.Counter:
                state.Counters[entry.CounterIndex] = checked(state.Counters[entry.CounterIndex] - entry.Amount);
                outcomes.Add(new ReversedOutcome(eventId, target, entry.Rule!, state.Id) { Counter = entry.Name, By = entry.Amount });
                break;
            case LedgerEntryKind.Redeemed:
                // A cancelled redemption: the points come back; lifetime points never counted them out.
                state.Points = checked(state.Points + entry.Amount);
                outcomes.Add(new RestoredOutcome(eventId, target, state.Id, entry.Amount));

                // A new lot, available from the clock (the reversal's at, unless it is late) (spec v1.1 §2, §4).
                if (application.Lots.Enabled)
                {
                    application.Lots.Add(state, entry.Amount, application.Clock.Clock!.Value, application.Lots.NextGrant());
                }
                break;
        }
    }

    private void CancelPending(string eventId, string target, in LedgerEntry entry, ParticipantState state)
    {
        var (participant, rule, points, credit) = (entry.Participant, entry.Rule, entry.Kind == LedgerEntryKind.Points ? entry.Amount : (long?)null, entry.Kind == LedgerEntryKind.Credit ? entry.Credit : (decimal?)null);
        cancelled.Add((participant, rule, points, credit));
        if (points is { } p)
        {
            state.PendingPoints -= p;
            outcomes.Add(new ReversedOutcome(eventId, target, entry.Rule!, state.Id) { Points = p, Pending = true });
        }
        else
        {
            state.PendingCredit -= credit!.Value;
            outcomes.Add(new ReversedOutcome(eventId, target, entry.Rule!, state.Id) { Credit = credit, Pending = true });
        }
    }

    private static bool HasParticipants(LedgerGrant grant) => grant.Entries.Length > 0 || grant.Limits.Length > 0;

    /// <summary>The (at most two) participants a grant touched, as the actor and referrer slots of one event.</summary>
    private EventParticipants Participants(LedgerGrant grant)
    {
        string? first = null, second = null;
        foreach (var entry in grant.Entries)
        {
            Note(entry.Participant, ref first, ref second);
        }

        foreach (var use in grant.Limits)
        {
            Note(use.Participant, ref first, ref second);
        }

        var (firstSaves, secondSaves) = application.InPlace ? (application.ActorCheckpoint, application.ReferrerCheckpoint) : (null, null);
        var firstStored = application.FindStored(first!);
        if (second is null)
        {
            return new EventParticipants(firstStored ?? application.NewParticipant(first!), firstStored is null, null, false, firstSaves, secondSaves);
        }

        var secondStored = application.FindStored(second);
        return new EventParticipants(
            firstStored ?? application.NewParticipant(first!), firstStored is null, secondStored ?? application.NewParticipant(second), secondStored is null, firstSaves, secondSaves);

        static void Note(string id, ref string? first, ref string? second)
        {
            if (first is null)
            {
                first = id;
            }
            else if (second is null && !string.Equals(first, id, StringComparison.Ordinal))
            {
                second = id;
            }
        }
    }

    private static ParticipantState Writable(ref EventParticipants participants, string id, EvaluationContext context) =>
        string.Equals(participants.Actor.Id, id, StringComparison.Ordinal) ? participants.WritableActor(context) : participants.WritableReferrer(context);

    private void CommitWithoutParticipants(string eventId, long pointsReturned, decimal creditReturned)
    {
        if (application.Store is InMemoryParticipantStore memory)
        {
            memory.CommitEvent(null, null, pointsReturned, creditReturned);
            return;
        }

        application.CommitToStore(application.EventChange(eventId, [], pointsReturned, creditReturned));
    }
}
