using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>The campaign's active window <c>[from, until)</c> in UTC; either end may be open.</summary>
internal sealed class ActiveWindowSyntax(SyntaxToken? from, SyntaxToken? until, TextSpan span) : SyntaxNode
{
    public SyntaxToken? From { get; } = from;

    public SyntaxToken? Until { get; } = until;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => NonNull(From, Until);
}
