using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>An expression in parentheses; kept so that the formatter can print it as written.</summary>
internal sealed class ParenthesizedExpressionSyntax(SyntaxToken openParenthesis, ExpressionSyntax expression, SyntaxToken closeParenthesis) : ExpressionSyntax
{
    public SyntaxToken OpenParenthesis { get; } = openParenthesis;

    public ExpressionSyntax Expression { get; } = expression;

    public SyntaxToken CloseParenthesis { get; } = closeParenthesis;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = openParenthesis.Span.Union(closeParenthesis.Span);

    public override IEnumerable<SyntaxNode> Children => [OpenParenthesis, Expression, CloseParenthesis];
}
