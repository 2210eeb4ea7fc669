using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// Spec v1.1 §8: the values of identity attributes recorded against each participant, and the test
/// <c>shares_identity(a, b)</c>. Each participant keeps a set of (attribute name, value) records; two participants
/// share an identity when their sets meet, which is found by probing the larger set with the smaller one's records,
/// so a test costs O(min(|a|, |b|)) hash lookups and needs no reverse index. Memory is one entry per distinct
/// (participant, attribute, value) record and one set per participant with any (measured in docs/semantics.md); empty values are
/// never recorded (they never match). Records made by the event being applied are kept aside until it is done, so
/// a failed event is undone (<see cref="Undo"/>).
/// </summary>
internal sealed class IdentityIndex
{
    private readonly Dictionary<string, HashSet<IdentityRecord>> byParticipant = new(StringComparer.Ordinal);

    // What the event being applied added, so that a failed event can take it back.
    private readonly List<(string Participant, IdentityRecord Record)> added = [];

    // While the in-memory store has a batch open: every record added since it began, for Rollback.
    private List<(string Participant, IdentityRecord Record)>? batchAdded;

    /// <summary>The campaign's ids option: shares_identity compares its arguments as the engine stores ids.</summary>
    public IdsSymbol? Ids { get; set; }

    /// <summary>
    /// Set for an engine over a host's store: the records of a participant then come from its state (the event's own
    /// copy, or the store's), which carries them to and from the store, and this index holds none itself.
    /// </summary>
    public Func<string, IdentityRecord[]?>? RecordsOnState { get; set; }

    /// <summary>How many records are held, for the memory accounting of tests and docs.</summary>
    public long Count { get; private set; }

    /// <summary>The participants with records, for the state file.</summary>
    public IEnumerable<KeyValuePair<string, HashSet<IdentityRecord>>> Participants => byParticipant;

    /// <summary>Records the identity attribute values of an accepted event against its actor (already canonical).</summary>
    public void Record(string actor, EventData e)
    {
        foreach (var attribute in e.EventType.IdentityAttributes)
        {
            if (e.Values[attribute.Slot] is string { Length: > 0 } value && Add(actor, new IdentityRecord(attribute.Name, value)))
            {
                added.Add((actor, new IdentityRecord(attribute.Name, value)));
            }
        }
    }

    /// <summary>Adds one record; false when it was already there.</summary>
    public bool Add(string participant, IdentityRecord record)
    {
        if (!byParticipant.TryGetValue(participant, out var records))
        {
            records = [];
            byParticipant[participant] = records;
        }

        if (!records.Add(record))
        {
            return false;
        }

        Count++;
        batchAdded?.Add((participant, record));
        return true;
    }

    /// <summary>
    /// True when the two participants were ever recorded with the same value of an identity attribute of the same
    /// name; false when the ids are equal or either is empty (spec v1.1 §8). Under the ids option the two are
    /// compared canonicalised, as the engine stores them.
    /// </summary>
    public bool Shares(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (Ids is { IsIdentity: false } ids)
        {
            a = ParticipantIds.Canonicalize(a, ids) ?? "";
            b = ParticipantIds.Canonicalize(b, ids) ?? "";
            if (a.Length == 0 || b.Length == 0)
            {
                return false;
            }
        }

        if (RecordsOnState is { } recordsOf)
        {
            return !string.Equals(a, b, StringComparison.Ordinal) && Meet(recordsOf(a), recordsOf(b));
        }

        if (string.Equals(a, b, StringComparison.Ordinal)
            || !byParticipant.TryGetValue(a, out var left)
            || !byParticipant.TryGetValue(b, out var right))
        {
            return false;
        }

        var (small, large) = left.Count <= right.Count ? (left, right) : (right, left);
        foreach (var record in small)
        {
            if (large.Contains(record))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A participant's records as an array (for the copies the in-memory store hands out); empty when none.</summary>
    public IdentityRecord[] RecordsOf(string participant) => byParticipant.TryGetValue(participant, out var records) ? [.. records] : [];

    /// <summary>Adds an accepted event's identity values to its actor's own records (a host's store), making the actor writable only if one is new.</summary>
    public static void RecordOnState(ref EventParticipants participants, EventData e, EvaluationContext context)
    {
        foreach (var attribute in e.EventType.IdentityAttributes)
        {
            if (e.Values[attribute.Slot] is string { Length: > 0 } value && Array.IndexOf(participants.Actor.Identities, new IdentityRecord(attribute.Name, value)) < 0)
            {
                var actor = participants.WritableActor(context);
                actor.Identities = [.. actor.Identities, new IdentityRecord(attribute.Name, value)];
            }
        }
    }

    private static bool Meet(IdentityRecord[]? left, IdentityRecord[]? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        foreach (var record in left)
        {
            if (Array.IndexOf(right, record) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Takes back what the event being applied recorded: it failed, and nothing of it stays.</summary>
    public void Undo()
    {
        foreach (var (participant, record) in added)
        {
            Remove(participant, record);
        }

        added.Clear();
    }

    /// <summary>Starts noting the records added, for <see cref="Rollback"/> (the in-memory store's <c>BeginBatch</c>).</summary>
    public void BeginUndo() => batchAdded = [];

    /// <summary>Takes back every record added since <see cref="BeginUndo"/> (one a failed event took back already is gone).</summary>
    public void Rollback()
    {
        if (batchAdded is not { } records)
        {
            return;
        }

        batchAdded = null;
        foreach (var (participant, record) in records)
        {
            Remove(participant, record);
        }
    }

    /// <summary>Keeps the records added since <see cref="BeginUndo"/>.</summary>
    public void DropUndo() => batchAdded = null;

    private void Remove(string participant, IdentityRecord record)
    {
        if (byParticipant.TryGetValue(participant, out var records) && records.Remove(record))
        {
            Count--;
            if (records.Count == 0)
            {
                byParticipant.Remove(participant);
            }
        }
    }

    /// <summary>The event is done (committed or undone): its records are no longer its own.</summary>
    public void Forget() => added.Clear();

    /// <summary>Replaces every record, from a state file.</summary>
    public void Restore(IEnumerable<KeyValuePair<string, IdentityRecord>> records)
    {
        byParticipant.Clear();
        added.Clear();
        Count = 0;
        foreach (var (participant, record) in records)
        {
            Add(participant, record);
        }
    }
}
