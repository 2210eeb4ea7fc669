namespace WomRules.Binding;

/// <summary>
/// At most <see cref="Count"/> firings per <see cref="Per"/> window for the <see cref="Of"/> participant: a calendar
/// window, or with <see cref="Rolling"/> the window (at - Rolling, at] (spec v1.1 §7). <see cref="Cap"/> names the
/// campaign cap this is, shared by every rule that names it; null for a rule's own limit.
/// </summary>
internal sealed record LimitSymbol(long Count, LimitWindow Per, Recipient Of)
{
    /// <summary>The length of a rolling window; null for a calendar window.</summary>
    public TimeSpan? Rolling { get; init; }

    /// <summary>The cap's name; null for a rule's own limit.</summary>
    public string? Cap { get; init; }

    /// <summary>Whose usage this is in a participant's state: the cap's name, or else the rule's.</summary>
    public string Owner(string rule) => Cap ?? rule;
}
