using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>An immutable node of a campaign's syntax tree. Both the YAML reader and the DSL parser produce these.</summary>
internal abstract class SyntaxNode
{
    /// <summary>The node's range in the file; for composite nodes, the union of its children.</summary>
    public abstract TextSpan Span { get; }

    /// <summary>The child nodes, in source order; null children are skipped.</summary>
    public abstract IEnumerable<SyntaxNode> Children { get; }

    protected static TextSpan UnionOf(params SyntaxNode?[] nodes)
    {
        TextSpan? span = null;
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                span = span is { } s ? s.Union(node.Span) : node.Span;
            }
        }

        return span ?? default;
    }

    protected static IEnumerable<SyntaxNode> NonNull(params SyntaxNode?[] nodes) => nodes.Where(n => n is not null)!;
}
