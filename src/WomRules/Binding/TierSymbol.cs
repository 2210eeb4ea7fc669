using System.Collections.Immutable;

namespace WomRules.Binding;

/// <summary>A tier; <see cref="When"/> is null for the first tier, which every newcomer holds.</summary>
internal sealed record TierSymbol(string Name, int Index, BoundExpression? When, ImmutableArray<string> Privileges);
