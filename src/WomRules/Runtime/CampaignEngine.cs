namespace WomRules.Runtime;

/// <summary>
/// Applies engagement events to a campaign's participants (spec §4) and returns the outcomes (spec §5).
/// Each event is applied atomically: its changes reach the store in one <see cref="StateChange"/> or not at all.
/// One engine serializes its events; the compiled campaign it runs may be shared by many engines.
/// </summary>
public sealed class CampaignEngine
{
    private readonly object gate = new();

    // Serializes ProcessAsync callers across their awaits (the lock cannot be held over one).
    private readonly SemaphoreSlim asyncGate = new(1, 1);
    private readonly CompiledCampaign campaign;

    // The outcomes of the event being processed (reused, under the lock): every step adds to it, and the entry
    // points hand them to the caller.
    private readonly List<Outcome> pending = [];
    private readonly EventApplication application;
    private readonly EventDecoder decoder;

    /// <summary>Creates an engine over a store (an empty in-memory one by default).</summary>
    public CampaignEngine(CompiledCampaign campaign, IParticipantStore? store = null, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        this.campaign = campaign;
        Store = store ?? new InMemoryParticipantStore();
        var slots = 0;
        foreach (var eventType in campaign.Dispatch.Values)
        {
            slots = Math.Max(slots, eventType.Symbol.Attributes.Length);
        }

        // The attribute values of the event being processed, by slot: the fast line reader fills them, admission
        // validates them, and the rules read them.
        var values = new object?[slots];
        application = new EventApplication(campaign, Store, new EvaluationContext(), pending);
        var admission = new EventAdmission(campaign, Store, values, pending, application);
        decoder = new EventDecoder(campaign, options ?? new EngineOptions(), values, pending, admission);
    }

    /// <summary>
    /// Makes an engine over a host's store that goes on exactly as the engine that last wrote it would have
    /// (docs/stores.md): <paramref name="state"/> gives the clock, the grant order and the latest seen event's time (a
    /// store may list only that id in <see cref="CampaignStateSnapshot.SeenEvents"/>); <paramref name="participants"/>
    /// the participants holding points lots or a tier above the first (every participant will do), whose expiries and
    /// keep ends are queued again; <paramref name="pendingGrants"/> the pending grants the store holds. The ledger is
    /// not loaded: a reversal asks the store for its target's entry (<see cref="IParticipantStore.FindLedgerEntry"/>).
    /// Throws <see cref="ArgumentException"/> for the in-memory store (its state file carries all of this) or a
    /// snapshot that does not fit the campaign.
    /// </summary>
    public static CampaignEngine Rehydrate(
        CompiledCampaign campaign,
        IParticipantStore store,
        CampaignStateSnapshot state,
        IEnumerable<ParticipantSnapshot> participants,
        IEnumerable<PendingGrantSnapshot> pendingGrants,
        EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(pendingGrants);
        if (store is InMemoryParticipantStore)
        {
            throw new ArgumentException("The in-memory store keeps the engine's state itself; make an engine over it, or read its state file.", nameof(store));
        }

        var engine = new CampaignEngine(campaign, store, options);
        engine.application.Rehydrate(state, participants, pendingGrants);
        return engine;
    }

    /// <summary>The campaign this engine runs.</summary>
    public CompiledCampaign Campaign => campaign;

    /// <summary>The store the engine reads and commits to.</summary>
    public IParticipantStore Store { get; }

    /// <summary>A participant's current state, or null if the engine has not seen them. The state is a snapshot: later events do not change it.</summary>
    public ParticipantState? GetParticipant(string participantId)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        lock (gate)
        {
            return Store.Find(StoredId(participantId));
        }
    }

    /// <summary>Sets host-supplied attributes of a participant (creating them if new). Throws <see cref="ArgumentException"/> for an undeclared attribute or a value of the wrong type.</summary>
    public void SetParticipantAttributes(string participantId, IReadOnlyDictionary<string, object?> attributes)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        ArgumentNullException.ThrowIfNull(attributes);
        lock (gate)
        {
            participantId = StoredId(participantId);
            var state = application.FindStored(participantId)?.Clone() ?? application.NewParticipant(participantId);
            foreach (var (name, value) in attributes)
            {
                if (!campaign.Schema.AttributesByName.TryGetValue(name, out var attribute))
                {
                    throw new ArgumentException($"The campaign declares no participant attribute '{name}'.", nameof(attributes));
                }

                if (AttributeValues.TryConvert(value, attribute, out var converted) is { } error)
                {
                    throw new ArgumentException(error, nameof(attributes));
                }

                state.SetAttributeValue(attribute.Slot, converted);
            }

            ThrowIfFaulted();
            if (Store is InMemoryParticipantStore memory)
            {
                memory.Put(state);
            }
            else
            {
                application.CommitToStore(new StateChange(null, [state], 0, 0m));
            }
        }
    }

    /// <summary>Processes one event given as an object.</summary>
    public IReadOnlyList<Outcome> Process(EngagementEvent engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        lock (gate)
        {
            ThrowIfFaulted();
            pending.Clear();
            decoder.Decode(engagement);
            return TakeOutcomes();
        }
    }

    /// <summary>
    /// Processes one event given as an object and appends its outcomes to <paramref name="outcomes"/>; returns how
    /// many it appended. The engine allocates nothing for an event that produces no outcome, so a host that reuses one
    /// collection pays only for the outcomes it gets. <paramref name="outcomes"/> must not call back into the engine.
    /// </summary>
    public int Process(EngagementEvent engagement, ICollection<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(outcomes);
        lock (gate)
        {
            ThrowIfFaulted();
            pending.Clear();
            decoder.Decode(engagement);
            return CopyOutcomes(outcomes);
        }
    }

    /// <summary>Processes one line of an events file (a JSON object). Malformed input gives a <see cref="RejectedOutcome"/>, never an exception.</summary>
    public IReadOnlyList<Outcome> ProcessJson(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (gate)
        {
            ThrowIfFaulted();
            pending.Clear();
            decoder.Decode(line);
            return TakeOutcomes();
        }
    }

    /// <summary>Processes one line of an events file and appends its outcomes to <paramref name="outcomes"/>; returns how many it appended.</summary>
    public int ProcessJson(string line, ICollection<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(outcomes);
        lock (gate)
        {
            ThrowIfFaulted();
            pending.Clear();
            decoder.Decode(line);
            return CopyOutcomes(outcomes);
        }
    }

    /// <summary>
    /// Processes one line of an events file given as UTF-8 bytes (no line terminator, no byte order mark) and appends
    /// its outcomes to <paramref name="outcomes"/>; returns how many it appended. This is the fast way in for a host
    /// that reads bytes: the line is read where it lies, with no string made of it. The line limit
    /// (<see cref="EngineOptions.MaxEventLineLength"/>) counts the characters the bytes decode to, as for a string line.
    /// Malformed input, including bytes that are not UTF-8, gives a <see cref="RejectedOutcome"/>, never an exception.
    /// <paramref name="outcomes"/> must not call back into the engine.
    /// </summary>
    public int ProcessJson(ReadOnlySpan<byte> utf8Line, ICollection<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        lock (gate)
        {
            ThrowIfFaulted();
            pending.Clear();
            decoder.Decode(utf8Line);
            return CopyOutcomes(outcomes);
        }
    }

    /// <summary>
    /// The engine's clock (spec v1.1 §1): the latest <c>at</c> of an event accepted past validation (applied, or
    /// rejected for its content) or the latest time given to <see cref="AdvanceTo"/>, whichever is later; null before
    /// either. It never goes back. WomRules never reads the wall clock.
    /// </summary>
    public DateTimeOffset? Clock
    {
        get
        {
            lock (gate)
            {
                return application.Clock.Clock is { } clock ? new DateTimeOffset(clock, TimeSpan.Zero) : null;
            }
        }
    }

    /// <summary>
    /// A sweep (spec v1.1 §1): moves the clock to <paramref name="time"/> without an event, applying every time-driven
    /// effect due by then in due order, and returns their outcomes (each with a null <see cref="Outcome.EventId"/>).
    /// A time not later than the clock does nothing; the campaign's <c>active.until</c> does not stop a sweep.
    /// </summary>
    public IReadOnlyList<Outcome> AdvanceTo(DateTimeOffset time)
    {
        lock (gate)
        {
            ThrowIfFaulted();
            pending.Clear();
            application.Clock.To(time.UtcDateTime);
            application.CommitClock(null);
            return TakeOutcomes();
        }
    }

    /// <summary>
    /// Processes one event on the asynchronous path: the store first loads (or locks) the participants the event names
    /// (<see cref="IParticipantStore.PrepareAsync"/>) without blocking a thread, then the event is evaluated and
    /// committed as <see cref="Process(EngagementEvent)"/> does. A store failure throws <see cref="StoreCommitException"/>
    /// and applies nothing; cancellation before the evaluation starts applies nothing either.
    /// </summary>
    public async ValueTask<IReadOnlyList<Outcome>> ProcessAsync(EngagementEvent engagement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        cancellationToken.ThrowIfCancellationRequested();
        await asyncGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var referrer = string.IsNullOrEmpty(engagement.Referrer) ? null : StoredId(engagement.Referrer);
            await Store.PrepareAsync(engagement.Id ?? "", StoredId(engagement.Actor ?? ""), referrer, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return Process(engagement);
        }
        finally
        {
            asyncGate.Release();
        }
    }

    /// <summary>
    /// Processes events file lines as one batch (group commit, docs/stores.md): the store is told
    /// <see cref="IParticipantStore.BeginBatch"/> before the first and <see cref="IParticipantStore.CompleteBatch"/>
    /// after the last, so it can make them durable in one transaction. Outcomes are appended to
    /// <paramref name="outcomes"/> only once the batch is durable; returns how many. When a commit or the batch's
    /// completion fails, the store abandons the batch, nothing of it is applied, the engine is faulted (make a new one
    /// over the store), and <see cref="StoreCommitException"/> lists the batch's event ids.
    /// </summary>
    public int ProcessJsonBatch(IEnumerable<string> lines, ICollection<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(outcomes);
        lock (gate)
        {
            ThrowIfFaulted();
            var batch = new List<Outcome>();
            var ids = new List<string>();
            Store.BeginBatch();
            try
            {
                foreach (var line in lines)
                {
                    pending.Clear();
                    decoder.Decode(line);
                    foreach (var outcome in pending)
                    {
                        if (outcome.EventId is { } id && (ids.Count == 0 || !ReferenceEquals(ids[^1], id)))
                        {
                            ids.Add(id);
                        }
                    }

                    batch.AddRange(pending);
                    pending.Clear();
                }

                Store.CompleteBatch();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw BatchFailed(ids, ex);
            }

            foreach (var outcome in batch)
            {
                outcomes.Add(outcome);
            }

            return batch.Count;
        }
    }

    /// <summary>
    /// Whether lines go through <see cref="Utf8EventReader"/> before the document path; tests turn it off to compare
    /// the two. Either way gives the same outcomes.
    /// </summary>
    internal bool UseUtf8EventReader
    {
        get => decoder.UseUtf8EventReader;
        set => decoder.UseUtf8EventReader = value;
    }

    private void ThrowIfFaulted()
    {
        if (application.Faulted)
        {
            throw new InvalidOperationException("An earlier store commit failed and left this engine unlike its store; make a new engine over the store.");
        }
    }

    /// <summary>A batch failed: the store drops it, and the engine, whose view went on with it, is faulted.</summary>
    private StoreCommitException BatchFailed(List<string> ids, Exception failure)
    {
        pending.Clear();
        Store.AbandonBatch();
        application.Faulted = true;
        var inner = failure is StoreCommitException commit ? commit.InnerException ?? commit : failure;
        if (failure is StoreCommitException { EventId: { } failed } && !ids.Contains(failed))
        {
            ids.Add(failed);
        }

        return new StoreCommitException(ids.Count > 0 ? ids[^1] : null, ids, engineFaulted: true, inner);
    }

    // The outcomes of the event being processed collect in `pending` (reused, under the lock) and leave it here.
    private IReadOnlyList<Outcome> TakeOutcomes()
    {
        if (pending.Count == 0)
        {
            return [];
        }

        var result = pending.ToArray();
        pending.Clear();
        return result;
    }

    private int CopyOutcomes(ICollection<Outcome> outcomes)
    {
        var count = pending.Count;
        for (var i = 0; i < count; i++)
        {
            outcomes.Add(pending[i]);
        }

        pending.Clear();
        return count;
    }

    /// <summary>A host's id as the engine stores it: canonical under the 'ids' option, else as given.</summary>
    private string StoredId(string id) =>
        campaign.Bound.Ids is { } ids && ParticipantIds.Canonicalize(id, ids) is { Length: > 0 } canonical ? canonical : id;
}
