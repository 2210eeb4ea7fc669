using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WomRules.Diagnostics;

namespace WomRules.CSharp.Checking;

/// <summary>
/// The second gate, on Roslyn's semantic model before anything is emitted: every name, member access, invocation,
/// element access, operator and conversion in the expression resolves to a symbol that must be on the allow-list.
/// Two walks: over the syntax (names, for the position the author wrote) and over the operation tree (what the names
/// do not show: operator methods, implicit conversions, indexers).
/// </summary>
internal static class SemanticAllowList
{
    /// <summary>Returns the first violation, positioned relative to <paramref name="origin"/> (where the expression text starts).</summary>
    public static Violation? Check(SemanticModel model, ExpressionSyntax expression, SymbolAllowList allowList, int origin)
    {
        // Names first, so the diagnostic points at the name the author wrote ('IO' in System.IO.File), not at an operator around it.
        foreach (var name in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (name.Parent is NameColonSyntax)
            {
                continue;
            }

            var info = model.GetSymbolInfo(name);
            var symbols = info.Symbol is { } s ? [s] : info.CandidateSymbols;
            foreach (var symbol in symbols)
            {
                if (!allowList.IsAllowed(symbol))
                {
                    return Rejected(symbol, name, origin);
                }
            }
        }

        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is ElementAccessExpressionSyntax or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or CastExpressionSyntax or PredefinedTypeSyntax
                && model.GetSymbolInfo(node).Symbol is { } symbol && !allowList.IsAllowed(symbol))
            {
                return Rejected(symbol, node, origin);
            }
        }

        if (model.GetOperation(expression) is { } operation)
        {
            foreach (var op in operation.DescendantsAndSelf())
            {
                var symbol = op switch
                {
                    IConversionOperation conversion when !SymbolAllowList.IsAllowedOperator(conversion.OperatorMethod) => conversion.OperatorMethod,
                    IBinaryOperation binary when !SymbolAllowList.IsAllowedOperator(binary.OperatorMethod) => binary.OperatorMethod,
                    IUnaryOperation unary when !SymbolAllowList.IsAllowedOperator(unary.OperatorMethod) => unary.OperatorMethod,
                    IInvocationOperation invocation when !allowList.IsAllowed(invocation.TargetMethod) => invocation.TargetMethod,
                    IPropertyReferenceOperation property when !allowList.IsAllowed(property.Property) => property.Property,
                    IFieldReferenceOperation field when !allowList.IsAllowed(field.Field) => field.Field,
                    IMethodReferenceOperation method => method.Method,
                    IObjectCreationOperation creation => (ISymbol?)creation.Constructor ?? creation.Type,
                    IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation => op.Type,
                    _ => null,
                };
                if (symbol is not null || op is IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IObjectCreationOperation)
                {
                    return new Violation(DiagnosticDescriptors.CSharpSymbolNotAllowed, op.Syntax.SpanStart - origin, op.Syntax.Span.Length, Display(symbol) ?? op.Kind.ToString());
                }
            }
        }

        return null;
    }

    private static Violation Rejected(ISymbol symbol, SyntaxNode node, int origin) =>
        new(DiagnosticDescriptors.CSharpSymbolNotAllowed, node.SpanStart - origin, node.Span.Length, Display(symbol));

    private static string? Display(ISymbol? symbol) => symbol?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
}
