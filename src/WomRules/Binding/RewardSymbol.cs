using System.Collections.Immutable;

namespace WomRules.Binding;

/// <summary>One bound reward entry. Effects apply in the order points, credit, badge, counter, alert.</summary>
internal sealed record RewardSymbol(
    Recipient To,
    BoundExpression? Points,
    BoundExpression? Credit,
    string? Badge,
    int CounterIndex,
    string? Counter,
    BoundExpression? By,
    string? Alert,
    AlertSeverity AlertSeverity = AlertSeverity.Medium,
    ImmutableArray<AlertDataSymbol> AlertData = default)
{
    public bool IsAlertOnly => Points is null && Credit is null && Badge is null && Counter is null && Alert is not null;
}
