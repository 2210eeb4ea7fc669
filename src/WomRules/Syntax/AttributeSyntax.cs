using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>An attribute declaration: <c>rating: int</c> (required) or <c>{ type: bool, default: false }</c> (optional), and <c>identity: true</c> (spec v1.1 §8).</summary>
internal sealed class AttributeSyntax(SyntaxToken name, SyntaxToken? type, ValueSyntax? defaultValue, SyntaxToken? identity = null) : SyntaxNode
{
    public SyntaxToken Name { get; } = name;

    public SyntaxToken? Type { get; } = type;

    /// <summary>The default; null means the attribute is required.</summary>
    public ValueSyntax? DefaultValue { get; } = defaultValue;

    /// <summary>The value of <c>identity</c> as written (YAML <c>true</c>/<c>false</c>; the DSL's word <c>identity</c> reads as <c>true</c>); null when absent.</summary>
    public SyntaxToken? Identity { get; } = identity;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = UnionOf(name, type, defaultValue, identity);

    public override IEnumerable<SyntaxNode> Children => NonNull(Name, Type, Identity, DefaultValue);
}
