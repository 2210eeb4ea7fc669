using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A prefix operator: <c>not a</c> or <c>-a</c>.</summary>
internal sealed class UnaryExpressionSyntax(SyntaxToken operatorToken, ExpressionSyntax operand) : ExpressionSyntax
{
    public SyntaxToken OperatorToken { get; } = operatorToken;

    public ExpressionSyntax Operand { get; } = operand;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = operatorToken.Span.Union(operand.Span);

    public override IEnumerable<SyntaxNode> Children => [OperatorToken, Operand];
}
