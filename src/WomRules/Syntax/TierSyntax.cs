using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A tier: its name, the condition to reach it (absent for the first) and its privileges.</summary>
internal sealed class TierSyntax(SyntaxToken name, ExpressionSyntax? when, ImmutableArray<SyntaxToken> privileges) : SyntaxNode
{
    public SyntaxToken Name { get; } = name;

    public ExpressionSyntax? When { get; } = when;

    public ImmutableArray<SyntaxToken> Privileges { get; } = privileges;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = UnionOf([name, when, .. privileges]);

    public override IEnumerable<SyntaxNode> Children => NonNull([Name, When, .. Privileges]);
}
