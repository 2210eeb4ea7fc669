using WomRules.Text;

namespace WomRules.Syntax;

/// <summary><c>if c then a else b</c>.</summary>
internal sealed class IfExpressionSyntax(SyntaxToken ifKeyword, ExpressionSyntax condition, ExpressionSyntax whenTrue, ExpressionSyntax whenFalse) : ExpressionSyntax
{
    public SyntaxToken IfKeyword { get; } = ifKeyword;

    public ExpressionSyntax Condition { get; } = condition;

    public ExpressionSyntax WhenTrue { get; } = whenTrue;

    public ExpressionSyntax WhenFalse { get; } = whenFalse;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = ifKeyword.Span.Union(whenFalse.Span);

    public override IEnumerable<SyntaxNode> Children => [IfKeyword, Condition, WhenTrue, WhenFalse];
}
