using System.Globalization;
using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>Names the calendar window (UTC) an event falls in, for counting a rule's firings against its limit.</summary>
internal static class LimitWindows
{
    public static string KeyFor(LimitWindow window, DateTime at) => window switch
    {
        LimitWindow.Day => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        LimitWindow.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(at)}-W{ISOWeek.GetWeekOfYear(at):00}"),
        LimitWindow.Month => at.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        LimitWindow.Year => at.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => "campaign",
    };

    /// <summary>
    /// The end (exclusive) of the window a key names, or null for 'campaign' and for a key that names no window (one a
    /// state file carried from an edit): those never end, so they are never forgotten.
    /// </summary>
    public static DateTime? EndOf(string key)
    {
        var text = key.AsSpan();
        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        switch (text.Length)
        {
            case 4 when DateTime.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, styles, out var year) && year.Year < 9999:
                return year.AddYears(1);
            case 7 when DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, styles, out var month) && month < DateTime.MaxValue.AddMonths(-1):
                return month.AddMonths(1);
            case 8 when text[4] == '-' && text[5] == 'W'
                && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var isoYear) && isoYear is >= 1 and < 9999
                && int.TryParse(text[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var week) && week >= 1 && week <= ISOWeek.GetWeeksInYear(isoYear):
                return ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday).AddDays(7);
            case 10 when DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var day) && day.Year < 9999:
                return day.AddDays(1);
            default:
                return null;
        }
    }

    /// <summary>True when the window ends at or before <paramref name="horizon"/>: no event at or after it falls in the window (spec v1.1 §13).</summary>
    public static bool EndsBy(string key, DateTime horizon) => EndOf(key) is { } end && end <= horizon;
}
