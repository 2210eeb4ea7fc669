namespace WomRules.Runtime;

/// <summary>
/// The engine's clock and its queue of time-driven effects (spec v1.1 §1). The clock is the latest <c>at</c> of an
/// event accepted past step 3 (applied or rejected for its content) or the time of a sweep, and never goes back. The
/// in-memory store holds one, so the state file carries it; an engine over another store keeps its own.
/// </summary>
internal sealed class EngineTimeline
{
    /// <summary>The clock in UTC; null before the first accepted event or sweep.</summary>
    public DateTime? Clock { get; private set; }

    public DueQueue Due { get; } = new();

    /// <summary>Moves the clock to <paramref name="to"/> if that is later; false when it is not (the clock never goes back).</summary>
    public bool MoveTo(DateTime to)
    {
        if (Clock is { } clock && to <= clock)
        {
            return false;
        }

        Clock = to;
        return true;
    }

    /// <summary>Puts back a clock read from a state file.</summary>
    public void Restore(DateTime? clock)
    {
        Clock = clock;
        Due.Clear();
    }
}
