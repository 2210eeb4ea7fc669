namespace WomRules.Runtime;

/// <summary>
/// Moves the engine's clock (spec v1.1 §1): first every effect due up to the new time, in due order, each committed
/// on its own with its outcomes (<c>"event": null</c> and its own <c>due</c>), then the clock itself. An event that
/// moves the clock is evaluated after this, so it sees their result; a sweep is only this.
/// </summary>
internal sealed class ClockAdvance
{
    private readonly EngineTimeline timeline;

    public ClockAdvance(EngineTimeline timeline)
    {
        this.timeline = timeline;
    }

    public DateTime? Clock => timeline.Clock;

    /// <summary>Applies what is due up to <paramref name="to"/>, then moves the clock there; a time before the clock does nothing.</summary>
    public void To(DateTime to)
    {
        if (timeline.Clock is { } clock && to <= clock)
        {
            return;
        }

        while (timeline.Due.TryTakeDue(to, out var effect))
        {
            Apply(effect);
        }

        timeline.MoveTo(to);
    }

    private static void Apply(DueEffect effect)
    {
        // Each kind of effect applies itself here, in the phase its DueKey gives it: releases and expiries
        // (DuePhase.ReleaseOrExpiry), then tier keep ends (DuePhase.KeepEnd, spec v1.1 §5: the hook for tiers_policy).
        throw new InvalidOperationException($"no time-driven effect of type {effect.GetType().Name} is known");
    }
}
