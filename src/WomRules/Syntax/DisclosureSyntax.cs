using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>A disclosure requirement: on which events, when it applies, what it requires, and what a violation does.</summary>
internal sealed class DisclosureSyntax(
    SyntaxToken name,
    ImmutableArray<SyntaxToken> on,
    ExpressionSyntax? applies,
    ExpressionSyntax? require,
    SyntaxToken? action,
    SyntaxToken? message) : SyntaxNode
{
    public SyntaxToken Name { get; } = name;

    public ImmutableArray<SyntaxToken> On { get; } = on;

    public ExpressionSyntax? Applies { get; } = applies;

    public ExpressionSyntax? Require { get; } = require;

    public SyntaxToken? Action { get; } = action;

    public SyntaxToken? Message { get; } = message;

    // Computed once from the children: a long operator chain must not recompute it recursively.
    public override TextSpan Span { get; } = UnionOf([name, .. on, applies, require, action, message]);

    public override IEnumerable<SyntaxNode> Children => NonNull([Name, .. On, Applies, Require, Action, Message]);
}
