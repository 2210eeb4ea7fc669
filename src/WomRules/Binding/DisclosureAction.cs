namespace WomRules.Binding;

/// <summary>What a disclosure violation does to the event's rules.</summary>
internal enum DisclosureAction
{
    /// <summary>Every rule that would fire is skipped with reason <c>withheld</c> (alert-only rules still fire).</summary>
    Withhold,

    /// <summary>The violation is reported; rules fire as usual.</summary>
    Flag,
}
