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
}
