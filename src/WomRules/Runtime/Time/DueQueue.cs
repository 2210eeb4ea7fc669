namespace WomRules.Runtime;

/// <summary>
/// The time-driven effects not yet due (spec v1.1 §1), taken in <see cref="DueKey"/> order. A heap: adding and taking
/// are O(log n), and an event that makes nothing due only peeks.
/// </summary>
internal sealed class DueQueue
{
    private readonly PriorityQueue<DueEffect, DueKey> heap = new();

    // While the in-memory store has a batch open: each effect added (true) or taken (false) since it began, for Rollback.
    private List<(DueEffect Effect, bool Added)>? undo;

    public int Count => heap.Count;

    /// <summary>The effects in the order they will happen (for the state file).</summary>
    public IEnumerable<DueEffect> InOrder => heap.UnorderedItems.OrderBy(e => e.Priority).Select(e => e.Element);

    public void Add(DueEffect effect)
    {
        heap.Enqueue(effect, effect.Key);
        undo?.Add((effect, true));
    }

    /// <summary>Takes the first effect due at or before <paramref name="clock"/>, if any.</summary>
    public bool TryTakeDue(DateTime clock, out DueEffect effect)
    {
        if (heap.TryPeek(out var first, out var key) && key.DueTicks <= clock.Ticks)
        {
            effect = heap.Dequeue();
            undo?.Add((effect, false));
            return true;
        }

        effect = null!;
        return false;
    }

    public void Clear() => heap.Clear();

    /// <summary>The first effect (in due order) that <paramref name="match"/> accepts, or null. O(n), like <see cref="Remove"/>.</summary>
    public DueEffect? Find(Func<DueEffect, bool> match) => InOrder.FirstOrDefault(match);

    /// <summary>Removes the first effect (in due order) that <paramref name="match"/> accepts; false when there is none. O(n): only reversals of pending grants call it.</summary>
    public bool Remove(Func<DueEffect, bool> match)
    {
        var found = InOrder.FirstOrDefault(match);
        if (found is null || !heap.Remove(found, out _, out _, ReferenceEqualityComparer.Instance))
        {
            return false;
        }

        undo?.Add((found, false));
        return true;
    }

    /// <summary>Starts noting what is added and taken, for <see cref="Rollback"/> (the in-memory store's <c>BeginBatch</c>).</summary>
    public void BeginUndo() => undo = [];

    /// <summary>
    /// Takes back, newest first, what was added and taken since <see cref="BeginUndo"/>. Taking back an added effect
    /// scans the heap (O(n), allocating nothing). The heap's layout may differ afterwards, not the order effects come
    /// out in: <see cref="DueKey"/> orders them, and two with one key (a participant's keep ends at one instant) are alike.
    /// </summary>
    public void Rollback()
    {
        if (undo is not { } changes)
        {
            return;
        }

        undo = null;
        for (var i = changes.Count - 1; i >= 0; i--)
        {
            var (effect, added) = changes[i];
            if (added)
            {
                heap.Remove(effect, out _, out _, ReferenceEqualityComparer.Instance);
            }
            else
            {
                heap.Enqueue(effect, effect.Key);
            }
        }
    }

    /// <summary>Keeps what was added and taken since <see cref="BeginUndo"/> and stops noting it.</summary>
    public void DropUndo() => undo = null;
}
