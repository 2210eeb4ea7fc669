namespace WomRules.Runtime;

/// <summary>
/// The order of time-driven effects (spec v1.1 §1): by due time, then <see cref="DuePhase"/>, then grant order, then
/// <see cref="Tie"/> (the participant of a keep end, which has no grant).
/// </summary>
internal readonly record struct DueKey(long DueTicks, DuePhase Phase, long Sequence, string? Tie = null) : IComparable<DueKey>
{
    public int CompareTo(DueKey other)
    {
        var byTime = DueTicks.CompareTo(other.DueTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byPhase = Phase.CompareTo(other.Phase);
        if (byPhase != 0)
        {
            return byPhase;
        }

        var bySequence = Sequence.CompareTo(other.Sequence);
        return bySequence != 0 ? bySequence : string.CompareOrdinal(Tie, other.Tie);
    }
}
