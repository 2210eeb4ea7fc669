using System.Collections.Frozen;
using System.Collections.Immutable;

namespace WomRules.Binding;

/// <summary>The bound, type-checked campaign: what the emitter and the reference evaluator work from.</summary>
internal sealed record BoundCampaign(
    string Id,
    string? Description,
    DateTime? ActiveFrom,
    DateTime? ActiveUntil,
    FrozenDictionary<string, EventTypeSymbol> EventTypes,
    ParticipantSchema Participant,
    ImmutableArray<TierSymbol> Tiers,
    BudgetSymbol? Budget,
    ImmutableArray<DisclosureSymbol> Disclosures,
    ImmutableArray<RuleSymbol> Rules)
{
    /// <summary>How participant ids are canonicalised; null: compared ordinally, as given.</summary>
    public IdsSymbol? Ids { get; init; }

    /// <summary>Spec v1.1 §2: the default of 'reversible_for'.</summary>
    public static readonly TimeSpan DefaultReversibleFor = TimeSpan.FromDays(365);

    /// <summary>How long after its 'at' an event may be reversed (spec v1.1 §2), and how long its ledger entries are kept.</summary>
    public TimeSpan ReversibleFor { get; init; } = DefaultReversibleFor;

    /// <summary>Spec v1.1 §5 'tiers_policy.downgrade': a tier whose 'when' no longer holds is left at the next change.</summary>
    public bool TierDowngrade { get; init; }

    /// <summary>Spec v1.1 §5 'tiers_policy.keep': with <see cref="TierDowngrade"/>, how long a tier is kept after it was reached; null: not kept.</summary>
    public TimeSpan? TierKeep { get; init; }
    /// <summary>The campaign's named caps (spec v1.1 §7), by name.</summary>
    public FrozenDictionary<string, LimitSymbol> Caps { get; init; } = FrozenDictionary<string, LimitSymbol>.Empty;

    /// <summary>The lateness horizon (spec v1.1 §13); null: unlimited (v1).</summary>
    public TimeSpan? AcceptLate { get; init; }

    /// <summary>How long a points lot stays available (spec v1.1 §4); null: points never expire.</summary>
    public TimeSpan? PointsExpiry { get; init; }
}
