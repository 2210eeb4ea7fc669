using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>Shared JSON settings: compact, and non-ASCII text kept readable (a 广告 marker stays 广告).</summary>
internal static class OutcomeJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Decimals travel as strings ("10.00") so that no JSON reader turns them into floating point.</summary>
    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The amount a grant gave, or a reversal takes back: <c>points</c>, <c>credit</c>, <c>badge</c>, <c>counter</c> with <c>by</c>.</summary>
    public static void WriteAmounts(Utf8JsonWriter writer, long? points, decimal? credit, string? badge, string? counter, long? by)
    {
        if (points is { } p)
        {
            writer.WriteNumber("points", p);
        }

        if (credit is { } c)
        {
            writer.WriteString("credit", FormatDecimal(c));
        }

        if (badge is not null)
        {
            writer.WriteString("badge", badge);
        }

        if (counter is not null)
        {
            writer.WriteString("counter", counter);
            writer.WriteNumber("by", by ?? 1);
        }
    }

    /// <summary>A value of the campaign language (alert data, spec v1.1 §6): ints as numbers, decimals as strings, timestamps as spec v1.1 §1 writes times.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal amount:
                writer.WriteStringValue(FormatDecimal(amount));
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateTime instant:
                writer.WriteStringValue(TimestampText.Format(instant));
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
