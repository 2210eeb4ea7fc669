using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A number, string or boolean literal. <see cref="Value"/> is a long, decimal, string or bool.</summary>
internal sealed class LiteralExpressionSyntax(SyntaxToken token, object value) : ExpressionSyntax
{
    public SyntaxToken Token { get; } = token;

    public object Value { get; } = value;

    public override TextSpan Span => Token.Span;

    public override IEnumerable<SyntaxNode> Children => [Token];
}
