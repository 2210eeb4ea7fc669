using System.Collections.Immutable;

namespace WomRules.CSharp.Generation;

/// <summary>
/// The C# source generated for a campaign's C# rules: typed globals over the evaluation context, and one method per
/// rule expression with the expression's text pasted in verbatim, so Roslyn positions map back by a plain offset.
/// </summary>
internal sealed record GeneratedSource(string Text, ImmutableArray<GeneratedExpression> Expressions, GeneratedNames Names);

/// <summary>
/// Where one rule expression sits in the generated text (<see cref="Start"/>, <see cref="Length"/>), the parentheses
/// around it (Roslyn puts some errors, such as a wrong result type, on them), and the static entry method that evaluates it.
/// </summary>
internal sealed record GeneratedExpression(int RequestIndex, int Start, int Length, int RegionStart, int RegionEnd, string ScopeType, string EntryMethod);

/// <summary>The metadata names of the generated types, for the allow-list.</summary>
internal sealed record GeneratedNames(ImmutableHashSet<string> ViewTypes, ImmutableHashSet<string> ScopeTypes, string TiersType);
