namespace WomRules.Binding;

/// <summary>The calendar window (UTC) in which a rule's limit counts firings.</summary>
internal enum LimitWindow
{
    Day,
    Week,
    Month,
    Year,
    Campaign,
}
