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
}
