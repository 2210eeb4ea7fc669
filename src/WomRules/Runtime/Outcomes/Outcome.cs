using System.Text;
using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// What processing an event produced (spec §5). Each kind is its own type; <see cref="ToJson"/> gives the
/// one-line JSON form that <c>womrules run</c> prints.
/// </summary>
public abstract record Outcome
{
    private protected Outcome(string? eventId)
    {
        EventId = eventId;
    }

    /// <summary>The id of the event that produced this outcome; null for a line that had no usable id, and for a time-driven effect (spec v1.1 §1).</summary>
    public string? EventId { get; }

    /// <summary>The kind as it appears in JSON: reward, tier, violation, skipped, redeemed, reversed, restored, rejected or duplicate.</summary>
    public abstract string Kind { get; }

    /// <summary>The outcome as one line of JSON, fields in a stable order.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, OutcomeJson.WriterOptions))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the outcome as a JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("kind", Kind);
        writer.WriteString("event", EventId);
        WriteFields(writer);
        writer.WriteEndObject();
    }

    private protected abstract void WriteFields(Utf8JsonWriter writer);
}
