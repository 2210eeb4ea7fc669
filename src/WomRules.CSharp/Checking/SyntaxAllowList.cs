using System.Collections.Frozen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WomRules.Diagnostics;

namespace WomRules.CSharp.Checking;

/// <summary>
/// The first gate, on the expression parsed on its own: it must be one expression, without directives, built only
/// from the syntax kinds below. Anything else (object creation, lambdas, typeof, default, checked, assignments,
/// patterns, interpolation, pointers…) is rejected before a compilation even exists.
/// </summary>
internal static class SyntaxAllowList
{
    private static readonly FrozenSet<SyntaxKind> AllowedKinds = new[]
    {
        SyntaxKind.NumericLiteralExpression, SyntaxKind.StringLiteralExpression, SyntaxKind.CharacterLiteralExpression,
        SyntaxKind.TrueLiteralExpression, SyntaxKind.FalseLiteralExpression, SyntaxKind.NullLiteralExpression,
        SyntaxKind.AddExpression, SyntaxKind.SubtractExpression, SyntaxKind.MultiplyExpression, SyntaxKind.DivideExpression,
        SyntaxKind.ModuloExpression, SyntaxKind.LessThanExpression, SyntaxKind.LessThanOrEqualExpression,
        SyntaxKind.GreaterThanExpression, SyntaxKind.GreaterThanOrEqualExpression, SyntaxKind.EqualsExpression,
        SyntaxKind.NotEqualsExpression, SyntaxKind.LogicalAndExpression, SyntaxKind.LogicalOrExpression,
        SyntaxKind.BitwiseAndExpression, SyntaxKind.BitwiseOrExpression, SyntaxKind.ExclusiveOrExpression, SyntaxKind.CoalesceExpression,
        SyntaxKind.UnaryMinusExpression, SyntaxKind.UnaryPlusExpression, SyntaxKind.LogicalNotExpression, SyntaxKind.BitwiseNotExpression,
        SyntaxKind.ParenthesizedExpression, SyntaxKind.ConditionalExpression,
        SyntaxKind.IdentifierName, SyntaxKind.SimpleMemberAccessExpression, SyntaxKind.InvocationExpression,
        SyntaxKind.ArgumentList, SyntaxKind.Argument, SyntaxKind.NameColon,
        SyntaxKind.ElementAccessExpression, SyntaxKind.BracketedArgumentList,
        SyntaxKind.CastExpression, SyntaxKind.PredefinedType,
    }.ToFrozenSet();

    // Casts only to these: numeric conversions, never to reference or user types (no (object), (dynamic), (Func<…>)).
    private static readonly FrozenSet<SyntaxKind> CastTargets = new[]
    {
        SyntaxKind.LongKeyword, SyntaxKind.IntKeyword, SyntaxKind.DecimalKeyword, SyntaxKind.DoubleKeyword,
        SyntaxKind.BoolKeyword, SyntaxKind.StringKeyword, SyntaxKind.CharKeyword,
    }.ToFrozenSet();

    private static readonly FrozenDictionary<SyntaxKind, string> Names = new Dictionary<SyntaxKind, string>
    {
        [SyntaxKind.ObjectCreationExpression] = "Object creation ('new')",
        [SyntaxKind.ImplicitObjectCreationExpression] = "Object creation ('new')",
        [SyntaxKind.ArrayCreationExpression] = "Array creation",
        [SyntaxKind.ImplicitArrayCreationExpression] = "Array creation",
        [SyntaxKind.StackAllocArrayCreationExpression] = "'stackalloc'",
        [SyntaxKind.ImplicitStackAllocArrayCreationExpression] = "'stackalloc'",
        [SyntaxKind.AnonymousObjectCreationExpression] = "An anonymous object",
        [SyntaxKind.CollectionExpression] = "A collection expression",
        [SyntaxKind.SimpleLambdaExpression] = "A lambda",
        [SyntaxKind.ParenthesizedLambdaExpression] = "A lambda",
        [SyntaxKind.AnonymousMethodExpression] = "An anonymous method",
        [SyntaxKind.TypeOfExpression] = "'typeof'",
        [SyntaxKind.SizeOfExpression] = "'sizeof'",
        [SyntaxKind.DefaultExpression] = "'default'",
        [SyntaxKind.DefaultLiteralExpression] = "'default'",
        [SyntaxKind.CheckedExpression] = "'checked' (arithmetic in C# rules is always checked)",
        [SyntaxKind.UncheckedExpression] = "'unchecked' (arithmetic in C# rules is always checked)",
        [SyntaxKind.AwaitExpression] = "'await'",
        [SyntaxKind.ThrowExpression] = "'throw'",
        [SyntaxKind.IsExpression] = "'is'",
        [SyntaxKind.IsPatternExpression] = "A pattern ('is')",
        [SyntaxKind.AsExpression] = "'as'",
        [SyntaxKind.SwitchExpression] = "A switch expression",
        [SyntaxKind.InterpolatedStringExpression] = "An interpolated string (its alignment can allocate without bound)",
        [SyntaxKind.Utf8StringLiteralExpression] = "A UTF-8 string literal",
        [SyntaxKind.ConditionalAccessExpression] = "'?.'",
        [SyntaxKind.TupleExpression] = "A tuple",
        [SyntaxKind.RangeExpression] = "A range",
        [SyntaxKind.IndexExpression] = "An index from the end ('^')",
        [SyntaxKind.QueryExpression] = "A query",
        [SyntaxKind.RefExpression] = "'ref'",
        [SyntaxKind.MakeRefExpression] = "'__makeref'",
        [SyntaxKind.RefTypeExpression] = "'__reftype'",
        [SyntaxKind.RefValueExpression] = "'__refvalue'",
        [SyntaxKind.ArgListExpression] = "'__arglist'",
        [SyntaxKind.PointerMemberAccessExpression] = "Pointer access ('->', unsafe code)",
        [SyntaxKind.PointerIndirectionExpression] = "Pointer access ('*', unsafe code)",
        [SyntaxKind.AddressOfExpression] = "'&' (unsafe code)",
        [SyntaxKind.PointerType] = "A pointer type (unsafe code)",
        [SyntaxKind.FunctionPointerType] = "A function pointer (unsafe code)",
        [SyntaxKind.WithExpression] = "'with'",
        [SyntaxKind.SuppressNullableWarningExpression] = "'!' (null forgiving)",
        [SyntaxKind.GenericName] = "A generic name",
        [SyntaxKind.AliasQualifiedName] = "'global::' or an alias",
        [SyntaxKind.ThisExpression] = "'this'",
        [SyntaxKind.BaseExpression] = "'base'",
        [SyntaxKind.DeclarationExpression] = "A declaration ('out var')",
        [SyntaxKind.PreIncrementExpression] = "'++' (an assignment)",
        [SyntaxKind.PreDecrementExpression] = "'--' (an assignment)",
        [SyntaxKind.PostIncrementExpression] = "'++' (an assignment)",
        [SyntaxKind.PostDecrementExpression] = "'--' (an assignment)",
        [SyntaxKind.SimpleAssignmentExpression] = "An assignment",
        [SyntaxKind.CoalesceAssignmentExpression] = "An assignment",
        [SyntaxKind.AddAssignmentExpression] = "An assignment",
        [SyntaxKind.SubtractAssignmentExpression] = "An assignment",
        [SyntaxKind.MultiplyAssignmentExpression] = "An assignment",
        [SyntaxKind.DivideAssignmentExpression] = "An assignment",
        [SyntaxKind.LeftShiftExpression] = "A shift",
        [SyntaxKind.RightShiftExpression] = "A shift",
        [SyntaxKind.UnsignedRightShiftExpression] = "A shift",
    }.ToFrozenDictionary();

    /// <summary>Parses <paramref name="text"/> as one C# expression; returns the expression and null, or the first violation.</summary>
    public static (ExpressionSyntax? Expression, Violation? Violation) Check(string text, int maxDepth)
    {
        // A directive may sit where the parser attaches it to no node of the expression (after it, say): scan the lines too.
        var lineStart = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('#'))
            {
                return (null, new Violation(DiagnosticDescriptors.CSharpDirective, lineStart + (line.Length - trimmed.Length), trimmed.TrimEnd().Length, Shorten(trimmed.Trim())));
            }

            lineStart += line.Length + 1;
        }

        var expression = SyntaxFactory.ParseExpression(text, options: new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular));
        if (expression.GetDiagnostics().Any(d => d.Id == "CS8078"))
        {
            // Roslyn's own stack guard gave up ("expression too long or complex"): the same limit, reached inside the parser.
            return (null, new Violation(DiagnosticDescriptors.CSharpTooDeep, 0, text.Length, maxDepth));
        }

        if (NestingLimit.CheckTree(expression, maxDepth) is { } tooDeep)
        {
            // Before any other walk: binding a tree this deep would recurse past the stack.
            return (null, tooDeep);
        }

        // Directives first: '#r' and '#load' must never reach a compiler, and '#line' would move positions.
        foreach (var trivia in expression.DescendantTrivia(descendIntoTrivia: true))
        {
            if (trivia.IsDirective || trivia.IsKind(SyntaxKind.BadDirectiveTrivia) || trivia.IsKind(SyntaxKind.ShebangDirectiveTrivia))
            {
                return (null, new Violation(DiagnosticDescriptors.CSharpDirective, trivia.SpanStart, trivia.Span.Length, Shorten(trivia.ToString().Trim())));
            }
        }

        // Text after a complete expression (';', a statement, a second expression) lands in skipped-token trivia.
        foreach (var trivia in expression.DescendantTrivia(descendIntoTrivia: false))
        {
            if (trivia.IsKind(SyntaxKind.SkippedTokensTrivia))
            {
                return (null, new Violation(DiagnosticDescriptors.CSharpNotOneExpression, trivia.SpanStart, trivia.Span.Length, Shorten(trivia.ToString())));
            }
        }

        var error = expression.GetDiagnostics().FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        if (error is not null)
        {
            return (null, new Violation(DiagnosticDescriptors.CSharpSyntax, error.Location.SourceSpan.Start, error.Location.SourceSpan.Length, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), error.Id));
        }

        if (expression.ToFullString() != text)
        {
            // Fail closed: every character must belong to the expression that is checked and compiled.
            var end = expression.FullSpan.End;
            return (null, new Violation(DiagnosticDescriptors.CSharpNotOneExpression, end, Math.Max(0, text.Length - end), Shorten(text[Math.Min(end, text.Length)..])));
        }

        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (Check(node) is { } violation)
            {
                return (null, violation);
            }
        }

        return (expression, null);
    }

    private static Violation? Check(SyntaxNode node)
    {
        if (!AllowedKinds.Contains(node.Kind()))
        {
            return NotAllowed(node, Names.TryGetValue(node.Kind(), out var name) ? name : $"'{Shorten(node.ToString())}' ({node.Kind()})");
        }

        switch (node)
        {
            case CastExpressionSyntax cast when cast.Type is not PredefinedTypeSyntax { Keyword: var keyword } || !CastTargets.Contains(keyword.Kind()):
                return NotAllowed(cast.Type, $"A cast to '{Shorten(cast.Type.ToString())}' (only to long, int, decimal, double, bool, string or char)");
            case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                return NotAllowed(argument, $"A '{argument.RefKindKeyword.Text}' argument");
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } invocation:
                return NotAllowed(invocation, "'nameof'");
            case LiteralExpressionSyntax literal when literal.Token.IsKind(SyntaxKind.Utf8StringLiteralToken) || literal.Token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken) || literal.Token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken):
                return NotAllowed(literal, "A UTF-8 string literal");
            default:
                return null;
        }
    }

    private static Violation NotAllowed(SyntaxNode node, string what) =>
        new(DiagnosticDescriptors.CSharpConstructNotAllowed, node.SpanStart, node.Span.Length, what);

    internal static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 40 ? text : text[..37] + "...";
    }
}
