using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>Campaign-wide caps on the points and credit issued.</summary>
internal sealed class BudgetSyntax(SyntaxToken? points, SyntaxToken? credit, TextSpan span) : SyntaxNode
{
    public SyntaxToken? Points { get; } = points;

    public SyntaxToken? Credit { get; } = credit;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => NonNull(Points, Credit);
}
