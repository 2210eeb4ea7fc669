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
    /// <summary>How long the entry's points and credit are held (spec v1.1 §3); null: granted at once.</summary>
    public TimeSpan? Pending { get; init; }

    public bool IsAlertOnly => Points is null && Credit is null && Badge is null && Counter is null && Alert is not null;
}
