namespace WomRules.Binding;

/// <summary>The window in which a rule's limit counts firings: a calendar window (UTC), or a rolling one (spec v1.1 §7).</summary>
internal enum LimitWindow
{
    Day,
    Week,
    Month,
    Year,
    Campaign,

    /// <summary>The window (at - d, at] of <see cref="LimitSymbol.Rolling"/>: no key; the latest firing times are kept instead.</summary>
    Rolling,
}
