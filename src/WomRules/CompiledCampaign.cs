using System.Collections.Frozen;
using System.Collections.Immutable;
using WomRules.Binding;
using WomRules.Emit;
using WomRules.Runtime;

namespace WomRules;

/// <summary>
/// A campaign compiled to delegates, with a dispatch table from event type to that type's rules.
/// Immutable and safe to share across threads and engines; create an engine per participant store.
/// </summary>
public sealed class CompiledCampaign
{
    internal CompiledCampaign(BoundCampaign bound, FrozenDictionary<string, CompiledEventType> dispatch, CompiledTier[] tiers)
    {
        Bound = bound;
        Dispatch = dispatch;
        CompiledTiers = tiers;
    }

    /// <summary>The campaign id.</summary>
    public string Id => Bound.Id;

    /// <summary>The campaign's description, if it has one.</summary>
    public string? Description => Bound.Description;

    /// <summary>The declared event types, and the built-in <c>points.redeemed</c> and <c>event.reversed</c>.</summary>
    public ImmutableArray<string> EventTypes => [.. Bound.EventTypes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The tier names, lowest first.</summary>
    public ImmutableArray<string> Tiers => Bound.Participant.Tiers;

    /// <summary>The rule names, in file order.</summary>
    public ImmutableArray<string> Rules => [.. Bound.Rules.Select(r => r.Name)];

    /// <summary>The campaign's points budget (spec §4.7), or null when it has none.</summary>
    public long? PointsBudget => Bound.Budget?.Points;

    /// <summary>The campaign's credit budget (spec §4.7), or null when it has none.</summary>
    public decimal? CreditBudget => Bound.Budget?.Credit;

    internal BoundCampaign Bound { get; }

    internal FrozenDictionary<string, CompiledEventType> Dispatch { get; }

    internal CompiledTier[] CompiledTiers { get; }

    /// <summary>(context, current tier) to the highest tier above the current one whose condition holds for context.Participant, else the current tier.</summary>
    internal Func<EvaluationContext, int, int> TierSearch { get; init; } = (_, current) => current;

    internal ParticipantSchema Schema => Bound.Participant;
}
