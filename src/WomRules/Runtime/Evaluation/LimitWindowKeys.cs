using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// Remembers the window key of the last day seen for each window kind. Events mostly arrive in time order, so
/// consecutive events share a day and the key string is built once per day instead of once per limited rule.
/// </summary>
internal sealed class LimitWindowKeys
{
    // Indexed by LimitWindow; every window but `campaign` is a function of the UTC date alone.
    private readonly DateTime[] days = new DateTime[Enum.GetValues<LimitWindow>().Length];
    private readonly string?[] keys = new string?[Enum.GetValues<LimitWindow>().Length];

    public string KeyFor(LimitWindow window, DateTime at)
    {
        var index = (int)window;
        var day = at.Date;
        if (keys[index] is { } key && days[index] == day)
        {
            return key;
        }

        key = LimitWindows.KeyFor(window, at);
        days[index] = day;
        keys[index] = key;
        return key;
    }
}
