using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>Member access: <c>event.rating</c>, <c>participant.tier</c>.</summary>
internal sealed class MemberAccessExpressionSyntax(ExpressionSyntax target, SyntaxToken member) : ExpressionSyntax
{
    public ExpressionSyntax Target { get; } = target;

    public SyntaxToken Member { get; } = member;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = target.Span.Union(member.Span);

    public override IEnumerable<SyntaxNode> Children => [Target, Member];
}
