using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>One entry of an alert's <c>data</c> (spec v1.1 §6): a key and an expression of any type.</summary>
internal sealed class AlertDataSyntax(SyntaxToken key, ExpressionSyntax value) : SyntaxNode
{
    public SyntaxToken Key { get; } = key;

    public ExpressionSyntax Value { get; } = value;

    public override TextSpan Span { get; } = TextSpan.FromBounds(key.Span.Start, Math.Max(key.Span.End, value.Span.End));

    public override IEnumerable<SyntaxNode> Children => [Key, Value];
}
