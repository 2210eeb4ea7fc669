using WomRules.Parsing;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>The raw text of a C# expression in a <c>lang: csharp</c> rule (spec §8); not parsed by the campaign grammar.</summary>
internal sealed class CSharpExpressionSyntax(SyntaxToken code, ScalarOffsetMap? map = null) : ExpressionSyntax
{
    public SyntaxToken Code { get; } = code;

    /// <summary>Where each character of <see cref="Code"/>'s text sits in the file, so C# diagnostics point inside the expression.</summary>
    public ScalarOffsetMap Map { get; } = map ?? ScalarOffsetMap.Verbatim(code.Span.Start);

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = code.Span;

    public override IEnumerable<SyntaxNode> Children => [Code];
}
