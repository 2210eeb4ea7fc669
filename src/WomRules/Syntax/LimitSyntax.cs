using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>
/// A rule's limit: at most <c>count</c> firings per window (<c>per</c>: a calendar word or a duration) for one
/// participant (<c>of</c>); or the name of a campaign cap the rule shares (spec v1.1 §7), when <see cref="Cap"/> is set.
/// </summary>
internal sealed class LimitSyntax(SyntaxToken? count, SyntaxToken? per, SyntaxToken? of, TextSpan span, SyntaxToken? cap = null) : SyntaxNode
{
    public SyntaxToken? Count { get; } = count;

    public SyntaxToken? Per { get; } = per;

    public SyntaxToken? Of { get; } = of;

    /// <summary>The cap named instead of a count (<c>limit: referral-cap</c>); null for a limit of the rule's own.</summary>
    public SyntaxToken? Cap { get; } = cap;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => NonNull(Count, Per, Of, Cap);
}
