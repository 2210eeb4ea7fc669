using System.Collections.Frozen;

namespace WomRules.Binding;

/// <summary>A bound disclosure requirement. Its expressions are bound once per event type it covers, since attribute slots differ by type.</summary>
internal sealed record DisclosureSymbol(
    string Name,
    int FileOrder,
    FrozenDictionary<string, DisclosureChecks> ByEventType,
    DisclosureAction Action,
    string? Message);

/// <summary>The <c>applies</c> (null: always) and <c>require</c> conditions bound for one event type.</summary>
internal sealed record DisclosureChecks(BoundExpression? Applies, BoundExpression Require);
