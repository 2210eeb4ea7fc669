using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A bare name such as <c>event</c> or <c>participant</c>.</summary>
internal sealed class NameExpressionSyntax(SyntaxToken identifier) : ExpressionSyntax
{
    public SyntaxToken Identifier { get; } = identifier;

    public override TextSpan Span => Identifier.Span;

    public override IEnumerable<SyntaxNode> Children => [Identifier];
}
