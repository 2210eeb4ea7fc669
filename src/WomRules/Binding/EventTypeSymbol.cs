using System.Collections.Frozen;
using System.Collections.Immutable;

namespace WomRules.Binding;

/// <summary>An event type of the campaign's schema.</summary>
internal sealed class EventTypeSymbol
{
    public const string PointsRedeemed = "points.redeemed";

    /// <summary>Spec v1.1 §2: takes back what an earlier event granted.</summary>
    public const string EventReversed = "event.reversed";

    /// <summary>Spec v1.1 §5: sets a participant's declared attributes; no rule runs on it.</summary>
    public const string ParticipantUpdated = "participant.updated";

    /// <summary>Whether <paramref name="name"/> is a built-in type, which a campaign may not declare.</summary>
    public static bool IsBuiltInName(string name) => name is PointsRedeemed or EventReversed or ParticipantUpdated;

    public EventTypeSymbol(string name, ImmutableArray<AttributeSymbol> attributes)
    {
        Name = name;
        Attributes = attributes;
        ByName = attributes.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        IdentityAttributes = [.. attributes.Where(a => a.IsIdentity)];
    }

    public string Name { get; }

    public ImmutableArray<AttributeSymbol> Attributes { get; }

    public FrozenDictionary<string, AttributeSymbol> ByName { get; }

    /// <summary>The attributes marked <c>identity: true</c> (spec v1.1 §8), recorded against the actor of every accepted event.</summary>
    public ImmutableArray<AttributeSymbol> IdentityAttributes { get; }

    /// <summary>Attributes declared with an error (a wrong type or default): reading one reports nothing more.</summary>
    public IReadOnlySet<string> Unresolved { get; init; } = FrozenSet<string>.Empty;

    public bool IsBuiltIn => IsBuiltInName(Name);

    public bool IsRedemption => Name == PointsRedeemed;

    public bool IsReversal => Name == EventReversed;

    public bool IsParticipantUpdate => Name == ParticipantUpdated;
}
