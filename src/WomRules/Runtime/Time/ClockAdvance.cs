namespace WomRules.Runtime;

/// <summary>
/// Moves the engine's clock (spec v1.1 §1): first every effect due up to the new time, in due order, each committed
/// on its own with its outcomes (<c>"event": null</c> and its own <c>due</c>), then the clock itself. An event that
/// moves the clock is evaluated after this, so it sees their result; a sweep is only this.
/// </summary>
internal sealed class ClockAdvance
{
    private readonly EngineTimeline timeline;
    private readonly EventApplication application;
    private readonly List<Outcome> outcomes;

    public ClockAdvance(EngineTimeline timeline, EventApplication application, List<Outcome> outcomes)
    {
        this.timeline = timeline;
        this.application = application;
        this.outcomes = outcomes;
    }

    public DateTime? Clock => timeline.Clock;

    public EngineTimeline Timeline => timeline;

    /// <summary>Applies what is due up to <paramref name="to"/>, then moves the clock there; a time before the clock does nothing.</summary>
    public void To(DateTime to)
    {
        if (timeline.Clock is { } clock && to <= clock)
        {
            return;
        }

        ApplyDue(to);
        timeline.MoveTo(to);
    }

    /// <summary>
    /// Applies what is already due at the clock: the grants of a late event whose hold ended before the clock happen
    /// right after it (spec v1.1 §1).
    /// </summary>
    public void CatchUp()
    {
        if (timeline.Clock is { } clock)
        {
            ApplyDue(clock);
        }
    }

    private void ApplyDue(DateTime to)
    {
        while (timeline.Due.TryTakeDue(to, out var effect))
        {
            switch (effect)
            {
                case PendingRelease release:
                    Release(release);
                    break;
                case LotExpiry expiry:
                    Expire(expiry);
                    break;
                case TierKeepEnd keepEnd:
                    EndKeep(keepEnd);
                    break;
                default:
                    throw new InvalidOperationException($"no time-driven effect of type {effect.GetType().Name} is known");
            }
        }
    }

    /// <summary>Spec v1.1 §3: held points or credit join the balance; then the participant's tier is computed at the due time.</summary>
    private void Release(PendingRelease release)
    {
        var state = application.WritableForTime(release.Participant);
        if (release.Points is { } points)
        {
            state.PendingPoints -= points;
            state.Points = checked(state.Points + points);
            state.LifetimePoints = checked(state.LifetimePoints + points);
            outcomes.Add(new ReleasedOutcome(release.Due, release.Source, release.Rule, state.Id) { Points = points });

            // The released points are a lot available from the due time, keeping the grant's place (spec v1.1 §4).
            application.Lots.Add(state, points, release.Due, release.Sequence, now: true);
        }
        else if (release.Credit is { } credit)
        {
            state.PendingCredit -= credit;
            state.Credit += credit;
            outcomes.Add(new ReleasedOutcome(release.Due, release.Source, release.Rule, state.Id) { Credit = credit });
        }

        application.UpdateTier(null, state, release.Due);
        application.CommitForTime(state, release.Due, release.Sequence);
    }

    /// <summary>
    /// Spec v1.1 §5: at the end of keep (after the releases and expiries of its instant, by <see cref="DuePhase"/>), the
    /// tier is computed at that moment and moves down if its 'when' no longer holds. A keep end that a later tier
    /// change replaced does nothing.
    /// </summary>
    private void EndKeep(TierKeepEnd keepEnd)
    {
        var keep = application.Campaign.Bound.TierKeep;
        if (application.FindStored(keepEnd.Participant) is not { } stored || !keepEnd.IsCurrent(stored, keep))
        {
            return;
        }

        var state = application.WritableForTime(keepEnd.Participant);
        var tier = state.TierIndex;
        application.UpdateTier(null, state, keepEnd.Due);
        if (state.TierIndex != tier)
        {
            application.CommitForTime(state, keepEnd.Due);
        }
    }

    /// <summary>Spec v1.1 §4: what is left of the lot leaves the balance (not lifetime points); a lot with nothing left expires without an outcome.</summary>
    private void Expire(LotExpiry expiry)
    {
        var state = application.WritableForTime(expiry.Participant);
        var points = PointsLots.Expire(state, expiry.Sequence);
        if (points > 0)
        {
            outcomes.Add(new ExpiredOutcome(expiry.Due, state.Id, points));
            application.UpdateTier(null, state, expiry.Due);
            application.CommitForTime(state, expiry.Due);
        }
    }
}
