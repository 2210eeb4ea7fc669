using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A bare name such as <c>event</c> or <c>participant</c>.</summary>
internal sealed class NameExpressionSyntax(SyntaxToken identifier) : ExpressionSyntax
{
    public SyntaxToken Identifier { get; } = identifier;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = identifier.Span;

    public override IEnumerable<SyntaxNode> Children => [Identifier];
}
