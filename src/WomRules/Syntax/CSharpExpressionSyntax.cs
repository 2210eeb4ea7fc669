using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>The raw text of a C# expression in a <c>lang: csharp</c> rule (spec §8); not parsed by the campaign grammar.</summary>
internal sealed class CSharpExpressionSyntax(SyntaxToken code) : ExpressionSyntax
{
    public SyntaxToken Code { get; } = code;

    public override TextSpan Span => Code.Span;

    public override IEnumerable<SyntaxNode> Children => [Code];
}
