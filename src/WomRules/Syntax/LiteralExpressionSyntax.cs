using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A number, string or boolean literal. <see cref="Value"/> is a long, decimal, string or bool.</summary>
internal sealed class LiteralExpressionSyntax(SyntaxToken token, object value) : ExpressionSyntax
{
    public SyntaxToken Token { get; } = token;

    public object Value { get; } = value;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = token.Span;

    public override IEnumerable<SyntaxNode> Children => [Token];
}
