using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>
/// The campaign's <c>expiry</c> (spec v1.1 §4): how long points stay available. <see cref="Credit"/> is kept only so
/// that the binder can point at it: credit never expires.
/// </summary>
internal sealed class ExpirySyntax(SyntaxToken? points, SyntaxToken? credit, TextSpan span) : SyntaxNode
{
    public SyntaxToken? Points { get; } = points;

    public SyntaxToken? Credit { get; } = credit;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => NonNull(Points, Credit);
}
