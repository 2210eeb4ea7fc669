namespace WomRules.Runtime;

/// <summary>
/// The ledger's queues of event ids (oldest first): a ring buffer that, besides a queue's enqueue and dequeue, can put
/// an id back at the head and take the last one off the tail, so that an abandoned batch of the in-memory store unwinds
/// what it did to them in O(1) a step (docs/stores.md).
/// </summary>
internal sealed class IdDeque
{
    private string[] items = new string[16];
    private int head;

    public int Count { get; private set; }

    public void Enqueue(string id)
    {
        Grow();
        items[(head + Count) & (items.Length - 1)] = id;
        Count++;
    }

    public bool TryPeek(out string id)
    {
        id = Count > 0 ? items[head] : null!;
        return Count > 0;
    }

    public string Dequeue()
    {
        var id = items[head];
        items[head] = null!;
        head = (head + 1) & (items.Length - 1);
        Count--;
        return id;
    }

    /// <summary>Puts back at the head an id <see cref="Dequeue"/> took.</summary>
    public void PushFront(string id)
    {
        Grow();
        head = (head - 1) & (items.Length - 1);
        items[head] = id;
        Count++;
    }

    /// <summary>Takes back the id <see cref="Enqueue"/> added last.</summary>
    public void PopBack()
    {
        Count--;
        items[(head + Count) & (items.Length - 1)] = null!;
    }

    public void Clear()
    {
        Array.Clear(items);
        head = 0;
        Count = 0;
    }

    // The length stays a power of two, so a place wraps with a mask.
    private void Grow()
    {
        if (Count < items.Length)
        {
            return;
        }

        var larger = new string[items.Length * 2];
        for (var i = 0; i < Count; i++)
        {
            larger[i] = items[(head + i) & (items.Length - 1)];
        }

        items = larger;
        head = 0;
    }
}
