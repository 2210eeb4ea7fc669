using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>An infix operator: arithmetic, comparison, <c>and</c>, <c>or</c>, <c>in</c>, <c>matches</c>…</summary>
internal sealed class BinaryExpressionSyntax(ExpressionSyntax left, SyntaxToken operatorToken, ExpressionSyntax right) : ExpressionSyntax
{
    public ExpressionSyntax Left { get; } = left;

    public SyntaxToken OperatorToken { get; } = operatorToken;

    public ExpressionSyntax Right { get; } = right;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = left.Span.Union(right.Span);

    public override IEnumerable<SyntaxNode> Children => [Left, OperatorToken, Right];
}
