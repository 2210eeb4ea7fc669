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
}
