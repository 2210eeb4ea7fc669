using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A list literal: <c>["a", "b"]</c>.</summary>
internal sealed class ListExpressionSyntax(SyntaxToken openBracket, ImmutableArray<ExpressionSyntax> elements, SyntaxToken closeBracket) : ExpressionSyntax
{
    public SyntaxToken OpenBracket { get; } = openBracket;

    public ImmutableArray<ExpressionSyntax> Elements { get; } = elements;

    public SyntaxToken CloseBracket { get; } = closeBracket;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = openBracket.Span.Union(closeBracket.Span);

    public override IEnumerable<SyntaxNode> Children => [OpenBracket, .. Elements, CloseBracket];
}
