using System.Globalization;
using System.Text;

namespace WomRules.Runtime;

/// <summary>
/// Spec v1.1 §10: a <c>timestamp</c> value is ISO 8601 with an offset (<c>Z</c> or <c>±hh:mm</c>), held as a UTC
/// <see cref="DateTime"/>; written as <c>yyyy-MM-ddTHH:mm:ssZ</c>, with a fraction of a second only when it is not
/// zero (spec v1.1 §1). Both event readers and the state file read timestamps here, so they cannot disagree.
/// </summary>
internal static class TimestampText
{
    /// <summary>True for <c>yyyy-MM-ddTHH:mm:ss[.f to fffffff](Z|±hh:mm)</c> naming a real instant.</summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null || text.Length < 20 || !HasOffset(text))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[64];
        return text.Length <= bytes.Length
            && text.All(c => c < 128)
            && EventTimestamp.TryParseCommon(bytes[..Encoding.ASCII.GetBytes(text, bytes)], out utc);
    }

    /// <summary><c>yyyy-MM-dd</c> as midnight UTC (the form of <c>date("2026-03-01")</c>).</summary>
    public static bool TryParseDate(string text, out DateTime utc)
    {
        var ok = DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return ok;
    }

    public static string Format(DateTime utc) =>
        utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-ddTHH:mm:ssZ" : "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);

    private static bool HasOffset(string text) =>
        text[^1] == 'Z' || (text.Length >= 25 && text[^3] == ':' && text[^6] is '+' or '-');
}
