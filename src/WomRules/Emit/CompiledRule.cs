using WomRules.Binding;
using WomRules.Runtime;

namespace WomRules.Emit;

/// <summary>A rule with its condition and amounts compiled to delegates.</summary>
internal sealed record CompiledRule(RuleSymbol Symbol, Func<EvaluationContext, bool>? When, CompiledReward[] Rewards)
{
    /// <summary>Computed once: the symbol's answer walks the rewards with LINQ.</summary>
    public bool IsAlertOnly { get; } = Symbol.IsAlertOnly;
}

/// <summary>A reward entry with its amounts compiled.</summary>
internal sealed record CompiledReward(
    RewardSymbol Symbol,
    Func<EvaluationContext, long>? Points,
    Func<EvaluationContext, decimal>? Credit,
    Func<EvaluationContext, long>? By,
    Func<EvaluationContext, object>[] AlertData);

/// <summary>A disclosure's checks compiled for one event type, as one condition: it does not apply, or its requirement is met.</summary>
internal sealed record CompiledDisclosure(DisclosureSymbol Symbol, Func<EvaluationContext, bool> Satisfied);

/// <summary>A tier with its condition compiled; null for the first tier.</summary>
internal sealed record CompiledTier(TierSymbol Symbol, Func<EvaluationContext, bool>? When);

/// <summary>Everything that runs for one event type: its disclosures in file order and its rules by priority then file order.</summary>
internal sealed record CompiledEventType(EventTypeSymbol Symbol, CompiledDisclosure[] Disclosures, CompiledRule[] Rules);
