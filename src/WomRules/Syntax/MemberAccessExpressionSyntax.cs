using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>Member access: <c>event.rating</c>, <c>participant.tier</c>.</summary>
internal sealed class MemberAccessExpressionSyntax(ExpressionSyntax target, SyntaxToken member) : ExpressionSyntax
{
    public ExpressionSyntax Target { get; } = target;

    public SyntaxToken Member { get; } = member;

    public override TextSpan Span => Target.Span.Union(Member.Span);

    public override IEnumerable<SyntaxNode> Children => [Target, Member];
}
