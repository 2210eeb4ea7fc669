using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>An attribute declaration: <c>rating: int</c> (required) or <c>{ type: bool, default: false }</c> (optional).</summary>
internal sealed class AttributeSyntax(SyntaxToken name, SyntaxToken? type, ValueSyntax? defaultValue) : SyntaxNode
{
    public SyntaxToken Name { get; } = name;

    public SyntaxToken? Type { get; } = type;

    /// <summary>The default; null means the attribute is required.</summary>
    public ValueSyntax? DefaultValue { get; } = defaultValue;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = UnionOf(name, type, defaultValue);

    public override IEnumerable<SyntaxNode> Children => NonNull(Name, Type, DefaultValue);
}
