namespace WomRules.Syntax;

/// <summary>An expression of the campaign language (spec §3).</summary>
internal abstract class ExpressionSyntax : SyntaxNode;
