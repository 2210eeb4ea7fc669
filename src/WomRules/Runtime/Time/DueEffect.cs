namespace WomRules.Runtime;

/// <summary>
/// A time-driven effect waiting in the <see cref="DueQueue"/> (spec v1.1 §1): it happens when the clock reaches
/// <see cref="Due"/>. <see cref="Sequence"/> is the order of the grant that caused it, which breaks ties between
/// effects of one phase due at one instant; a lot released from a pending grant keeps its grant's sequence.
/// </summary>
internal abstract class DueEffect(DateTime due, long sequence)
{
    /// <summary>When the effect happens, in UTC.</summary>
    public DateTime Due { get; } = due;

    public long Sequence { get; } = sequence;

    public abstract DuePhase Phase { get; }

    /// <summary>The queue's order: due time, then phase, then grant order, then <see cref="Tie"/>.</summary>
    public DueKey Key => new(Due.Ticks, Phase, Sequence, Tie);

    /// <summary>What orders effects of one phase and grant order due at one instant; null for those a grant caused.</summary>
    protected virtual string? Tie => null;
}
