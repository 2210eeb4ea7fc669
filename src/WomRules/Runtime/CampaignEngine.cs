using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using WomRules.Binding;
using WomRules.Emit;

namespace WomRules.Runtime;

/// <summary>
/// Applies engagement events to a campaign's participants (spec §4) and returns the outcomes (spec §5).
/// Each event is applied atomically: its changes reach the store in one <see cref="StateChange"/> or not at all.
/// One engine serializes its events; the compiled campaign it runs may be shared by many engines.
/// </summary>
public sealed class CampaignEngine
{
    private readonly object gate = new();
    private readonly CompiledCampaign campaign;
    private readonly EvaluationContext context = new();
    private readonly EngineOptions options;

    // Scratch reused for every event (the lock serializes events), so the hot path allocates nothing of its own.
    private readonly List<Outcome> pending = [];
    private readonly EventData eventData = new();
    private readonly object?[] values;
    private readonly List<(long? Points, decimal? Credit, long? By)> amounts = [];
    private readonly LimitWindowKeys windowKeys = new();

    // The in-memory store's states are changed in place; these save them first, so a failed event is undone.
    private readonly InMemoryParticipantStore? memory;
    private readonly ParticipantCheckpoint actorCheckpoint = new();
    private readonly ParticipantCheckpoint referrerCheckpoint = new();

    /// <summary>Creates an engine over a store (an empty in-memory one by default).</summary>
    public CampaignEngine(CompiledCampaign campaign, IParticipantStore? store = null, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        this.campaign = campaign;
        Store = store ?? new InMemoryParticipantStore();
        memory = Store as InMemoryParticipantStore;
        this.options = options ?? new EngineOptions();
        var slots = 0;
        foreach (var eventType in campaign.Dispatch.Values)
        {
            slots = Math.Max(slots, eventType.Symbol.Attributes.Length);
        }

        values = new object?[slots];
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

    /// <summary>The state as stored, which for the in-memory store is the live one the engine changes in place.</summary>
    private ParticipantState? FindStored(string participantId) => memory is not null ? memory.FindLive(participantId) : Store.Find(participantId);

    /// <summary>Sets host-supplied attributes of a participant (creating them if new). Throws <see cref="ArgumentException"/> for an undeclared attribute or a value of the wrong type.</summary>
    public void SetParticipantAttributes(string participantId, IReadOnlyDictionary<string, object?> attributes)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        ArgumentNullException.ThrowIfNull(attributes);
        lock (gate)
        {
            participantId = StoredId(participantId);
            var state = FindStored(participantId)?.Clone() ?? NewParticipant(participantId);
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

            Store.Commit(new StateChange(null, [state], 0, 0m));
        }
    }

    /// <summary>Processes one event given as an object.</summary>
    public IReadOnlyList<Outcome> Process(EngagementEvent engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        lock (gate)
        {
            pending.Clear();
            ProcessCore(engagement);
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
            pending.Clear();
            ProcessCore(engagement);
            return CopyOutcomes(outcomes);
        }
    }

    // The JSON entry points' scratch (used under the lock): the line reader, made on first use, and the UTF-8 bytes of a
    // string line while it is read.
    private const int KeptLineBufferLength = 64 * 1024;
    private Utf8EventReader? eventReader;
    private byte[] lineBytes = [];

    /// <summary>Processes one line of an events file (a JSON object). Malformed input gives a <see cref="RejectedOutcome"/>, never an exception.</summary>
    public IReadOnlyList<Outcome> ProcessJson(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (gate)
        {
            pending.Clear();
            ProcessJsonCore(line);
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
            pending.Clear();
            ProcessJsonCore(line);
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
            pending.Clear();
            ProcessJsonCore(utf8Line);
            return CopyOutcomes(outcomes);
        }
    }

    /// <summary>
    /// Whether lines go through <see cref="Utf8EventReader"/> before the document path; tests turn it off to compare
    /// the two. Either way gives the same outcomes.
    /// </summary>
    internal bool UseUtf8EventReader { get; set; } = true;

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

    private void ProcessCore(EngagementEvent engagement)
    {
        if (string.IsNullOrEmpty(engagement.Id))
        {
            pending.Add(new RejectedOutcome(null, "the event has no 'id'"));
            return;
        }

        var header = new EventHeader(
            engagement.Id,
            engagement.Type,
            engagement.At.UtcDateTime,
            null,
            engagement.Actor,
            string.IsNullOrEmpty(engagement.Referrer) ? "" : engagement.Referrer,
            null);
        Process(header, new DictionaryAttributeSource(engagement.Attributes));
    }

    private void ProcessJsonCore(string line)
    {
        if (line.Length > options.MaxEventLineLength)
        {
            pending.Add(TooLong(line.Length));
            return;
        }

        // The string is read as the UTF-8 it stands for, by the same path as a byte line.
        var needed = Encoding.UTF8.GetMaxByteCount(line.Length);
        var rented = needed > KeptLineBufferLength ? ArrayPool<byte>.Shared.Rent(needed) : null;
        if (rented is null && lineBytes.Length < needed)
        {
            lineBytes = new byte[Math.Min(KeptLineBufferLength, (int)BitOperations.RoundUpToPowerOf2((uint)needed))];
        }

        var buffer = rented ?? lineBytes;
        try
        {
            if (Utf8.FromUtf16(line, buffer, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                // Half a surrogate pair has no UTF-8 form: the text is malformed, as invalid UTF-8 is in a byte line.
                pending.Add(new RejectedOutcome(null, "the line is not valid UTF-16 (it holds half a surrogate pair)"));
                return;
            }

            ProcessUtf8Json(buffer.AsSpan(0, written));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private void ProcessJsonCore(ReadOnlySpan<byte> line)
    {
        // A character takes at least one byte, so only a line longer in bytes than the limit needs its characters counted.
        if (line.Length > options.MaxEventLineLength && Encoding.UTF8.GetCharCount(line) is var length && length > options.MaxEventLineLength)
        {
            pending.Add(TooLong(length));
            return;
        }

        ProcessUtf8Json(line);
    }

    private RejectedOutcome TooLong(long length) => RejectedOutcome.LineTooLong(length, options.MaxEventLineLength);

    /// <summary>A line within the limit: the fast reader when it takes the line, else the document path.</summary>
    private void ProcessUtf8Json(ReadOnlySpan<byte> line)
    {
        if (!Utf8.IsValid(line))
        {
            pending.Add(new RejectedOutcome(null, "the line is not valid UTF-8"));
            return;
        }

        if (UseUtf8EventReader)
        {
            var reader = eventReader ??= new Utf8EventReader(campaign, values);
            if (reader.TryRead(line))
            {
                try
                {
                    Process(
                        new EventHeader(reader.Id, reader.Type, reader.At, reader.AtError, reader.Actor, reader.Referrer, reader.AttributesError),
                        new Utf8AttributeSource(reader, values));
                }
                finally
                {
                    reader.Clear();
                }

                return;
            }

            // The reader gave up, maybe after filling some slots; nothing else has been touched.
            Array.Clear(values);
            reader.Clear();
        }

        ProcessWithDocument(line);
    }

    /// <summary>The reference reading of a line: <see cref="JsonDocument"/> defines what is accepted and words every rejection.</summary>
    private void ProcessWithDocument(ReadOnlySpan<byte> line)
    {
        // The document keeps the memory it parses, so it gets a copy it can hold.
        var copy = ArrayPool<byte>.Shared.Rent(line.Length);
        try
        {
            line.CopyTo(copy);
            ProcessWithDocument(copy.AsMemory(0, line.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private void ProcessWithDocument(ReadOnlyMemory<byte> line)
    {
        JsonDocument document;
        try
        {
            // A repeated property (two "id"s, two "points") is ambiguous, so the event is malformed, not last-wins.
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a property name escaping half a surrogate pair, met while checking repeats.
            pending.Add(new RejectedOutcome(null, "the line is not valid JSON: " + FirstSentence(ex.Message)));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                pending.Add(new RejectedOutcome(null, "the line is not a JSON object"));
                return;
            }

            EventHeader header;
            try
            {
                header = ReadHeader(root);
            }
            catch (InvalidOperationException ex)
            {
                // A header string escaping half a surrogate pair ("\ud800") is valid JSON but no text.
                pending.Add(new RejectedOutcome(null, "the line is not valid JSON: " + FirstSentence(ex.Message)));
                return;
            }

            if (header.Id.Length == 0)
            {
                pending.Add(new RejectedOutcome(null, "the event has no 'id' string"));
                return;
            }

            JsonElement? attributes = root.TryGetProperty("attributes", out var attributesElement) && attributesElement.ValueKind == JsonValueKind.Object
                ? attributesElement
                : null;
            Process(header, new JsonAttributeSource(attributes));
        }
    }

    /// <summary>The header fields of a line read as a document; an empty id when it has no 'id' string. Tests compare <see cref="Utf8EventReader"/> with it.</summary>
    internal static EventHeader ReadHeader(JsonElement root)
    {
        if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } id)
        {
            return new EventHeader("", null, null, null, null, null, null);
        }

        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        DateTime? at = null;
        string? atError = null;
        if (!root.TryGetProperty("at", out var atElement) || atElement.ValueKind != JsonValueKind.String)
        {
            atError = "the event has no 'at' timestamp";
        }
        else if (EventTimestamp.TryParse(atElement.GetString(), out var parsed))
        {
            at = parsed;
        }
        else
        {
            atError = $"'at' is not an ISO 8601 timestamp: '{atElement.GetString()}'";
        }

        var actor = root.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        string? referrer = "";
        if (root.TryGetProperty("referrer", out var r))
        {
            referrer = r.ValueKind switch
            {
                JsonValueKind.String => r.GetString(),
                JsonValueKind.Null => "",
                _ => null,
            };
        }

        string? attributesError = null;
        if (root.TryGetProperty("attributes", out var attributesElement)
            && attributesElement.ValueKind is not JsonValueKind.Object and not JsonValueKind.Null)
        {
            attributesError = "'attributes' must be a JSON object";
        }

        return new EventHeader(id, type, at, atError, actor, referrer, attributesError);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    /// <summary>The fields of an event before validation, from either entry point.</summary>
    internal readonly record struct EventHeader(
        string Id,
        string? Type,
        DateTime? At,
        string? AtError,
        string? Actor,
        string? Referrer,
        string? AttributesError);

    /// <summary>Fills <paramref name="values"/> by slot; returns an error message, or null when every attribute is valid.</summary>
    private static string? ReadAttributes<TSource>(EventTypeSymbol type, TSource source, object?[] values)
        where TSource : struct, IAttributeSource
    {
        foreach (var attribute in type.Attributes)
        {
            if (!source.TryRead(attribute, out var converted, out var error))
            {
                if (attribute.IsRequired)
                {
                    return $"missing required attribute '{attribute.Name}'";
                }

                values[attribute.Slot] = attribute.Default;
                continue;
            }

            if (error is not null)
            {
                return error;
            }

            values[attribute.Slot] = converted;
        }

        return null;
    }

    private void Process<TSource>(in EventHeader input, TSource attributes)
        where TSource : struct, IAttributeSource
    {
        // Spec §4, steps 1 to 3, in order.
        if (Store.HasSeenEvent(input.Id))
        {
            pending.Add(new DuplicateOutcome(input.Id));
            return;
        }

        if (input.Type is null)
        {
            pending.Add(new RejectedOutcome(input.Id, "the event has no 'type' string"));
            return;
        }

        if (!campaign.Dispatch.TryGetValue(input.Type, out var compiledType))
        {
            return;
        }

        if (input.At is not { } at)
        {
            pending.Add(new RejectedOutcome(input.Id, input.AtError ?? "the event has no 'at' timestamp"));
            return;
        }

        if ((campaign.Bound.ActiveFrom is { } from && at < from) || (campaign.Bound.ActiveUntil is { } until && at >= until))
        {
            return;
        }

        if (string.IsNullOrEmpty(input.Actor))
        {
            pending.Add(new RejectedOutcome(input.Id, "the event has no 'actor' string"));
            return;
        }

        if (input.Referrer is null)
        {
            pending.Add(new RejectedOutcome(input.Id, "'referrer' must be a string"));
            return;
        }

        if (input.AttributesError is not null)
        {
            pending.Add(new RejectedOutcome(input.Id, input.AttributesError));
            return;
        }

        // The campaign's 'ids' option: both entry points meet here, before anything looks at the ids (participant
        // lookup, event.actor and event.referrer, limits, state keys). Without it, ids stay exactly as given.
        var actor = input.Actor;
        var referrer = input.Referrer;
        if (campaign.Bound.Ids is { } ids)
        {
            if (CanonicalId(actor, ids) is not { } canonicalActor)
            {
                pending.Add(new RejectedOutcome(input.Id, "'actor' is not a usable participant id (it is empty once canonicalised, or not valid text)"));
                return;
            }

            var canonicalReferrer = referrer.Length == 0 ? referrer : CanonicalId(referrer, ids);
            if (canonicalReferrer is null)
            {
                pending.Add(new RejectedOutcome(input.Id, "'referrer' is not a usable participant id (it is empty once canonicalised, or not valid text)"));
                return;
            }

            actor = canonicalActor;
            referrer = canonicalReferrer;
        }

        try
        {
            if (ReadAttributes(compiledType.Symbol, attributes, values) is { } error)
            {
                pending.Add(new RejectedOutcome(input.Id, error));
                return;
            }

            eventData.Fill(input.Id, compiledType.Symbol, at, actor, referrer, values);
            try
            {
                Apply(eventData, compiledType);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Nothing was committed and every in-place change is undone, so nothing is half-applied; the event
                // can be sent again.
                actorCheckpoint.Restore();
                referrerCheckpoint.Restore();
                pending.Clear();
                pending.Add(new RejectedOutcome(input.Id, "the event could not be applied: " + ex.Message));
            }
        }
        finally
        {
            // Keep no host values alive between events, whether or not the event got as far as being filled in.
            Array.Clear(values);
            eventData.Clear();
            actorCheckpoint.Clear();
            referrerCheckpoint.Clear();
            context.Event = null;
            context.Participant = null!;
            context.Referrer = null;
        }
    }

    private ParticipantState NewParticipant(string id) => new(campaign.Schema, id);

    /// <summary>An id under the campaign's 'ids' option; null when nothing usable is left of it.</summary>
    private static string? CanonicalId(string id, IdsSymbol ids) =>
        ParticipantIds.Canonicalize(id, ids) is { Length: > 0 } canonical ? canonical : null;

    /// <summary>A host's id as the engine stores it: canonical under the 'ids' option, else as given.</summary>
    private string StoredId(string id) =>
        campaign.Bound.Ids is { } ids && ParticipantIds.Canonicalize(id, ids) is { Length: > 0 } canonical ? canonical : id;

    private void Apply(EventData e, CompiledEventType compiledType)
    {
        var outcomes = pending;
        var participants = FindParticipants(e);
        var actorChanged = false;
        var referrerChanged = false;
        long pointsIssued = 0;
        decimal creditIssued = 0m;
        var budget = campaign.Bound.Budget;

        context.Event = e;
        context.Participant = participants.Actor;
        context.Referrer = participants.Referrer;

        // Built-in redemption (spec §4.9).
        if (compiledType.Symbol.IsBuiltIn)
        {
            var points = (long)e.Values[0]!;
            if (points <= 0)
            {
                outcomes.Add(new RejectedOutcome(e.Id, "'points' to redeem must be more than 0"));
                return;
            }

            if (points > participants.Actor.Points)
            {
                outcomes.Add(new RejectedOutcome(e.Id, $"redeeming {points} points but '{participants.Actor.Id}' has {participants.Actor.Points}"));
                return;
            }

            var redeemer = participants.WritableActor(context);
            redeemer.Points -= points;
            actorChanged = true;
            outcomes.Add(new RedeemedOutcome(e.Id, redeemer.Id, points));
        }

        // Disclosures (spec §4.5).
        var withhold = false;
        foreach (var disclosure in compiledType.Disclosures)
        {
            bool satisfied;
            try
            {
                satisfied = disclosure.Satisfied(context);
            }
            catch (Exception ex) when (IsEvaluationFailure(ex))
            {
                // Fail closed: a check that cannot be evaluated does not count as a disclosure.
                satisfied = false;
            }

            if (!satisfied)
            {
                var symbol = disclosure.Symbol;
                withhold |= symbol.Action == DisclosureAction.Withhold;
                outcomes.Add(new ViolationOutcome(e.Id, symbol.Name, participants.Actor.Id, symbol.Action == DisclosureAction.Withhold ? "withhold" : "flag", symbol.Message));
            }
        }

        // Rules (spec §4.6, §4.7).
        foreach (var rule in compiledType.Rules)
        {
            var symbol = rule.Symbol;
            if (symbol.NeedsReferrer && participants.Referrer is null)
            {
                continue;
            }

            try
            {
                if (rule.When is { } when && !when(context))
                {
                    continue;
                }
            }
            catch (Exception ex) when (IsEvaluationFailure(ex))
            {
                outcomes.Add(Error(e.Id, symbol.Name, participants.Actor.Id, "the condition could not be evaluated: " + EvaluationFailures.Describe(ex)));
                continue;
            }

            if (withhold && !rule.IsAlertOnly)
            {
                outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, participants.Actor.Id, "withheld"));
                continue;
            }

            string? window = null;
            if (symbol.Limit is { } limit)
            {
                var limited = limit.Of == Recipient.Referrer ? participants.Referrer! : participants.Actor;
                window = windowKeys.KeyFor(limit.Per, e.At);
                if (limited.GetLimitUsage(symbol.Name, window) >= limit.Count)
                {
                    outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, limited.Id, "limit"));
                    continue;
                }
            }

            if (TryEvaluateAmounts(rule, amounts, out var rulePoints, out var ruleCredit) is { } failure)
            {
                outcomes.Add(Error(e.Id, symbol.Name, participants.Actor.Id, failure));
                continue;
            }

            // Issue 10: neither the budget test nor the running totals may wrap. Earlier rules of this event passed
            // the same checks, so the totals so far fit.
            // Credit is tested as the commit will compute it, store total + (this event's credit + the rule's):
            // decimal addition rounds, so another grouping of the same additions could fit where that one does not.
            var pointsSoFar = checked(Store.PointsIssued + pointsIssued);
            var eventCreditFits = AmountOverflow.TryAdd(creditIssued, ruleCredit, out var eventCredit);
            if ((budget?.Points is { } pointsCap && AmountOverflow.Exceeds(pointsSoFar, rulePoints, pointsCap))
                || (budget?.Credit is { } creditCap && (!eventCreditFits || AmountOverflow.Exceeds(Store.CreditIssued, eventCredit, creditCap))))
            {
                outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, participants.Actor.Id, "budget"));
                continue;
            }

            if ((AmountOverflow.Points("points issued", pointsSoFar, rulePoints)
                ?? AmountOverflow.Credit("credit issued this event", creditIssued, ruleCredit)
                ?? AmountOverflow.Credit("credit issued", Store.CreditIssued, eventCredit)
                ?? AmountOverflow.FindInRecipients(rule, amounts, participants.Actor, participants.Referrer)) is { } overflow)
            {
                outcomes.Add(Error(e.Id, symbol.Name, participants.Actor.Id, overflow));
                continue;
            }

            // The rule fires: everything below succeeds. Each recipient is copied before its first change.
            for (var i = 0; i < rule.Rewards.Length; i++)
            {
                var reward = rule.Rewards[i].Symbol;
                var toReferrer = reward.To == Recipient.Referrer;
                var target = toReferrer ? participants.WritableReferrer(context) : participants.WritableActor(context);
                var changed = ApplyReward(e.Id, symbol.Name, reward, amounts[i], target, outcomes);
                if (!toReferrer || participants.SameParticipant)
                {
                    actorChanged |= changed;
                }
                else
                {
                    referrerChanged |= changed;
                }
            }

            if (symbol.Limit is { } firedLimit)
            {
                var limited = firedLimit.Of == Recipient.Referrer ? participants.WritableReferrer(context) : participants.WritableActor(context);
                limited.AddLimitUsage(symbol.Name, window!);
            }

            pointsIssued = checked(pointsIssued + rulePoints);
            creditIssued = eventCredit;
            if (symbol.Stop)
            {
                break;
            }
        }

        // Tiers (spec §4.8): the actor, then the referrer. Only a changed participant can reach a new tier, and a
        // changed participant is already this event's own copy.
        if (actorChanged)
        {
            UpdateTier(e.Id, participants.Actor, outcomes);
        }

        if (referrerChanged && participants.Referrer is not null && !participants.SameParticipant)
        {
            UpdateTier(e.Id, participants.Referrer, outcomes);
        }

        Commit(e.Id, participants, pointsIssued, creditIssued);
    }

    /// <summary>The event's actor and referrer as stored (read-only until written), or new participants.</summary>
    private EventParticipants FindParticipants(EventData e)
    {
        var (actorSaves, referrerSaves) = memory is null ? (null, null) : (actorCheckpoint, referrerCheckpoint);
        var stored = FindStored(e.Actor);
        var actor = stored ?? NewParticipant(e.Actor);
        var actorIsNew = stored is null;
        if (e.Referrer.Length == 0)
        {
            return new EventParticipants(actor, actorIsNew, null, false, actorSaves, referrerSaves);
        }

        if (e.Referrer == e.Actor)
        {
            return new EventParticipants(actor, actorIsNew, actor, actorIsNew, actorSaves, referrerSaves);
        }

        var storedReferrer = FindStored(e.Referrer);
        return new EventParticipants(actor, actorIsNew, storedReferrer ?? NewParticipant(e.Referrer), storedReferrer is null, actorSaves, referrerSaves);
    }

    private void Commit(string eventId, in EventParticipants participants, long pointsIssued, decimal creditIssued)
    {
        if (memory is not null)
        {
            // Our own store: changed states were changed in place, so only new ones need storing, and no
            // StateChange need be built. (Process forgets the checkpoints once the event is done.)
            memory.CommitEvent(
                eventId,
                participants.ActorIsNew ? participants.Actor : null,
                participants.ReferrerIsNew && !participants.SameParticipant ? participants.Referrer : null,
                pointsIssued,
                creditIssued);
            return;
        }

        var touched = participants.Referrer is null || participants.SameParticipant
            ? new[] { participants.Actor }
            : new[] { participants.Actor, participants.Referrer };
        Store.Commit(new StateChange(eventId, touched, pointsIssued, creditIssued));
    }

    /// <summary>Evaluates every amount of the rule and their totals; returns why it failed (a detail for the outcome), or null.</summary>
    private string? TryEvaluateAmounts(CompiledRule rule, List<(long? Points, decimal? Credit, long? By)> amounts, out long points, out decimal credit)
    {
        amounts.Clear();
        points = 0;
        credit = 0m;
        try
        {
            foreach (var reward in rule.Rewards)
            {
                long? p = reward.Points?.Invoke(context);
                decimal? c = reward.Credit?.Invoke(context);
                long? by = reward.By?.Invoke(context) ?? (reward.Symbol.Counter is null ? null : 1);
                if (p < 0 || c < 0m || by < 0)
                {
                    return p < 0 ? "the points amount is negative: " + p.Value.ToString(CultureInfo.InvariantCulture)
                        : c < 0m ? "the credit amount is negative: " + OutcomeJson.FormatDecimal(c.Value)
                        : "the counter step is negative: " + by!.Value.ToString(CultureInfo.InvariantCulture);
                }

                if (!AmountOverflow.TryAdd(points, p ?? 0, out points))
                {
                    return "points overflow: the rule's points add up past the largest amount";
                }

                if (!AmountOverflow.TryAdd(credit, c ?? 0m, out credit))
                {
                    return "credit overflow: the rule's credit adds up past the largest amount";
                }

                amounts.Add((p, c, by));
            }

            return null;
        }
        catch (Exception ex) when (IsEvaluationFailure(ex))
        {
            return "the amount could not be computed: " + EvaluationFailures.Describe(ex);
        }
    }

    private static SkippedOutcome Error(string eventId, string rule, string participant, string detail) =>
        new(eventId, rule, participant, "error") { Detail = detail };

    private static bool ApplyReward(string eventId, string rule, RewardSymbol reward, (long? Points, decimal? Credit, long? By) amount, ParticipantState target, List<Outcome> outcomes)
    {
        var changed = false;
        if (amount.Points is { } points)
        {
            target.Points = checked(target.Points + points);
            target.LifetimePoints = checked(target.LifetimePoints + points);
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Points = points });
            changed = true;
        }

        if (amount.Credit is { } credit)
        {
            target.Credit += credit;
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Credit = credit });
            changed = true;
        }

        if (reward.Badge is { } badge && target.AddBadge(badge))
        {
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Badge = badge });
            changed = true;
        }

        if (reward.Counter is { } counter)
        {
            var by = amount.By ?? 1;
            target.Counters[reward.CounterIndex] = checked(target.Counters[reward.CounterIndex] + by);
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Counter = counter, By = by });
            changed = true;
        }

        if (reward.Alert is { } alert)
        {
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Alert = alert });
        }

        return changed;
    }

    private void UpdateTier(string eventId, ParticipantState subject, List<Outcome> outcomes)
    {
        context.Participant = subject;
        var reached = campaign.TierSearch(context, subject.TierIndex);
        if (reached > subject.TierIndex)
        {
            var tiers = campaign.CompiledTiers;
            outcomes.Add(new TierOutcome(eventId, subject.Id, tiers[subject.TierIndex].Symbol.Name, tiers[reached].Symbol.Name));
            subject.TierIndex = reached;
        }
    }

    private static bool IsEvaluationFailure(Exception ex) => EvaluationFailures.Is(ex);
}
