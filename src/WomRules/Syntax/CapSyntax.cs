using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A named cap of the campaign's <c>caps</c> (spec v1.1 §7): a limit that every rule naming it shares.</summary>
internal sealed class CapSyntax(SyntaxToken name, LimitSyntax limit) : SyntaxNode
{
    public SyntaxToken Name { get; } = name;

    public LimitSyntax Limit { get; } = limit;

    public override TextSpan Span { get; } = UnionOf([name, limit]);

    public override IEnumerable<SyntaxNode> Children => [Name, Limit];
}
