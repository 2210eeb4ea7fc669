namespace WomRules.Binding;

/// <summary>Whom a reward goes to, or whose firings a limit counts.</summary>
internal enum Recipient
{
    Actor,
    Referrer,
}
