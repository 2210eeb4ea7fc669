using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>How participant ids are canonicalised before they are compared (<c>ids</c>; absent: ordinal, as given).</summary>
internal sealed class IdsSyntax(SyntaxToken? normalize, SyntaxToken? @case, ImmutableArray<SyntaxToken> strip, TextSpan span) : SyntaxNode
{
    public SyntaxToken? Normalize { get; } = normalize;

    public SyntaxToken? Case { get; } = @case;

    public ImmutableArray<SyntaxToken> Strip { get; } = strip;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => NonNull([Normalize, Case, .. Strip]);
}
