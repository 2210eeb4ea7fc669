using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WomRules.Diagnostics;

namespace WomRules.CSharp.Checking;

/// <summary>
/// The string growth bound of the campaign language (issue 10, defect 7), on the operation tree: a string operand that
/// is read (a global's property, an element of a list) counts once, a literal or a number's <c>ToString()</c> not at all,
/// <c>+</c> adds both sides, <c>?:</c> and <c>??</c> take the larger, and the allowed string members
/// (<see cref="SymbolAllowList"/>) never return more than their receiver. C# code is not instrumented, so this static
/// bound is all there is: past <c>MaxStringGrowth</c> the expression is refused.
/// </summary>
internal static class StringGrowthLimit
{
    /// <summary>The smallest string-typed operation whose input count exceeds <paramref name="limit"/>, positioned relative to <paramref name="origin"/>.</summary>
    public static Violation? Check(IOperation? root, int limit, int origin)
    {
        if (root is null)
        {
            return null;
        }

        // Post-order without recursion: the tree may be as deep as MaxNestingDepth allows.
        var inputs = new Dictionary<IOperation, long>();
        var stack = new Stack<(IOperation Operation, bool Visited)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (operation, visited) = stack.Pop();
            if (!visited)
            {
                stack.Push((operation, true));
                // Reversed, so that the leftmost child is finished first and the leftmost excess is the one reported.
                foreach (var child in operation.ChildOperations.Reverse())
                {
                    stack.Push((child, false));
                }

                continue;
            }

            var count = Inputs(operation, inputs);
            inputs[operation] = count;
            if (count > limit && IsString(operation))
            {
                return new Violation(DiagnosticDescriptors.CSharpStringTooLarge, operation.Syntax.SpanStart - origin, operation.Syntax.Span.Length, count, limit);
            }
        }

        return null;
    }

    private static long Inputs(IOperation operation, Dictionary<IOperation, long> done)
    {
        long Of(IOperation? child) => child is not null && done.TryGetValue(child, out var n) ? n : 0;
        return operation switch
        {
            ILiteralOperation => 0,
            _ when operation.ConstantValue.HasValue => 0,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsString(binary) => Of(binary.LeftOperand) + Of(binary.RightOperand),
            IConditionalOperation conditional => Math.Max(Of(conditional.WhenTrue), Of(conditional.WhenFalse)),
            ICoalesceOperation coalesce => Math.Max(Of(coalesce.Value), Of(coalesce.WhenNull)),
            IParenthesizedOperation parenthesized => Of(parenthesized.Operand),
            IConversionOperation conversion => Of(conversion.Operand),

            // String members on the allow-list return at most their receiver; ToString() of a number or char is short.
            IInvocationOperation invocation when IsString(invocation) =>
                invocation.Instance is { } receiver && IsString(receiver) ? Of(receiver) : 0,
            _ when IsString(operation) => 1,
            _ => 0,
        };
    }

    private static bool IsString(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_String;
}
