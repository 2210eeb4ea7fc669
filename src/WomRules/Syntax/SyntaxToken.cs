using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A leaf: a name, keyword, operator or literal value as written, with its span.</summary>
internal sealed class SyntaxToken(string text, TextSpan span) : SyntaxNode
{
    public string Text { get; } = text;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => [];

    public override string ToString() => Text;
}
