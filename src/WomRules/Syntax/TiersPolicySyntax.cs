using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>
/// How tiers may move (spec v1.1 §5): <c>tiers_policy: { downgrade: true, keep: 365d }</c>, DSL
/// <c>tiers downgrade keep 365d</c>.
/// </summary>
internal sealed class TiersPolicySyntax(SyntaxToken? downgrade, SyntaxToken? keep, TextSpan span) : SyntaxNode
{
    /// <summary>true or false; null when not given (false: tiers only go up, as in v1).</summary>
    public SyntaxToken? Downgrade { get; } = downgrade;

    /// <summary>A duration: how long a tier is kept after it was reached before it may go down; null: no keep.</summary>
    public SyntaxToken? Keep { get; } = keep;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => NonNull(Downgrade, Keep);
}
