using System.Runtime.InteropServices;

namespace WomRules.Runtime;

/// <summary>
/// The ledger of spec v1.1 §2, which is also the in-memory store's set of seen event ids: for every applied event, a
/// <see cref="LedgerMark"/> (its time and flags, 16 bytes) and, while it is inside <c>reversible_for</c> of the clock,
/// what it granted, so that <c>event.reversed</c> can take it back. Grants that leave the horizon are dropped (from the
/// oldest recorded, a few at a time as new ones come), so what the ledger owes stays bounded by the grants of one
/// <c>reversible_for</c>. Whether a grant was already dropped never shows: a target older than the horizon is refused
/// either way.
/// </summary>
internal sealed class EventLedger
{
    private readonly Dictionary<string, LedgerMark> marks = new(StringComparer.Ordinal);

    // The ids of events recorded with a grant, in the order recorded; the head is dropped once out of the horizon.
    private readonly IdDeque granted = new();

    // With accept_late (spec v1.1 §13): the ids recorded, in the order recorded, dropped from the head once their
    // event's 'at' is before the lateness horizon; and the horizon forgotten up to so far.
    private readonly IdDeque recorded = new();
    private long forgottenBefore = long.MinValue;
    private long clockTicks;

    // While the in-memory store has a batch open: every change since it began, unwound in reverse by Rollback; null
    // otherwise, so an event outside a batch pays one test a change.
    private List<LedgerUndo>? undo;
    private (long ClockTicks, long ForgottenBefore) undoFrom;

    /// <summary>How long after its time an event may be reversed, and its grant kept (the campaign's <c>reversible_for</c>).</summary>
    public TimeSpan ReversibleFor { get; set; } = Binding.BoundCampaign.DefaultReversibleFor;

    /// <summary>The campaign's <c>accept_late</c> (spec v1.1 §13); null: ids are never forgotten.</summary>
    public TimeSpan? AcceptLate { get; set; }

    /// <summary>The latest time of an event recorded (spec v1.1 §1's clock, as far as the ledger needs it); null before any.</summary>
    public DateTime? Clock => clockTicks == 0 ? null : new DateTime(clockTicks, DateTimeKind.Utc);

    /// <summary>How many grants the ledger still holds (at most those of one horizon, plus a few not dropped yet).</summary>
    public int GrantsHeld => granted.Count;

    public IEnumerable<string> Ids => marks.Keys;

    /// <summary>
    /// The entries for the state file at <paramref name="horizon"/> (spec v1.1 §13; null: none): inside <c>reversible_for</c>
    /// (ids outside it are written as seen ids only), or, with <c>accept_late</c>, every id not forgotten, with its time, so
    /// that it is forgotten after a restart when it would have been without one. A grant past <c>reversible_for</c> is left out.
    /// </summary>
    public IEnumerable<KeyValuePair<string, LedgerMark>> EntriesAt(DateTime? horizon) =>
        marks.Where(m => m.Value.IsKnown && (IsWithinHorizon(m.Value.At) || AcceptLate is not null) && !IsForgotten(m.Value, horizon))
            .Select(m => IsWithinHorizon(m.Value.At) ? m : new KeyValuePair<string, LedgerMark>(m.Key, m.Value.WithoutGrant()));

    /// <summary>The ids to write as seen at <paramref name="horizon"/>: all but the forgotten.</summary>
    public IEnumerable<string> IdsAt(DateTime? horizon) => marks.Where(m => !IsForgotten(m.Value, horizon)).Select(m => m.Key);

    /// <summary>
    /// Spec v1.1 §13: an id whose event is earlier than the lateness horizon is forgotten, unless a reversal may still
    /// need what it granted. Whether it was dropped yet never shows: every lookup asks this first.
    /// </summary>
    public bool IsForgotten(in LedgerMark mark, DateTime? horizon) =>
        horizon is { } h && mark.IsKnown && mark.At < h && (mark.Grant is null || !IsWithinHorizon(mark.At));

    /// <summary>For the duplicate check (v1 §4.1): true when the id's event is earlier than the horizon, so a new event may reuse it.</summary>
    public bool IsPastHorizon(string eventId, DateTime? horizon) =>
        horizon is { } h && marks.TryGetValue(eventId, out var mark) && mark.IsKnown && mark.At < h;

    /// <summary>Drops the ids forgotten at <paramref name="horizon"/> (spec v1.1 §13): amortized O(1) an event.</summary>
    public void ForgetBefore(DateTime horizon)
    {
        forgottenBefore = Math.Max(forgottenBefore, horizon.Ticks);
        while (recorded.TryPeek(out var id))
        {
            if (marks.TryGetValue(id, out var mark))
            {
                if (mark.At.Ticks >= forgottenBefore)
                {
                    return;
                }

                // One that owes a grant stays for a reversal; DropOld removes it when the grant leaves reversible_for.
                if (mark.Grant is null)
                {
                    RemoveMark(id);
                }
            }

            var forgotten = recorded.Dequeue();
            undo?.Add(new LedgerUndo(LedgerUndoKind.RecordedOut, forgotten));
        }
    }

    public bool Contains(string eventId) => marks.ContainsKey(eventId);

    /// <summary>True when an event at <paramref name="at"/> is inside the horizon: not older than the clock less <c>reversible_for</c>.</summary>
    public bool IsWithinHorizon(DateTime at) => clockTicks == 0 || at.Ticks >= clockTicks - ReversibleFor.Ticks;

    public bool TryGet(string eventId, out LedgerMark mark) => marks.TryGetValue(eventId, out mark);

    /// <summary>Records an applied event, and so marks its id seen; <paramref name="grant"/> is null when it granted nothing.</summary>
    public void Record(string eventId, DateTime at, bool isReversal, LedgerGrant? grant)
    {
        if (at.Ticks > clockTicks)
        {
            clockTicks = at.Ticks;
        }

        SetMark(eventId, new LedgerMark(at, isReversal, reversed: false, grant));
        if (AcceptLate is not null)
        {
            recorded.Enqueue(eventId);
            undo?.Add(new LedgerUndo(LedgerUndoKind.RecordedIn, eventId));
        }

        if (grant is not null)
        {
            EnqueueGranted(eventId);
            DropOld();
        }
    }

    /// <summary>
    /// Takes in an entry a host's store kept (<see cref="IParticipantStore.FindLedgerEntry"/>), as it was recorded: the
    /// clock does not move, and its grant is dropped like any other once out of the horizon.
    /// </summary>
    public void Adopt(string eventId, LedgerMark mark)
    {
        SetMark(eventId, mark);
        if (mark.Grant is not null)
        {
            EnqueueGranted(eventId);
        }
    }

    /// <summary>Replaces an id's entry in place (a host's change marking a target reversed), leaving the queues as they are.</summary>
    public void Replace(string eventId, LedgerMark mark) => SetMark(eventId, mark);

    /// <summary>Starts the ledger's clock at a rehydrated engine's (the latest event time its store holds).</summary>
    public void StartClockAt(DateTime clock) => clockTicks = Math.Max(clockTicks, clock.Ticks);

    /// <summary>Marks an id seen without a time (a host's own commit of a change with an id).</summary>
    public void MarkSeen(string eventId)
    {
        if (!marks.ContainsKey(eventId))
        {
            SetMark(eventId, LedgerMark.Unknown);
        }
    }

    /// <summary>Marks an event reversed: it cannot be reversed again, and it no longer owes anything back.</summary>
    public void MarkReversed(string eventId)
    {
        ref var mark = ref CollectionsMarshal.GetValueRefOrNullRef(marks, eventId);
        undo?.Add(new LedgerUndo(LedgerUndoKind.Mark, eventId, true, mark));
        mark = mark.WithReversed();
    }

    /// <summary>Puts back the seen ids and the ledger entries read from a state file.</summary>
    public void Restore(IEnumerable<string> seen, IEnumerable<KeyValuePair<string, LedgerMark>> entries)
    {
        marks.Clear();
        granted.Clear();
        recorded.Clear();
        forgottenBefore = long.MinValue;
        clockTicks = 0;
        foreach (var id in seen)
        {
            marks[id] = LedgerMark.Unknown;
        }

        foreach (var (id, mark) in entries)
        {
            marks[id] = mark;
            clockTicks = Math.Max(clockTicks, mark.At.Ticks);
            if (mark.Grant is not null)
            {
                granted.Enqueue(id);
            }
        }

        if (AcceptLate is not null)
        {
            foreach (var (id, _) in entries.Where(e => e.Value.IsKnown).OrderBy(e => e.Value.At))
            {
                recorded.Enqueue(id);
            }
        }
    }

    /// <summary>Drops the grants at the head of the queue that have left the horizon (or were reversed): amortized O(1) a grant.</summary>
    private void DropOld()
    {
        while (granted.TryPeek(out var id))
        {
            ref var mark = ref CollectionsMarshal.GetValueRefOrNullRef(marks, id);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref mark) && mark.Grant is not null && IsWithinHorizon(mark.At))
            {
                return;
            }

            granted.Dequeue();
            undo?.Add(new LedgerUndo(LedgerUndoKind.GrantedOut, id));
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref mark))
            {
                if (mark.At.Ticks < forgottenBefore)
                {
                    // Past the lateness horizon too (spec v1.1 §13): nothing needs it any more.
                    RemoveMark(id);
                }
                else
                {
                    undo?.Add(new LedgerUndo(LedgerUndoKind.Mark, id, true, mark));
                    mark = mark.WithoutGrant();
                }
            }
        }
    }

    /// <summary>Starts noting every change, for <see cref="Rollback"/> (the in-memory store's <c>BeginBatch</c>).</summary>
    public void BeginUndo()
    {
        undo = [];
        undoFrom = (clockTicks, forgottenBefore);
    }

    /// <summary>Unwinds every change since <see cref="BeginUndo"/>, newest first: the ledger is as it was then.</summary>
    public void Rollback()
    {
        if (undo is not { } changes)
        {
            return;
        }

        undo = null;
        for (var i = changes.Count - 1; i >= 0; i--)
        {
            var change = changes[i];
            switch (change.Kind)
            {
                case LedgerUndoKind.Mark when change.Had:
                    marks[change.Id] = change.Mark;
                    break;
                case LedgerUndoKind.Mark:
                    marks.Remove(change.Id);
                    break;
                case LedgerUndoKind.GrantedIn:
                    granted.PopBack();
                    break;
                case LedgerUndoKind.GrantedOut:
                    granted.PushFront(change.Id);
                    break;
                case LedgerUndoKind.RecordedIn:
                    recorded.PopBack();
                    break;
                case LedgerUndoKind.RecordedOut:
                    recorded.PushFront(change.Id);
                    break;
            }
        }

        (clockTicks, forgottenBefore) = undoFrom;
    }

    /// <summary>Keeps every change since <see cref="BeginUndo"/> and stops noting them.</summary>
    public void DropUndo() => undo = null;

    private void SetMark(string eventId, LedgerMark mark)
    {
        if (undo is not null)
        {
            NoteMark(eventId);
        }

        marks[eventId] = mark;
    }

    private void RemoveMark(string eventId)
    {
        if (undo is not null)
        {
            NoteMark(eventId);
        }

        marks.Remove(eventId);
    }

    private void NoteMark(string eventId) =>
        undo!.Add(marks.TryGetValue(eventId, out var prior) ? new LedgerUndo(LedgerUndoKind.Mark, eventId, true, prior) : new LedgerUndo(LedgerUndoKind.Mark, eventId));

    private void EnqueueGranted(string eventId)
    {
        granted.Enqueue(eventId);
        undo?.Add(new LedgerUndo(LedgerUndoKind.GrantedIn, eventId));
    }
}
