using System.Runtime.CompilerServices;
using WomRules.Binding;
using WomRules.Runtime;
using ValueType = WomRules.Binding.ValueType;

namespace WomRules.Emit;

/// <summary>
/// The reference semantics: a plain tree-walking interpreter over bound expressions. Slow and obvious on purpose;
/// the tests run every scenario through it and through the compiled delegates and require the same outcomes.
/// </summary>
internal sealed class ReferenceEvaluator(ParticipantSchema schema, StringLimits limits)
{
    public object Evaluate(BoundExpression expression, EvaluationContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expression)
        {
            case BoundLiteral literal:
                return literal.Value;
            case BoundListExpression list:
                return list.Elements.Select(e => (string)Evaluate(e, context)).ToArray();
            case BoundEventField field:
                var e = context.Event!;
                return field.Field switch { EventField.Type => e.Type, EventField.Actor => e.Actor, EventField.At => e.At, _ => e.Referrer! };
            case BoundEventAttribute attribute:
                return context.Event!.Values[attribute.Attribute.Slot]!;
            case BoundParticipantMember member:
                var p = member.Role == ParticipantRole.Participant ? context.Participant : context.Referrer!;
                return member.Member switch
                {
                    ParticipantMember.Points => p.Points,
                    ParticipantMember.LifetimePoints => p.LifetimePoints,
                    ParticipantMember.Credit => p.Credit,
                    ParticipantMember.PendingPoints => p.PendingPoints,
                    ParticipantMember.PendingCredit => p.PendingCredit,
                    ParticipantMember.Tier => p.TierIndex,
                    ParticipantMember.Badges => p.BadgeList.ToArray(),
                    ParticipantMember.TierSince => TimeFunctions.TierSince(p),
                    ParticipantMember.FirstSeen => TimeFunctions.FirstSeen(p),
                    ParticipantMember.LastSeen => TimeFunctions.LastSeen(p),
                    ParticipantMember.Counter => p.Counters[member.Slot],
                    _ => p.AttributeValues[member.Slot]!,
                };
            case BoundUnary { Operator: UnaryOperator.Not } not:
                return !(bool)Evaluate(not.Operand, context);
            case BoundUnary negate:
                var operand = Evaluate(negate.Operand, context);
                return operand is long l ? (object)checked(-l) : -(decimal)operand;
            case BoundBinary binary:
                return EvaluateBinary(binary, context);
            case BoundMatches matches:
                return matches.Pattern.IsMatch((string)Evaluate(matches.Operand, context));
            case BoundConversion { Conversion: Conversion.IntToDecimal } conversion:
                return (decimal)(long)Evaluate(conversion.Operand, context);
            case BoundConversion conversion:
                return schema.Tiers[(int)Evaluate(conversion.Operand, context)];
            case BoundIf conditional:
                return (bool)Evaluate(conditional.Condition, context)
                    ? Evaluate(conditional.WhenTrue, context)
                    : Evaluate(conditional.WhenFalse, context);
            case BoundCall call:
                return EvaluateCall(call, context);
            case BoundCSharpExpression csharp:
                return csharp.Invoke(context);
            default:
                throw new InvalidOperationException($"Cannot evaluate {expression.GetType().Name}.");
        }
    }

    private object EvaluateBinary(BoundBinary binary, EvaluationContext context)
    {
        if (binary.Operator == BinaryOperator.And)
        {
            return (bool)Evaluate(binary.Left, context) && (bool)Evaluate(binary.Right, context);
        }

        if (binary.Operator == BinaryOperator.Or)
        {
            return (bool)Evaluate(binary.Left, context) || (bool)Evaluate(binary.Right, context);
        }

        var left = Evaluate(binary.Left, context);
        var right = Evaluate(binary.Right, context);
        switch (binary.Operator)
        {
            case BinaryOperator.Add: return binary.OperandType == ValueType.Int ? (object)checked((long)left + (long)right) : (decimal)left + (decimal)right;
            case BinaryOperator.Subtract: return binary.OperandType == ValueType.Int ? (object)checked((long)left - (long)right) : (decimal)left - (decimal)right;
            case BinaryOperator.Multiply: return binary.OperandType == ValueType.Int ? (object)checked((long)left * (long)right) : (decimal)left * (decimal)right;
            case BinaryOperator.Divide: return binary.OperandType == ValueType.Int ? (object)((long)left / (long)right) : (decimal)left / (decimal)right;
            case BinaryOperator.Modulo: return binary.OperandType == ValueType.Int ? (object)((long)left % (long)right) : (decimal)left % (decimal)right;
            case BinaryOperator.Concat:
                limits.Charge(context, (long)((string)left).Length + ((string)right).Length);
                return (string)left + (string)right;
            case BinaryOperator.InList: return ((IReadOnlyList<string>)right).Contains((string)left, StringComparer.Ordinal);
            case BinaryOperator.Substring: return ((string)left).Contains((string)right, StringComparison.Ordinal);
            case BinaryOperator.ListContains: return ((IReadOnlyList<string>)left).Contains((string)right, StringComparer.Ordinal);
            case BinaryOperator.ListContainsAny: return ((IReadOnlyList<string>)right).Any(r => ((IReadOnlyList<string>)left).Contains(r, StringComparer.Ordinal));
            case BinaryOperator.StringContainsAny: return ((IReadOnlyList<string>)right).Any(r => ((string)left).Contains(r, StringComparison.Ordinal));
            case BinaryOperator.StartsWith: return ((string)left).StartsWith((string)right, StringComparison.Ordinal);
            case BinaryOperator.EndsWith: return ((string)left).EndsWith((string)right, StringComparison.Ordinal);
        }

        var comparison = binary.OperandType switch
        {
            ValueType.Int => ((long)left).CompareTo((long)right),
            ValueType.Decimal => ((decimal)left).CompareTo((decimal)right),
            ValueType.Tier => ((int)left).CompareTo((int)right),
            ValueType.Bool => ((bool)left).CompareTo((bool)right),
            ValueType.Timestamp => ((DateTime)left).CompareTo((DateTime)right),
            _ => string.CompareOrdinal((string)left, (string)right),
        };
        return binary.Operator switch
        {
            BinaryOperator.Equal => comparison == 0,
            BinaryOperator.NotEqual => comparison != 0,
            BinaryOperator.Less => comparison < 0,
            BinaryOperator.LessOrEqual => comparison <= 0,
            BinaryOperator.Greater => comparison > 0,
            _ => comparison >= 0,
        };
    }

    /// <summary>Charges a case mapping of <paramref name="text"/>, which keeps its length, to the string budget.</summary>
    private string Charged(EvaluationContext context, string text)
    {
        limits.Charge(context, text.Length);
        return text;
    }

    private object EvaluateCall(BoundCall call, EvaluationContext context)
    {
        var args = call.Arguments.Select(a => Evaluate(a, context)).ToArray();
        return call.Function switch
        {
            BuiltInFunction.LenString => (long)((string)args[0]).Length,
            BuiltInFunction.LenList => (long)((IReadOnlyList<string>)args[0]).Count,
            BuiltInFunction.Lower => Charged(context, (string)args[0]).ToLowerInvariant(),
            BuiltInFunction.Upper => Charged(context, (string)args[0]).ToUpperInvariant(),
            BuiltInFunction.MinInt => Math.Min((long)args[0], (long)args[1]),
            BuiltInFunction.MaxInt => Math.Max((long)args[0], (long)args[1]),
            BuiltInFunction.MinDecimal => Math.Min((decimal)args[0], (decimal)args[1]),
            BuiltInFunction.MaxDecimal => Math.Max((decimal)args[0], (decimal)args[1]),
            BuiltInFunction.AbsInt => Math.Abs((long)args[0]),
            BuiltInFunction.AbsDecimal => Math.Abs((decimal)args[0]),
            BuiltInFunction.RoundInt => (long)args[0],
            BuiltInFunction.HoursBetween => TimeFunctions.HoursBetween((DateTime)args[0], (DateTime)args[1]),
            BuiltInFunction.DaysBetween => TimeFunctions.DaysBetween((DateTime)args[0], (DateTime)args[1]),
            BuiltInFunction.SharesIdentity => BuiltIns.SharesIdentity((string)args[0], (string)args[1], context),
            BuiltInFunction.RoundDecimal => decimal.ToInt64(Math.Round((decimal)args[0], MidpointRounding.AwayFromZero)),
            _ => BuiltIns.Discloses((string)args[0], (IReadOnlyList<string>)args[1], (long)args[2]),
        };
    }
}
