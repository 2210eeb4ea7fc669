using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A prefix operator: <c>not a</c> or <c>-a</c>.</summary>
internal sealed class UnaryExpressionSyntax(SyntaxToken operatorToken, ExpressionSyntax operand) : ExpressionSyntax
{
    public SyntaxToken OperatorToken { get; } = operatorToken;

    public ExpressionSyntax Operand { get; } = operand;

    public override TextSpan Span => OperatorToken.Span.Union(Operand.Span);

    public override IEnumerable<SyntaxNode> Children => [OperatorToken, Operand];
}
