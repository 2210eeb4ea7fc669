using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A rule: the event type it reacts to, its condition, ordering, limit and rewards.</summary>
internal sealed class RuleSyntax(
    SyntaxToken name,
    SyntaxToken? on,
    ExpressionSyntax? when,
    SyntaxToken? priority,
    SyntaxToken? stop,
    LimitSyntax? limit,
    ImmutableArray<RewardSyntax> rewards,
    SyntaxToken? language) : SyntaxNode
{
    public SyntaxToken Name { get; } = name;

    public SyntaxToken? On { get; } = on;

    public ExpressionSyntax? When { get; } = when;

    public SyntaxToken? Priority { get; } = priority;

    public SyntaxToken? Stop { get; } = stop;

    public LimitSyntax? Limit { get; } = limit;

    public ImmutableArray<RewardSyntax> Rewards { get; } = rewards;

    /// <summary>The <c>lang</c> marker; null for the campaign language.</summary>
    public SyntaxToken? Language { get; } = language;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = UnionOf([name, on, when, priority, stop, limit, .. rewards, language]);

    public override IEnumerable<SyntaxNode> Children => NonNull([Name, On, When, Priority, Stop, Limit, .. Rewards, Language]);
}
