using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WomRules.Binding;
using WomRules.CSharp.Checking;
using WomRules.CSharp.Generation;
using WomRules.CSharp.Loading;
using WomRules.Diagnostics;
using WomRules.Runtime;
using ValueType = WomRules.Binding.ValueType;

namespace WomRules.CSharp;

/// <summary>
/// Compiles a campaign's C# rule expressions: syntax gate on each expression alone, generated globals, one Roslyn
/// compilation, the allow-list over the semantic model, and only then emit into a collectible load context. Every
/// problem is a diagnostic positioned in the campaign file; nothing of a rejected expression is ever emitted or run.
/// </summary>
internal sealed class CSharpRuleCompiler : ICSharpRuleCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular);

    // Overflow checks on, as in the campaign language: an overflow makes the rule 'skipped: error', never wraps.
    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        checkOverflow: true,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: false,
        nullableContextOptions: NullableContextOptions.Disable,
        deterministic: true,
        concurrentBuild: false);

    private static long compilations;

    private CSharpRuleCompiler()
    {
    }

    public static CSharpRuleCompiler Instance { get; } = new();

    /// <summary>How many Roslyn compilations ran in this process (cache misses); for tests of the cache.</summary>
    internal static long Compilations => Interlocked.Read(ref compilations);

    public ImmutableArray<CSharpCompiledExpression?> Compile(CSharpCompilationRequest request, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(diagnostics);
        try
        {
            return CompileCore(request, diagnostics);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Fail closed with a diagnostic: a compiler fault must neither crash the host nor let a rule through.
            var at = request.Expressions.IsEmpty ? default : request.Expressions[0].Syntax.Span;
            diagnostics.Report(DiagnosticDescriptors.CSharpEmitFailed, at, ex.GetType().Name + ": " + ex.Message);
            return [.. new CSharpCompiledExpression?[request.Expressions.Length]];
        }
    }

    private static ImmutableArray<CSharpCompiledExpression?> CompileCore(CSharpCompilationRequest request, DiagnosticBag diagnostics)
    {
        var results = new CSharpCompiledExpression?[request.Expressions.Length];
        var parsed = new ExpressionSyntax?[request.Expressions.Length];
        var included = new List<int>();
        var failed = false;
        for (var i = 0; i < request.Expressions.Length; i++)
        {
            var expression = request.Expressions[i];
            if (string.IsNullOrWhiteSpace(expression.Syntax.Code.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.CSharpEmpty, expression.Syntax.Span, expression.What);
                failed = true;
                continue;
            }

            var (syntax, violation) = NestingLimit.CheckText(expression.Syntax.Code.Text, request.MaxNestingDepth) is { } tooDeep
                ? (null, tooDeep)
                : SyntaxAllowList.Check(expression.Syntax.Code.Text, request.MaxNestingDepth);
            if (violation is not null)
            {
                Report(diagnostics, expression, violation);
                failed = true;
                continue;
            }

            parsed[i] = syntax;
            included.Add(i);
        }

        if (included.Count == 0 || GlobalsGenerator.Generate(request, included, diagnostics) is not { } generated)
        {
            return [.. results];
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(generated.Text)));
        if (!failed && CompiledRuleCache.TryGet(hash, out var cached))
        {
            // The same source passed every check when it was first compiled.
            return Bind(request, generated, parsed, cached);
        }

        var (references, unavailable) = RuleReferences.Get();
        if (unavailable is not null)
        {
            diagnostics.Report(DiagnosticDescriptors.CSharpEmitFailed, request.Expressions[included[0]].Syntax.Span, unavailable);
            return [.. results];
        }

        Interlocked.Increment(ref compilations);
        var tree = CSharpSyntaxTree.ParseText(generated.Text, ParseOptions);
        var compilation = CSharpCompilation.Create(GlobalsGenerator.AssemblyName, [tree], references, Options);
        var model = compilation.GetSemanticModel(tree);
        var allowList = new SymbolAllowList(generated.Names);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        foreach (var expression in generated.Expressions)
        {
            var source = request.Expressions[expression.RequestIndex];
            var node = Locate(tree, expression);
            if (node is null || !SyntaxFactory.AreEquivalent(node, parsed[expression.RequestIndex], topLevel: false))
            {
                // Fail closed: the pasted text must be exactly the expression that passed the syntax gate.
                Report(diagnostics, source, new Violation(DiagnosticDescriptors.CSharpNotOneExpression, 0, expression.Length, SyntaxAllowList.Shorten(source.Syntax.Code.Text)));
                failed = true;
                continue;
            }

            if ((SemanticAllowList.Check(model, node, allowList, expression.Start)
                ?? StringGrowthLimit.Check(model.GetOperation(node), request.MaxStringGrowth, expression.Start)) is { } violation)
            {
                Report(diagnostics, source, violation);
                failed = true;
                continue;
            }

            var error = errors.FirstOrDefault(d => d.Location.SourceSpan.Start >= expression.RegionStart && d.Location.SourceSpan.Start <= expression.RegionEnd);
            if (error is not null)
            {
                var start = Math.Clamp(error.Location.SourceSpan.Start - expression.Start, 0, expression.Length);
                var end = Math.Clamp(error.Location.SourceSpan.End - expression.Start, start, expression.Length);
                Report(diagnostics, source, new Violation(DiagnosticDescriptors.CSharpCompileError, start, end - start, error.GetMessage(CultureInfo.InvariantCulture), error.Id));
                failed = true;
            }
        }

        if (failed || diagnostics.HasErrors)
        {
            // Nothing is emitted or loaded for a campaign that already has errors: it will not run anyway.
            return [.. results];
        }

        var first = request.Expressions[included[0]].Syntax.Span;
        var stray = errors.FirstOrDefault(d => !generated.Expressions.Any(e => d.Location.SourceSpan.Start >= e.RegionStart && d.Location.SourceSpan.Start <= e.RegionEnd));
        if (stray is not null)
        {
            // An error in the generated globals, not in any rule: say so at the first C# expression.
            diagnostics.Report(DiagnosticDescriptors.CSharpEmitFailed, first, $"{stray.Id}: {stray.GetMessage(CultureInfo.InvariantCulture)}");
            return [.. results];
        }

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            var reason = emitted.Diagnostics.FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            diagnostics.Report(DiagnosticDescriptors.CSharpEmitFailed, first, reason is null ? "emit failed" : $"{reason.Id}: {reason.GetMessage(CultureInfo.InvariantCulture)}");
            return [.. results];
        }

        image.Position = 0;
        var assembly = new RuleLoadContext("WomRules.CSharp." + hash[..16]).LoadFromStream(image);
        return Bind(request, generated, parsed, CompiledRuleCache.Add(hash, assembly));
    }

    /// <summary>The expression inside <c>=&gt; ( … )</c> of the generated method, found by position.</summary>
    private static ExpressionSyntax? Locate(SyntaxTree tree, GeneratedExpression expression)
    {
        var token = tree.GetRoot().FindToken(expression.RegionStart);
        return token.Parent is ParenthesizedExpressionSyntax { Parent: ArrowExpressionClauseSyntax } parenthesized
            && parenthesized.OpenParenToken.SpanStart == expression.RegionStart
            && parenthesized.CloseParenToken.Span.End == expression.RegionEnd
            ? parenthesized.Expression
            : null;
    }

    private static ImmutableArray<CSharpCompiledExpression?> Bind(CSharpCompilationRequest request, GeneratedSource generated, ExpressionSyntax?[] parsed, Assembly assembly)
    {
        var results = new CSharpCompiledExpression?[request.Expressions.Length];
        foreach (var expression in generated.Expressions)
        {
            var method = assembly.GetType(expression.ScopeType, throwOnError: true)!.GetMethod(expression.EntryMethod, BindingFlags.NonPublic | BindingFlags.Static)!;
            var type = request.Expressions[expression.RequestIndex].Type switch
            {
                ValueType.Bool => typeof(Func<EvaluationContext, bool>),
                ValueType.Decimal => typeof(Func<EvaluationContext, decimal>),
                _ => typeof(Func<EvaluationContext, long>),
            };
            results[expression.RequestIndex] = new CSharpCompiledExpression(method.CreateDelegate(type), ReadsReferrer(parsed[expression.RequestIndex]!));
        }

        return [.. results];
    }

    /// <summary>True when the expression reads the <c>Referrer</c> global (not <c>Event.Referrer</c>, the referrer's id).</summary>
    private static bool ReadsReferrer(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n =>
            n.Identifier.ValueText == "Referrer" && !(n.Parent is MemberAccessExpressionSyntax access && access.Name == n));

    private static void Report(DiagnosticBag diagnostics, CSharpExpressionRequest expression, Violation violation)
    {
        var span = expression.Syntax.Map.ToFileSpan(violation.Start, violation.Start + violation.Length);
        diagnostics.Report(violation.Descriptor, span, violation.Arguments);
    }
}
