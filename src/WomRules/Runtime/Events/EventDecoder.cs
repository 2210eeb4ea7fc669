using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace WomRules.Runtime;

/// <summary>
/// Turns what a host hands the engine (an <see cref="EngagementEvent"/>, or an events-file line as a string or as
/// UTF-8 bytes) into an <see cref="EventHeader"/> and an attribute source, and hands them to <see cref="EventAdmission"/>.
/// A line goes through <see cref="Utf8EventReader"/> when it can take it, else through <see cref="JsonDocument"/>,
/// which defines what is accepted. A line that cannot be read at all gives a <see cref="RejectedOutcome"/> with
/// event null (spec §4, step 3). Outcomes go to the engine's list of this event's outcomes.
/// </summary>
internal sealed class EventDecoder
{
    // String lines up to this many UTF-8 bytes are encoded into a buffer the decoder keeps; longer ones rent one.
    private const int KeptLineBufferLength = 64 * 1024;

    private readonly CompiledCampaign campaign;
    private readonly EngineOptions options;
    private readonly object?[] values;
    private readonly List<Outcome> outcomes;
    private readonly EventAdmission admission;

    // Scratch (used under the engine's lock): the line reader, made on first use, and the UTF-8 bytes of a string
    // line while it is read.
    private Utf8EventReader? eventReader;
    private byte[] lineBytes = [];

    public EventDecoder(CompiledCampaign campaign, EngineOptions options, object?[] values, List<Outcome> outcomes, EventAdmission admission)
    {
        this.campaign = campaign;
        this.options = options;
        this.values = values;
        this.outcomes = outcomes;
        this.admission = admission;
    }

    /// <summary>
    /// Whether lines go through <see cref="Utf8EventReader"/> before the document path; tests turn it off to compare
    /// the two. Either way gives the same outcomes.
    /// </summary>
    public bool UseUtf8EventReader { get; set; } = true;

    /// <summary>An event given as an object: only its id needs checking before admission.</summary>
    public void Decode(EngagementEvent engagement)
    {
        if (string.IsNullOrEmpty(engagement.Id))
        {
            outcomes.Add(new RejectedOutcome(null, "the event has no 'id'"));
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

    /// <summary>An events-file line given as a string; checked against the line limit, then read as UTF-8.</summary>
    public void Decode(string line)
    {
        if (line.Length > options.MaxEventLineLength)
        {
            outcomes.Add(TooLong(line.Length));
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
                outcomes.Add(new RejectedOutcome(null, "the line is not valid UTF-16 (it holds half a surrogate pair)"));
                return;
            }

            DecodeUtf8(buffer.AsSpan(0, written));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>An events-file line given as UTF-8 bytes, read where it lies.</summary>
    public void Decode(ReadOnlySpan<byte> line)
    {
        // A character takes at least one byte, so only a line longer in bytes than the limit needs its characters counted.
        if (line.Length > options.MaxEventLineLength && Encoding.UTF8.GetCharCount(line) is var length && length > options.MaxEventLineLength)
        {
            outcomes.Add(TooLong(length));
            return;
        }

        DecodeUtf8(line);
    }

    private RejectedOutcome TooLong(long length) => RejectedOutcome.LineTooLong(length, options.MaxEventLineLength);

    /// <summary>A line within the limit: the fast reader when it takes the line, else the document path.</summary>
    private void DecodeUtf8(ReadOnlySpan<byte> line)
    {
        if (!Utf8.IsValid(line))
        {
            outcomes.Add(new RejectedOutcome(null, "the line is not valid UTF-8"));
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

        DecodeWithDocument(line);
    }

    /// <summary>The reference reading of a line: <see cref="JsonDocument"/> defines what is accepted and words every rejection.</summary>
    private void DecodeWithDocument(ReadOnlySpan<byte> line)
    {
        // The document keeps the memory it parses, so it gets a copy it can hold.
        var copy = ArrayPool<byte>.Shared.Rent(line.Length);
        try
        {
            line.CopyTo(copy);
            DecodeWithDocument(copy.AsMemory(0, line.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private void DecodeWithDocument(ReadOnlyMemory<byte> line)
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
            outcomes.Add(new RejectedOutcome(null, "the line is not valid JSON: " + FirstSentence(ex.Message)));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                outcomes.Add(new RejectedOutcome(null, "the line is not a JSON object"));
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
                outcomes.Add(new RejectedOutcome(null, "the line is not valid JSON: " + FirstSentence(ex.Message)));
                return;
            }

            if (header.Id.Length == 0)
            {
                outcomes.Add(new RejectedOutcome(null, "the event has no 'id' string"));
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
}
