namespace WomRules.Binding;

/// <summary>Campaign-wide caps; null means uncapped.</summary>
internal sealed record BudgetSymbol(long? Points, decimal? Credit);
