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
    private readonly EngineOptions options;

    // The outcomes of the event being processed (reused, under the lock): every step adds to it, and the entry
    // points hand them to the caller.
    private readonly List<Outcome> pending = [];

    // The attribute values of the event being processed, by slot; the fast line reader fills them too.
    private readonly object?[] values;
    private readonly EventApplication application;
    private readonly EventAdmission admission;

    /// <summary>Creates an engine over a store (an empty in-memory one by default).</summary>
    public CampaignEngine(CompiledCampaign campaign, IParticipantStore? store = null, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        this.campaign = campaign;
        Store = store ?? new InMemoryParticipantStore();
        this.options = options ?? new EngineOptions();
        var slots = 0;
        foreach (var eventType in campaign.Dispatch.Values)
        {
            slots = Math.Max(slots, eventType.Symbol.Attributes.Length);
        }

        values = new object?[slots];
        application = new EventApplication(campaign, Store, new EvaluationContext(), pending);
        admission = new EventAdmission(campaign, Store, values, pending, application);
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
        admission.Admit(header, new DictionaryAttributeSource(engagement.Attributes));
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
                    admission.Admit(
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
                header = EventHeader.Read(root);
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
            admission.Admit(header, new JsonAttributeSource(attributes));
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    /// <summary>A host's id as the engine stores it: canonical under the 'ids' option, else as given.</summary>
    private string StoredId(string id) =>
        campaign.Bound.Ids is { } ids && ParticipantIds.Canonicalize(id, ids) is { Length: > 0 } canonical ? canonical : id;
}
