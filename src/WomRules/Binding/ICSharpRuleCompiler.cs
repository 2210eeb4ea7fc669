using System.Collections.Immutable;
using WomRules.Diagnostics;

namespace WomRules.Binding;

/// <summary>
/// The extension point for <c>lang: csharp</c> rules (spec §8). The core does not reference Roslyn: the WomRules.CSharp
/// package implements this and plugs it into <see cref="CompilationOptions"/>. The binder hands over every C# expression
/// of a campaign at once and gets back delegates over <see cref="Runtime.EvaluationContext"/>, which the emitter uses
/// like compiled native expressions, so outcomes, atomicity, limits, budget and withholding apply unchanged.
/// </summary>
internal interface ICSharpRuleCompiler
{
    /// <summary>
    /// Compiles the requested expressions and returns one result per request, in order: null for an expression that has
    /// errors. Problems are positioned diagnostics in <paramref name="diagnostics"/>, never exceptions.
    /// </summary>
    ImmutableArray<CSharpCompiledExpression?> Compile(CSharpCompilationRequest request, DiagnosticBag diagnostics);
}
