namespace WomRules.Runtime;

/// <summary>
/// The time-driven effects not yet due (spec v1.1 §1), taken in <see cref="DueKey"/> order. A heap: adding and taking
/// are O(log n), and an event that makes nothing due only peeks.
/// </summary>
internal sealed class DueQueue
{
    private readonly PriorityQueue<DueEffect, DueKey> heap = new();

    public int Count => heap.Count;

    /// <summary>The effects in the order they will happen (for the state file).</summary>
    public IEnumerable<DueEffect> InOrder => heap.UnorderedItems.OrderBy(e => e.Priority).Select(e => e.Element);

    public void Add(DueEffect effect) => heap.Enqueue(effect, effect.Key);

    /// <summary>Takes the first effect due at or before <paramref name="clock"/>, if any.</summary>
    public bool TryTakeDue(DateTime clock, out DueEffect effect)
    {
        if (heap.TryPeek(out var first, out var key) && key.DueTicks <= clock.Ticks)
        {
            effect = heap.Dequeue();
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
        return found is not null && heap.Remove(found, out _, out _, ReferenceEqualityComparer.Instance);
    }
}
