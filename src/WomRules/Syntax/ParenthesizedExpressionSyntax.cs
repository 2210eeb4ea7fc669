using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>An expression in parentheses; kept so that the formatter can print it as written.</summary>
internal sealed class ParenthesizedExpressionSyntax(SyntaxToken openParenthesis, ExpressionSyntax expression, SyntaxToken closeParenthesis) : ExpressionSyntax
{
    public SyntaxToken OpenParenthesis { get; } = openParenthesis;

    public ExpressionSyntax Expression { get; } = expression;

    public SyntaxToken CloseParenthesis { get; } = closeParenthesis;

    public override TextSpan Span => OpenParenthesis.Span.Union(CloseParenthesis.Span);

    public override IEnumerable<SyntaxNode> Children => [OpenParenthesis, Expression, CloseParenthesis];
}
