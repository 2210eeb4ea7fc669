using System.Collections.Immutable;
using WomRules.Syntax;

namespace WomRules.Binding;

/// <summary>
/// All C# expressions of one campaign, with the schema their globals are generated from, the nesting limit (spec §9)
/// and the string growth limit (<see cref="CompilationOptions.MaxStringGrowth"/>).
/// </summary>
internal sealed record CSharpCompilationRequest(ParticipantSchema Participant, ImmutableArray<CSharpExpressionRequest> Expressions, int MaxNestingDepth, int MaxStringGrowth = 16);

/// <summary>One C# expression: where it is, which event type its rule reacts to, and the type it must have (bool, int or decimal).</summary>
internal sealed record CSharpExpressionRequest(CSharpExpressionSyntax Syntax, EventTypeSymbol EventType, ValueType Type, string What);
