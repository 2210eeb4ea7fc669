namespace WomRules.Binding;

/// <summary>At most <see cref="Count"/> firings per <see cref="Per"/> window for the <see cref="Of"/> participant.</summary>
internal sealed record LimitSymbol(long Count, LimitWindow Per, Recipient Of);
