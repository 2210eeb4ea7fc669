using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A named list of strings under <c>lists:</c> (spec v1.1 §11), such as <c>crisis_words: ["scam", "tipu"]</c>.</summary>
internal sealed class NamedListSyntax(SyntaxToken name, ImmutableArray<SyntaxToken> items, TextSpan span) : SyntaxNode
{
    public SyntaxToken Name { get; } = name;

    /// <summary>The elements, each as written (a YAML scalar, a DSL value).</summary>
    public ImmutableArray<SyntaxToken> Items { get; } = items;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => [Name, .. Items];
}
