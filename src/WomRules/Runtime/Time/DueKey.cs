namespace WomRules.Runtime;

/// <summary>The order of time-driven effects (spec v1.1 §1): by due time, then <see cref="DuePhase"/>, then grant order.</summary>
internal readonly record struct DueKey(long DueTicks, DuePhase Phase, long Sequence) : IComparable<DueKey>
{
    public int CompareTo(DueKey other)
    {
        var byTime = DueTicks.CompareTo(other.DueTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byPhase = Phase.CompareTo(other.Phase);
        return byPhase != 0 ? byPhase : Sequence.CompareTo(other.Sequence);
    }
}
