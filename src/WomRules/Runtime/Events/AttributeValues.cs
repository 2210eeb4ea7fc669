using System.Globalization;
using System.Text.Json;
using WomRules.Binding;
using ValueType = WomRules.Binding.ValueType;

namespace WomRules.Runtime;

/// <summary>Converts attribute values from JSON or from host objects into the runtime form of their declared type.</summary>
internal static class AttributeValues
{
    private const NumberStyles DecimalStringStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Returns an error message, or null when <paramref name="result"/> holds the converted value.</summary>
    public static string? TryConvert(object? value, AttributeSymbol attribute, out object? result)
    {
        result = null;
        if (value is JsonElement json)
        {
            return TryConvertJson(json, attribute, out result);
        }

        var type = attribute.Type;
        switch (type)
        {
            // A value already in its runtime type keeps its box: no copy per event.
            case ValueType.Int when value is long:
            case ValueType.Decimal when value is decimal:
                result = value;
                return null;
            case ValueType.Int when value is long or int or short or byte or sbyte or ushort or uint:
                result = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return null;
            case ValueType.Decimal when value is decimal or long or int or short or byte:
                result = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return null;
            case ValueType.Decimal when value is double or float:
                try
                {
                    result = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    return null;
                }
                catch (OverflowException)
                {
                    return Mismatch(attribute);
                }

            case ValueType.Bool when value is bool:
            case ValueType.String when value is string:
                result = value;
                return null;
            case ValueType.Timestamp when value is DateTimeOffset instant:
                result = instant.UtcDateTime;
                return null;
            case ValueType.Timestamp when value is DateTime { Kind: DateTimeKind.Utc } utc:
                result = utc;
                return null;
            case ValueType.Timestamp when value is string text:
                return TimestampText.TryParse(text, out var parsed) ? Store(parsed, out result) : Mismatch(attribute);
            case ValueType.Assignments when value is IEnumerable<KeyValuePair<string, object?>> members:
                return TryConvertAssignments(members, attribute, out result);
            case ValueType.List when value is IEnumerable<string> items:
                var list = items.ToArray();
                if (list.Any(i => i is null))
                {
                    return Mismatch(attribute);
                }

                result = list;
                return null;
            default:
                return Mismatch(attribute);
        }
    }

    private static string? Store(DateTime instant, out object? result)
    {
        result = instant;
        return null;
    }

    public static string? TryConvertJson(JsonElement json, AttributeSymbol attribute, out object? result)
    {
        try
        {
            return TryConvertJsonCore(json, attribute, out result);
        }
        catch (InvalidOperationException ex)
        {
            // A string escape that is half a surrogate pair ("\ud800") is valid JSON but no text: refuse, never throw.
            result = null;
            return $"attribute '{attribute.Name}' cannot be read: {ex.Message.TrimEnd('.')}";
        }
    }

    /// <summary>A decimal given as a JSON string: sign and decimal point only, invariant culture.</summary>
    public static bool TryParseDecimalString(string? text, out decimal value) =>
        decimal.TryParse(text, DecimalStringStyles, CultureInfo.InvariantCulture, out value);

    /// <inheritdoc cref="TryParseDecimalString(string?, out decimal)"/>
    public static bool TryParseDecimalString(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, DecimalStringStyles, CultureInfo.InvariantCulture, out value);

    private static string? TryConvertJsonCore(JsonElement json, AttributeSymbol attribute, out object? result)
    {
        result = null;
        switch (attribute.Type)
        {
            case ValueType.Int when json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var l):
                result = l;
                return null;
            case ValueType.Decimal when json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var d):
                result = d;
                return null;
            case ValueType.Decimal when json.ValueKind == JsonValueKind.String && TryParseDecimalString(json.GetString(), out var ds):
                // Money often travels as a string ("10.00"), as it does in our own output.
                result = ds;
                return null;
            case ValueType.Bool when json.ValueKind is JsonValueKind.True or JsonValueKind.False:
                result = json.GetBoolean();
                return null;
            case ValueType.String when json.ValueKind == JsonValueKind.String:
                result = json.GetString()!;
                return null;
            case ValueType.Timestamp when json.ValueKind == JsonValueKind.String:
                return TimestampText.TryParse(json.GetString(), out var instant) ? Store(instant, out result) : Mismatch(attribute);
            case ValueType.List when json.ValueKind == JsonValueKind.Array:
                var items = new string[json.GetArrayLength()];
                var i = 0;
                foreach (var item in json.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        return Mismatch(attribute);
                    }

                    items[i++] = item.GetString()!;
                }

                result = items;
                return null;
            case ValueType.Assignments when json.ValueKind == JsonValueKind.Object:
                return TryConvertAssignments(json.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)), attribute, out result);
            default:
                return Mismatch(attribute);
        }
    }

    /// <summary>
    /// A <c>participant.updated</c>'s object (spec v1.1 §5): every name a declared participant attribute, named once,
    /// with a value of its type (JSON elements or host objects); a null value is absent.
    /// </summary>
    private static string? TryConvertAssignments(IEnumerable<KeyValuePair<string, object?>> members, AttributeSymbol attribute, out object? result)
    {
        result = null;
        var items = new List<(AttributeSymbol, object?)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, raw) in members)
        {
            if (AttributeAssignments.Refusal(attribute, name, repeated: !names.Add(name)) is { } refusal)
            {
                return refusal;
            }

            if (raw is null or JsonElement { ValueKind: JsonValueKind.Null })
            {
                continue;
            }

            var member = attribute.Members![name];
            if (TryConvert(raw, member, out var value) is { } error)
            {
                return $"'{attribute.Name}': {error}";
            }

            items.Add((member, value));
        }

        result = items.Count == 0 ? AttributeAssignments.Empty : new AttributeAssignments([.. items]);
        return null;
    }

    private static string Mismatch(AttributeSymbol attribute)
    {
        var form = attribute.Type == ValueType.Timestamp ? " (ISO 8601 with an offset, such as 2026-03-01T09:00:00Z)" : "";
        return $"attribute '{attribute.Name}' must be {attribute.Type.WithArticle()}{form}";
    }

    /// <summary>Writes a runtime value as JSON (decimals as strings, like outcomes).</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case long l: writer.WriteNumberValue(l); break;
            case decimal d: writer.WriteStringValue(OutcomeJson.FormatDecimal(d)); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case DateTime instant: writer.WriteStringValue(TimestampText.Format(instant)); break;
            case string[] list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default: writer.WriteNullValue(); break;
        }
    }
}
