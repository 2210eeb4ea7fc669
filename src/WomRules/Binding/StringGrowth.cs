using System.Runtime.CompilerServices;
using WomRules.Text;

namespace WomRules.Binding;

/// <summary>
/// A static bound on the strings an expression builds (issue 10, defect 6). Every string value is at most
/// <c>Inputs × L + Literals</c> characters, where L is the longest input string (an event or participant field, a tier
/// name): literals count their length, an input counts once, <c>+</c> adds both sides, <c>lower</c> and <c>upper</c>
/// keep the size, and <c>if</c> takes the larger branch. The binder rejects an expression whose Inputs exceed
/// <see cref="CompilationOptions.MaxStringGrowth"/>.
/// </summary>
internal static class StringGrowth
{
    /// <summary>The smallest string-typed sub-expression whose input count exceeds <paramref name="limit"/>, if any.</summary>
    public static (TextSpan Span, long Inputs)? FindExcess(BoundExpression root, long limit)
    {
        (TextSpan, long)? excess = null;
        Walk(root, limit, ref excess);
        return excess;
    }

    /// <summary>The input count and literal length of a string-typed expression (zero for other types).</summary>
    private static (long Inputs, long Literals) Walk(BoundExpression expression, long limit, ref (TextSpan, long)? excess)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        (long Inputs, long Literals) size;
        switch (expression)
        {
            case BoundLiteral { Value: string text }:
                return (0, text.Length);
            case BoundBinary { Operator: BinaryOperator.Concat } concat:
                var left = Walk(concat.Left, limit, ref excess);
                var right = Walk(concat.Right, limit, ref excess);
                size = (Saturating(left.Inputs + right.Inputs), Saturating(left.Literals + right.Literals));
                break;
            case BoundIf conditional:
                Walk(conditional.Condition, limit, ref excess);
                var whenTrue = Walk(conditional.WhenTrue, limit, ref excess);
                var whenFalse = Walk(conditional.WhenFalse, limit, ref excess);
                size = (Math.Max(whenTrue.Inputs, whenFalse.Inputs), Math.Max(whenTrue.Literals, whenFalse.Literals));
                break;
            case BoundCall { Function: BuiltInFunction.Lower or BuiltInFunction.Upper } call:
                size = Walk(call.Arguments[0], limit, ref excess);
                break;
            default:
                foreach (var child in Children(expression))
                {
                    Walk(child, limit, ref excess);
                }

                // Any other string value is read, not built: an input counted once.
                return expression.Type == ValueType.String ? (1, 0) : (0, 0);
        }

        if (size.Inputs > limit && excess is null)
        {
            excess = (expression.Span, size.Inputs);
        }

        return size;
    }

    private static IEnumerable<BoundExpression> Children(BoundExpression expression) => expression switch
    {
        BoundListExpression list => list.Elements,
        BoundUnary unary => [unary.Operand],
        BoundBinary binary => [binary.Left, binary.Right],
        BoundMatches matches => [matches.Operand],
        BoundConversion conversion => [conversion.Operand],
        BoundCall call => call.Arguments,
        _ => [],
    };

    private static long Saturating(long value) => value < 0 ? long.MaxValue : value;
}
