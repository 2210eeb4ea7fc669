namespace WomRules.Runtime;

/// <summary>
/// The end of a participant's <c>keep</c> (spec v1.1 §5): at its due time, <c>tier_since</c> plus <c>keep</c>, the
/// participant's tier is computed and moves down if its <c>when</c> no longer holds. It has no grant: keep ends due
/// at one instant go after its releases and expiries, by participant id. Not written to the state file: it is
/// rebuilt from each participant's tier and <c>tier_since</c>, so one that a later tier change made stale, and that
/// does nothing when it comes, is simply not rebuilt.
/// </summary>
internal sealed class TierKeepEnd(DateTime due, string participant) : DueEffect(due, 0)
{
    public override DuePhase Phase => DuePhase.KeepEnd;

    public string Participant { get; } = participant;

    protected override string? Tie => Participant;

    /// <summary>
    /// The keep end a participant's current tier has, or null when it has none: the first tier cannot go down, a state
    /// without <c>tier_since</c> has no keep to wait for, and one that would end past the calendar never ends.
    /// </summary>
    public static TierKeepEnd? For(ParticipantState state, TimeSpan? keep) =>
        EndOf(state, keep) is { } end && end != DateTime.MaxValue && state.TierIndex > 0 ? new TierKeepEnd(end, state.Id) : null;

    /// <summary>When the keep of the participant's current tier ends; null when there is no keep to wait for.</summary>
    public static DateTime? EndOf(ParticipantState state, TimeSpan? keep) =>
        keep is { } k && state.TierSinceTicks != 0
            ? (state.TierSinceTicks > DateTime.MaxValue.Ticks - k.Ticks ? DateTime.MaxValue : new DateTime(state.TierSinceTicks + k.Ticks, DateTimeKind.Utc))
            : null;

    /// <summary>Whether this is still the participant's keep end: a tier change since it was queued gave another.</summary>
    public bool IsCurrent(ParticipantState state, TimeSpan? keep) => For(state, keep)?.Due == Due;
}
