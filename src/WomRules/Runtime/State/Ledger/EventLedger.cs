namespace WomRules.Runtime;

/// <summary>
/// The ledger of spec v1.1 §2: for every applied event still inside <c>reversible_for</c> of the clock, its time and
/// what it granted to whom, so that <c>event.reversed</c> can take it back. Older entries are dropped (amortized, a
/// whole pass each time the ledger has doubled), so it stays bounded by the events of one <c>reversible_for</c>.
/// Whether an entry was already dropped never shows: a target older than the horizon is refused either way.
/// </summary>
internal sealed class EventLedger
{
    private const int MinimumPruneSize = 1024;

    private readonly Dictionary<string, LedgerMark> marks = new(StringComparer.Ordinal);
    private readonly TimeSpan reversibleFor;
    private int pruneAt = MinimumPruneSize;

    public EventLedger(TimeSpan reversibleFor) => this.reversibleFor = reversibleFor;

    /// <summary>The latest time of an event recorded (spec v1.1 §1's clock, as far as the ledger needs it); null before any.</summary>
    public DateTime? Clock { get; private set; }

    public int Count => marks.Count;

    /// <summary>The entries still inside the horizon, for the state file.</summary>
    public IEnumerable<KeyValuePair<string, LedgerMark>> Entries => marks.Where(m => IsWithinHorizon(m.Value.At));

    /// <summary>True when an event at <paramref name="at"/> may still be in the ledger: not older than the clock less <c>reversible_for</c>.</summary>
    public bool IsWithinHorizon(DateTime at) => Clock is not { } clock || at >= clock - reversibleFor;

    public bool TryGet(string eventId, out LedgerMark mark) => marks.TryGetValue(eventId, out mark);

    /// <summary>Records an applied event; <paramref name="grant"/> is null when it granted nothing.</summary>
    public void Record(string eventId, DateTime at, bool isReversal, LedgerGrant? grant)
    {
        if (Clock is not { } clock || at > clock)
        {
            Clock = at;
        }

        if (IsWithinHorizon(at))
        {
            marks[eventId] = new LedgerMark(at, isReversal, Reversed: false, grant);
        }

        if (marks.Count >= pruneAt)
        {
            Prune();
        }
    }

    /// <summary>Marks an event reversed: it cannot be reversed again, and what it granted is no longer owed back.</summary>
    public void MarkReversed(string eventId)
    {
        var mark = marks[eventId];
        marks[eventId] = mark with { Reversed = true, Grant = null };
    }

    /// <summary>Puts back entries read from a state file.</summary>
    public void Restore(IEnumerable<KeyValuePair<string, LedgerMark>> entries)
    {
        marks.Clear();
        Clock = null;
        foreach (var (id, mark) in entries)
        {
            marks[id] = mark;
            if (Clock is not { } clock || mark.At > clock)
            {
                Clock = mark.At;
            }
        }

        pruneAt = Math.Max(MinimumPruneSize, marks.Count * 2);
    }

    private void Prune()
    {
        List<string>? old = null;
        foreach (var (id, mark) in marks)
        {
            if (!IsWithinHorizon(mark.At))
            {
                (old ??= []).Add(id);
            }
        }

        foreach (var id in old ?? [])
        {
            marks.Remove(id);
        }

        pruneAt = Math.Max(MinimumPruneSize, marks.Count * 2);
    }
}
