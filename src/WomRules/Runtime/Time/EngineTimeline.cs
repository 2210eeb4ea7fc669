namespace WomRules.Runtime;

/// <summary>
/// The engine's clock and its queue of time-driven effects (spec v1.1 §1). The clock is the latest <c>at</c> of an
/// event accepted past step 3 (applied or rejected for its content) or the time of a sweep, and never goes back. The
/// in-memory store holds one, so the state file carries it; an engine over another store keeps its own, hands the
/// store the clock and pending grants with each change, and is rebuilt from them by <see cref="CampaignEngine.Rehydrate"/>.
/// </summary>
internal sealed class EngineTimeline
{
    /// <summary>The clock in UTC; null before the first accepted event or sweep.</summary>
    public DateTime? Clock { get; private set; }

    public DueQueue Due { get; } = new();

    /// <summary>The place the next grant scheduled takes among effects due at one instant (spec v1.1 §1: grant order).</summary>
    public long NextSequence { get; private set; }

    /// <summary>Takes the next place in grant order.</summary>
    public long TakeSequence() => NextSequence++;

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

    /// <summary>Sets the next place in grant order to what a committed change says (a store wrapping the in-memory one).</summary>
    public void SetNextSequence(long next) => NextSequence = next;

    /// <summary>Puts the clock back to what a host's store holds, after the store failed to take a later one.</summary>
    public void SetClock(DateTime? clock) => Clock = clock;

    /// <summary>Puts back a clock, the next place in grant order and the queue read from a state file.</summary>
    public void Restore(DateTime? clock, long nextSequence, IEnumerable<DueEffect> effects)
    {
        Clock = clock;
        NextSequence = nextSequence;
        Due.Clear();
        foreach (var effect in effects)
        {
            Due.Add(effect);
        }
    }

    // The clock and grant order when the in-memory store's open batch began.
    private (DateTime? Clock, long NextSequence) undoFrom;

    /// <summary>Starts a batch that <see cref="Rollback"/> can take back (the in-memory store's <c>BeginBatch</c>).</summary>
    public void BeginUndo()
    {
        undoFrom = (Clock, NextSequence);
        Due.BeginUndo();
    }

    /// <summary>Puts back the clock, the grant order and the queue as they were at <see cref="BeginUndo"/>.</summary>
    public void Rollback()
    {
        (Clock, NextSequence) = undoFrom;
        Due.Rollback();
    }

    /// <summary>Keeps the batch's changes.</summary>
    public void DropUndo() => Due.DropUndo();
}
