namespace WomRules.Binding;

/// <summary>One bound entry of an alert's data (spec v1.1 §6): its key and an expression of any type.</summary>
internal sealed record AlertDataSymbol(string Key, BoundExpression Value);
