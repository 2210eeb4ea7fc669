using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using WomRules.Binding;
using ValueType = WomRules.Binding.ValueType;

namespace WomRules.Runtime;

/// <summary>
/// Reads an events-file line in one pass of <see cref="Utf8JsonReader"/> over its UTF-8 bytes: the header fields, and
/// the attributes straight into the engine's value slots, with no document and no line string.
/// It takes only the common, well-formed shape of a line and gives up (<see cref="TryRead"/> is false) on anything
/// else: invalid JSON, a repeated or escaped property name, nesting other than a list attribute's array of strings
/// (or the object of <c>participant.updated</c>, whose names must be declared participant attributes),
/// a value of the wrong kind, an id that is not a non-empty string. <see cref="EventDecoder"/> then reads the line with
/// <see cref="JsonDocument"/>, which defines the semantics and words every rejection, so both give the same outcome.
/// It only reads: giving up leaves nothing to undo but the value slots, which the caller clears.
/// </summary>
internal sealed class Utf8EventReader
{
    // More unknown names than this in one object go to the document path, which checks repeats with a set.
    private const int MaxUnknownNames = 16;
    private const int CharBufferLength = 64;

    private const int IdKey = 0;
    private const int TypeKey = 1;
    private const int AtKey = 2;
    private const int ActorKey = 3;
    private const int ReferrerKey = 4;
    private const int AttributesKey = 5;
    private const int UnknownKey = -1;

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    private readonly Utf8EventTypeNames[] eventTypes;
    private readonly object?[] values;

    // Per slot, the stamp of the last line that named the attribute (null included) and that gave it a value.
    private readonly int[] named;
    private readonly int[] given;
    private readonly (int Start, int Length)[] topLevelNames = new (int, int)[MaxUnknownNames];
    private readonly (int Start, int Length)[] attributeNames = new (int, int)[MaxUnknownNames];
    private readonly List<string> items = [];
    private int stamp;

    /// <summary>A reader for the event types of <paramref name="campaign"/>, writing attribute values into <paramref name="values"/> by slot.</summary>
    public Utf8EventReader(CompiledCampaign campaign, object?[] values)
    {
        eventTypes = [.. campaign.Dispatch.Values.Select(t => new Utf8EventTypeNames(t.Symbol))];
        this.values = values;
        named = new int[values.Length];
        given = new int[values.Length];
    }

    /// <summary>The event's id: a non-empty string after a successful read.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The <c>type</c> string, or null when it is absent or not a string.</summary>
    public string? Type { get; private set; }

    /// <summary>The <c>at</c> time in UTC, or null with <see cref="AtError"/> saying why.</summary>
    public DateTime? At { get; private set; }

    public string? AtError { get; private set; }

    public string? Actor { get; private set; }

    /// <summary>The referrer; empty when absent or null, null when not a string.</summary>
    public string? Referrer { get; private set; }

    /// <summary>Set when <c>attributes</c> is neither an object nor null.</summary>
    public string? AttributesError { get; private set; }

    /// <summary>
    /// Reads <paramref name="line"/> (valid UTF-8). True: the properties and the slots of the line's event type hold
    /// the event. False: the line is not of the shape this reader takes, and the document path must read it.
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> line)
    {
        if (++stamp == int.MaxValue)
        {
            Array.Clear(named);
            Array.Clear(given);
            stamp = 1;
        }

        try
        {
            return TryReadLine(line);
        }
        catch (JsonException)
        {
            // Invalid JSON: the document path words the error.
            return false;
        }
        catch (InvalidOperationException)
        {
            // A string that does not unescape (an unpaired surrogate escape): the document path decides.
            return false;
        }
    }

    /// <summary>Whether the line gave the attribute in <paramref name="slot"/> a non-null value (now in its slot).</summary>
    public bool HasValue(int slot) => given[slot] == stamp;

    /// <summary>Drops the strings of the last line, so no host value outlives its event.</summary>
    public void Clear()
    {
        Id = "";
        Type = null;
        AtError = null;
        Actor = null;
        Referrer = null;
        AttributesError = null;
        items.Clear();
    }

    private bool TryReadLine(ReadOnlySpan<byte> line)
    {
        Clear();
        At = null;
        Referrer = "";
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Utf8EventTypeNames? eventType = null;
        var keys = 0;
        var unknown = 0;
        var attributesStart = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            var key = TopLevelKey(name);
            if (key == UnknownKey)
            {
                if (!Remember(topLevelNames, ref unknown, line, (int)reader.TokenStartIndex + 1, name.Length))
                {
                    return false;
                }
            }
            else if ((keys & (1 << key)) != 0)
            {
                return false;
            }
            else
            {
                keys |= 1 << key;
            }

            reader.Read();
            var token = reader.TokenType;
            if (token == JsonTokenType.StartArray || (token == JsonTokenType.StartObject && key != AttributesKey))
            {
                return false;
            }

            switch (key)
            {
                case IdKey:
                    if (token != JsonTokenType.String || reader.GetString() is not { Length: > 0 } id)
                    {
                        return false;
                    }

                    Id = id;
                    break;
                case TypeKey:
                    if (token == JsonTokenType.String)
                    {
                        eventType = FindEventType(ref reader);
                    }

                    break;
                case AtKey:
                    ReadAt(ref reader);
                    break;
                case ActorKey:
                    Actor = token == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case ReferrerKey:
                    Referrer = token switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Null => "",
                        _ => null,
                    };
                    break;
                case AttributesKey:
                    if (token == JsonTokenType.StartObject)
                    {
                        // The type may come later in the line: then the object is read again once it is known.
                        if ((keys & (1 << TypeKey)) != 0)
                        {
                            if (!ReadAttributes(ref reader, line, eventType))
                            {
                                return false;
                            }
                        }
                        else
                        {
                            attributesStart = (int)reader.TokenStartIndex;
                            reader.Skip();
                        }
                    }
                    else if (token != JsonTokenType.Null)
                    {
                        AttributesError = "'attributes' must be a JSON object";
                    }

                    break;
            }
        }

        // Anything after the object throws here, as the document parser would refuse it.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || (keys & (1 << IdKey)) == 0)
        {
            return false;
        }

        if ((keys & (1 << AtKey)) == 0)
        {
            AtError = "the event has no 'at' timestamp";
        }

        if (attributesStart >= 0)
        {
            var attributes = line[attributesStart..];
            var again = new Utf8JsonReader(attributes);
            again.Read();
            return ReadAttributes(ref again, attributes, eventType);
        }

        return true;
    }

    private static int TopLevelKey(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => IdKey,
        4 when name.SequenceEqual("type"u8) => TypeKey,
        2 when name.SequenceEqual("at"u8) => AtKey,
        5 when name.SequenceEqual("actor"u8) => ActorKey,
        8 when name.SequenceEqual("referrer"u8) => ReferrerKey,
        10 when name.SequenceEqual("attributes"u8) => AttributesKey,
        _ => UnknownKey,
    };

    /// <summary>Notes an undeclared property name of one object; false when it repeats one, or there are too many to check.</summary>
    private static bool Remember((int Start, int Length)[] seen, ref int count, ReadOnlySpan<byte> text, int start, int length)
    {
        if (count == seen.Length)
        {
            return false;
        }

        var name = text.Slice(start, length);
        for (var i = 0; i < count; i++)
        {
            if (text.Slice(seen[i].Start, seen[i].Length).SequenceEqual(name))
            {
                return false;
            }
        }

        seen[count++] = (start, length);
        return true;
    }

    /// <summary>Sets <see cref="Type"/> from the string the reader is at; returns the event type when the campaign declares it.</summary>
    private Utf8EventTypeNames? FindEventType(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            // A declared type reuses its name: no string per event.
            var name = reader.ValueSpan;
            foreach (var eventType in eventTypes)
            {
                if (name.SequenceEqual(eventType.Utf8Name))
                {
                    Type = eventType.Symbol.Name;
                    return eventType;
                }
            }

            Type = reader.GetString();
            return null;
        }

        Type = reader.GetString();
        return Array.Find(eventTypes, t => t.Symbol.Name == Type);
    }

    private void ReadAt(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            AtError = "the event has no 'at' timestamp";
            return;
        }

        if (!reader.ValueIsEscaped && EventTimestamp.TryParseCommon(reader.ValueSpan, out var common))
        {
            At = common;
            return;
        }

        var text = reader.GetString();
        if (EventTimestamp.TryParse(text, out var parsed))
        {
            At = parsed;
        }
        else
        {
            AtError = $"'at' is not an ISO 8601 timestamp: '{text}'";
        }
    }

    /// <summary>
    /// Reads the attributes object the reader is at into the slots of <paramref name="eventType"/> (every name is
    /// undeclared when the type is unknown: the object is still checked for repeated names).
    /// </summary>
    private bool ReadAttributes(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, Utf8EventTypeNames? eventType)
    {
        var unknown = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            var attribute = eventType?.Find(name);
            if (attribute is null)
            {
                if (!Remember(attributeNames, ref unknown, text, (int)reader.TokenStartIndex + 1, name.Length))
                {
                    return false;
                }

                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    return false;
                }

                continue;
            }

            var slot = attribute.Slot;
            if (named[slot] == stamp)
            {
                return false;
            }

            named[slot] = stamp;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (!(attribute.Type == ValueType.Assignments ? TryReadAssignments(ref reader, attribute, out var value) : TryConvert(ref reader, attribute.Type, out value)))
            {
                return false;
            }

            values[slot] = value;
            given[slot] = stamp;
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>Converts as <see cref="AttributeValues.TryConvertJson"/> does; false for a value it would refuse (or might).</summary>
    private bool TryConvert(ref Utf8JsonReader reader, ValueType type, out object? value)
    {
        value = null;
        switch (type)
        {
            case ValueType.Int when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var l):
                value = l;
                return true;
            case ValueType.Decimal when reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d):
                value = d;
                return true;
            case ValueType.Decimal when reader.TokenType == JsonTokenType.String && TryParseDecimal(ref reader, out var ds):
                value = ds;
                return true;
            case ValueType.Bool when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                value = reader.TokenType == JsonTokenType.True ? BoxedTrue : BoxedFalse;
                return true;
            case ValueType.String when reader.TokenType == JsonTokenType.String:
                value = reader.GetString();
                return true;
            case ValueType.Timestamp when reader.TokenType == JsonTokenType.String && TimestampText.TryParse(reader.GetString(), out var instant):
                value = instant;
                return true;
            case ValueType.List when reader.TokenType == JsonTokenType.StartArray:
                items.Clear();
                while (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    items.Add(reader.GetString()!);
                }

                if (reader.TokenType != JsonTokenType.EndArray)
                {
                    return false;
                }

                value = items.ToArray();
                items.Clear();
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A <c>participant.updated</c>'s object of participant attributes (spec v1.1 §5), as
    /// <see cref="AttributeValues.TryConvertJson"/> reads it; false, for the document path to word, on a name that is
    /// escaped, undeclared or repeated, or a value it would refuse.
    /// </summary>
    private bool TryReadAssignments(ref Utf8JsonReader reader, AttributeSymbol attribute, out object? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var members = attribute.Members!;
        List<(AttributeSymbol, object?)>? assigned = null;
        var named = new HashSet<AttributeSymbol>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped || !members.TryGetValue(reader.GetString()!, out var member) || !named.Add(member))
            {
                return false;
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (!TryConvert(ref reader, member.Type, out var converted))
            {
                return false;
            }

            (assigned ??= []).Add((member, converted));
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        value = assigned is null ? AttributeAssignments.Empty : new AttributeAssignments([.. assigned]);
        return true;
    }

    /// <summary>A decimal given as a string, parsed by the same call as the document path, without a string when short.</summary>
    private static bool TryParseDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > CharBufferLength)
        {
            return AttributeValues.TryParseDecimalString(reader.GetString(), out value);
        }

        Span<char> chars = stackalloc char[CharBufferLength];
        Utf8.ToUtf16(reader.ValueSpan, chars, out _, out var written);
        return AttributeValues.TryParseDecimalString(chars[..written], out value);
    }
}
