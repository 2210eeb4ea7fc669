using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A list literal: <c>["a", "b"]</c>.</summary>
internal sealed class ListExpressionSyntax(SyntaxToken openBracket, ImmutableArray<ExpressionSyntax> elements, SyntaxToken closeBracket) : ExpressionSyntax
{
    public SyntaxToken OpenBracket { get; } = openBracket;

    public ImmutableArray<ExpressionSyntax> Elements { get; } = elements;

    public SyntaxToken CloseBracket { get; } = closeBracket;

    public override TextSpan Span => OpenBracket.Span.Union(CloseBracket.Span);

    public override IEnumerable<SyntaxNode> Children => [OpenBracket, .. Elements, CloseBracket];
}
