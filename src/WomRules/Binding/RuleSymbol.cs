using System.Collections.Immutable;

namespace WomRules.Binding;

/// <summary>A bound rule.</summary>
internal sealed record RuleSymbol(
    string Name,
    int FileOrder,
    string EventType,
    BoundExpression? When,
    int Priority,
    bool Stop,
    LimitSymbol? Limit,
    ImmutableArray<RewardSymbol> Rewards,
    bool NeedsReferrer)
{
    /// <summary>A rule whose only effects are alerts still fires when a disclosure withholds (spec §4.5).</summary>
    public bool IsAlertOnly => Rewards.All(r => r.IsAlertOnly);
}
