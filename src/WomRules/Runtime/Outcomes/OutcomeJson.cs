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

    /// <summary>
    /// A time in an outcome or the state file (spec v1.1 §1): <c>yyyy-MM-ddTHH:mm:ssZ</c> in UTC, with a fraction of a
    /// second only when it is not zero (and then without trailing zeros).
    /// </summary>
    public static string FormatTime(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);

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
