using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A rule's limit: at most <c>count</c> firings per window (<c>per</c>) for one participant (<c>of</c>).</summary>
internal sealed class LimitSyntax(SyntaxToken? count, SyntaxToken? per, SyntaxToken? of, TextSpan span) : SyntaxNode
{
    public SyntaxToken? Count { get; } = count;

    public SyntaxToken? Per { get; } = per;

    public SyntaxToken? Of { get; } = of;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => NonNull(Count, Per, Of);
}
