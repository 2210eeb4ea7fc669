using System.Collections.Frozen;
using System.Collections.Immutable;

namespace WomRules.Binding;

/// <summary>What every participant of a campaign holds: host-supplied attributes, counters and tiers.</summary>
internal sealed class ParticipantSchema
{
    public static readonly ImmutableArray<string> BuiltIns = ["points", "lifetime_points", "credit", "tier", "badges", "pending_points", "pending_credit"];

    public ParticipantSchema(ImmutableArray<AttributeSymbol> attributes, ImmutableArray<string> counters, ImmutableArray<string> tiers)
    {
        Attributes = attributes;
        Counters = counters;
        Tiers = tiers;
        AttributesByName = attributes.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        CounterIndex = counters.Select((c, i) => (c, i)).ToFrozenDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        TierIndex = tiers.Select((t, i) => (t, i)).ToFrozenDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
    }

    public ImmutableArray<AttributeSymbol> Attributes { get; }

    public ImmutableArray<string> Counters { get; }

    /// <summary>Tier names, lowest first. A campaign without tiers still has one unnamed-by-the-user tier: see <see cref="Binder"/>.</summary>
    public ImmutableArray<string> Tiers { get; }

    public FrozenDictionary<string, AttributeSymbol> AttributesByName { get; }

    /// <summary>Attributes declared with an error (a wrong type or default): reading one reports nothing more.</summary>
    public IReadOnlySet<string> Unresolved { get; init; } = FrozenSet<string>.Empty;

    public FrozenDictionary<string, int> CounterIndex { get; }

    public FrozenDictionary<string, int> TierIndex { get; }
}
