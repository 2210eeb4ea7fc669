using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>One event type of the campaign's schema and its attributes.</summary>
internal sealed class EventTypeSyntax(SyntaxToken name, ImmutableArray<AttributeSyntax> attributes) : SyntaxNode
{
    public SyntaxToken Name { get; } = name;

    public ImmutableArray<AttributeSyntax> Attributes { get; } = attributes;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = UnionOf([name, .. attributes]);

    public override IEnumerable<SyntaxNode> Children => [Name, .. Attributes];
}
