using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A function call: <c>discloses(event.text, 100)</c>.</summary>
internal sealed class CallExpressionSyntax(SyntaxToken function, ImmutableArray<ExpressionSyntax> arguments, SyntaxToken closeParenthesis) : ExpressionSyntax
{
    public SyntaxToken Function { get; } = function;

    public ImmutableArray<ExpressionSyntax> Arguments { get; } = arguments;

    public SyntaxToken CloseParenthesis { get; } = closeParenthesis;

    public override TextSpan Span => Function.Span.Union(CloseParenthesis.Span);

    public override IEnumerable<SyntaxNode> Children => [Function, .. Arguments, CloseParenthesis];
}
