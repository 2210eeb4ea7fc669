using System.Collections.Frozen;
using System.Collections.Immutable;

namespace WomRules.Binding;

/// <summary>An event type of the campaign's schema.</summary>
internal sealed class EventTypeSymbol
{
    public const string PointsRedeemed = "points.redeemed";

    /// <summary>Spec v1.1 §2: takes back what an earlier event granted.</summary>
    public const string EventReversed = "event.reversed";

    public EventTypeSymbol(string name, ImmutableArray<AttributeSymbol> attributes)
    {
        Name = name;
        Attributes = attributes;
        ByName = attributes.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public ImmutableArray<AttributeSymbol> Attributes { get; }

    public FrozenDictionary<string, AttributeSymbol> ByName { get; }

    public bool IsBuiltIn => Name is PointsRedeemed or EventReversed;

    public bool IsReversal => Name == EventReversed;
}
