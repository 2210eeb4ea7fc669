using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A constant written in a declaration, such as an attribute default: one scalar or a list of scalars.</summary>
internal sealed class ValueSyntax(SyntaxToken? scalar, ImmutableArray<SyntaxToken>? list, TextSpan span) : SyntaxNode
{
    public SyntaxToken? Scalar { get; } = scalar;

    /// <summary>The items when the value is a list; null for a scalar.</summary>
    public ImmutableArray<SyntaxToken>? List { get; } = list;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => Scalar is not null ? [Scalar] : List is { } items ? items : [];
}
