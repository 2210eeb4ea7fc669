using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>
/// The campaign's <c>markers: { add: [...], remove: [...] }</c> (spec v1.1 §9), DSL <c>markers add "#x" remove "y"</c>:
/// how the default disclosure markers change for the whole campaign.
/// </summary>
internal sealed class MarkersSyntax(ImmutableArray<SyntaxToken> add, ImmutableArray<SyntaxToken> remove, TextSpan span) : SyntaxNode
{
    public ImmutableArray<SyntaxToken> Add { get; } = add;

    public ImmutableArray<SyntaxToken> Remove { get; } = remove;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => [.. Add, .. Remove];
}
