using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A function call: <c>discloses(event.text, 100)</c>.</summary>
internal sealed class CallExpressionSyntax(SyntaxToken function, ImmutableArray<ExpressionSyntax> arguments, SyntaxToken closeParenthesis) : ExpressionSyntax
{
    public SyntaxToken Function { get; } = function;

    public ImmutableArray<ExpressionSyntax> Arguments { get; } = arguments;

    public SyntaxToken CloseParenthesis { get; } = closeParenthesis;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = function.Span.Union(closeParenthesis.Span);

    public override IEnumerable<SyntaxNode> Children => [Function, .. Arguments, CloseParenthesis];
}
