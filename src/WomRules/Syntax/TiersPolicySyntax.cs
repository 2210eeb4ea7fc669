using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>How tiers may move (spec v1.1 §5): <c>tiers_policy: { downgrade: true }</c>, DSL <c>tiers downgrade</c>.</summary>
internal sealed class TiersPolicySyntax(SyntaxToken? downgrade, TextSpan span) : SyntaxNode
{
    /// <summary>true or false; null when not given (false: tiers only go up, as in v1).</summary>
    public SyntaxToken? Downgrade { get; } = downgrade;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => NonNull(Downgrade);
}
