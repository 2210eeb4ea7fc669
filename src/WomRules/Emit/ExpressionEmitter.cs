using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using WomRules.Binding;
using WomRules.Runtime;
using ValueType = WomRules.Binding.ValueType;

namespace WomRules.Emit;

/// <summary>
/// Turns bound expressions into <see cref="System.Linq.Expressions"/> trees over an <see cref="EvaluationContext"/> and compiles them.
/// int arithmetic is checked, so an overflow throws, and the engine turns any throw into a <c>skipped: error</c> outcome.
/// </summary>
internal sealed class ExpressionEmitter(ParticipantSchema schema, StringLimits limits)
{
    private static readonly ParameterExpression Context = Expression.Parameter(typeof(EvaluationContext), "context");
    private static readonly FieldInfo EventMember = typeof(EvaluationContext).GetField(nameof(EvaluationContext.Event))!;
    private static readonly FieldInfo ParticipantField = typeof(EvaluationContext).GetField(nameof(EvaluationContext.Participant))!;
    private static readonly FieldInfo ReferrerField = typeof(EvaluationContext).GetField(nameof(EvaluationContext.Referrer))!;
    private static readonly FieldInfo BuiltCharactersField = typeof(EvaluationContext).GetField(nameof(EvaluationContext.BuiltCharacters))!;

    private readonly string[] tierNames = [.. schema.Tiers];

    public Func<EvaluationContext, T> Compile<T>(BoundExpression expression) =>
        Expression.Lambda<Func<EvaluationContext, T>>(WithFreshStringBudget(typeof(T) == typeof(object) ? Expression.Convert(Emit(expression), typeof(object)) : Emit(expression)), Context).Compile();

    /// <summary>Each evaluation starts with nothing built (<see cref="StringLimits"/>).</summary>
    private static BlockExpression WithFreshStringBudget(Expression body) =>
        Expression.Block(Expression.Assign(Expression.Field(Context, BuiltCharactersField), Expression.Constant(0L)), body);

    /// <summary>Compiles <see cref="CampaignEmitter"/>'s tier search: nested conditionals, highest tier outermost, each condition guarded.</summary>
    public Func<EvaluationContext, int, int> CompileTierSearch(BoundExpression?[] conditions)
    {
        var current = Expression.Parameter(typeof(int), "current");
        Expression result = current;
        for (var i = 1; i < conditions.Length; i++)
        {
            if (conditions[i] is not { } condition)
            {
                continue;
            }

            var reached = Expression.AndAlso(Expression.GreaterThan(Expression.Constant(i), current), Guarded(Emit(condition)));
            result = Expression.Condition(reached, Expression.Constant(i), result);
        }

        return Expression.Lambda<Func<EvaluationContext, int, int>>(WithFreshStringBudget(result), Context, current).Compile();
    }

    /// <summary>The condition, or false when it fails the way the engine counts as an evaluation failure.</summary>
    private static Expression Guarded(Expression condition) =>
        Expression.TryCatch(condition, [.. EvaluationFailures.Types.Select(type => Expression.Catch(type, Expression.Constant(false)))]);

    private Expression Emit(BoundExpression expression) => expression switch
    {
        BoundLiteral literal => EmitLiteral(literal),
        BoundListExpression list => Expression.Convert(Expression.NewArrayInit(typeof(string), list.Elements.Select(Emit)), typeof(IReadOnlyList<string>)),
        BoundEventField field => Expression.Property(Expression.Field(Context, EventMember), field.Field switch
        {
            EventField.Type => nameof(EventData.Type),
            EventField.Actor => nameof(EventData.Actor),
            EventField.At => nameof(EventData.At),
            _ => nameof(EventData.Referrer),
        }),
        BoundEventAttribute attribute => Expression.Convert(
            Expression.ArrayIndex(Expression.Property(Expression.Field(Context, EventMember), nameof(EventData.Values)), Expression.Constant(attribute.Attribute.Slot)),
            RuntimeType(attribute.Type)),
        BoundParticipantMember member => EmitParticipantMember(member),
        BoundUnary { Operator: UnaryOperator.Not } unary => Expression.Not(Emit(unary.Operand)),
        BoundUnary unary => unary.Type == ValueType.Int ? Expression.NegateChecked(Emit(unary.Operand)) : Expression.Negate(Emit(unary.Operand)),
        BoundBinary binary => EmitBinary(binary),
        BoundMatches matches => Expression.Call(Expression.Constant(matches.Pattern), typeof(Regex).GetMethod(nameof(Regex.IsMatch), [typeof(string)])!, Emit(matches.Operand)),
        // A literal converts once, here, not on every evaluation.
        BoundConversion { Conversion: Conversion.IntToDecimal, Operand: BoundLiteral { Value: long constant } } => Expression.Constant((decimal)constant),
        BoundConversion { Conversion: Conversion.IntToDecimal } conversion => Expression.Convert(Emit(conversion.Operand), typeof(decimal)),
        BoundConversion conversion => Expression.ArrayIndex(Expression.Constant(tierNames), Emit(conversion.Operand)),
        BoundIf conditional => Expression.Condition(Emit(conditional.Condition), Emit(conditional.WhenTrue), Emit(conditional.WhenFalse)),
        BoundCall call => EmitCall(call),
        BoundCSharpExpression csharp => Expression.Invoke(Expression.Constant(csharp.Compiled), Context),
        _ => throw new InvalidOperationException($"Cannot emit {expression.GetType().Name}."),
    };

    private static Expression EmitLiteral(BoundLiteral literal) => literal.Type switch
    {
        ValueType.List => Expression.Constant(literal.Value, typeof(IReadOnlyList<string>)),
        _ => Expression.Constant(literal.Value, RuntimeType(literal.Type)),
    };

    private static Expression EmitParticipantMember(BoundParticipantMember member)
    {
        Expression target = Expression.Field(Context, member.Role == ParticipantRole.Participant ? ParticipantField : ReferrerField);
        return member.Member switch
        {
            ParticipantMember.Points => Expression.Property(target, nameof(ParticipantState.Points)),
            ParticipantMember.LifetimePoints => Expression.Property(target, nameof(ParticipantState.LifetimePoints)),
            ParticipantMember.Credit => Expression.Property(target, nameof(ParticipantState.Credit)),
            ParticipantMember.PendingPoints => Expression.Property(target, nameof(ParticipantState.PendingPoints)),
            ParticipantMember.PendingCredit => Expression.Property(target, nameof(ParticipantState.PendingCredit)),
            ParticipantMember.Tier => Expression.Field(target, nameof(ParticipantState.TierIndex)),
            ParticipantMember.Badges => Expression.Convert(Expression.Field(target, nameof(ParticipantState.BadgeList)), typeof(IReadOnlyList<string>)),
            ParticipantMember.TierSince => Expression.Call(typeof(TimeFunctions).GetMethod(nameof(TimeFunctions.TierSince))!, target),
            ParticipantMember.FirstSeen => Expression.Call(typeof(TimeFunctions).GetMethod(nameof(TimeFunctions.FirstSeen))!, target),
            ParticipantMember.LastSeen => Expression.Call(typeof(TimeFunctions).GetMethod(nameof(TimeFunctions.LastSeen))!, target),
            ParticipantMember.Counter => Expression.ArrayIndex(Expression.Field(target, nameof(ParticipantState.Counters)), Expression.Constant(member.Slot)),
            _ => Expression.Convert(
                Expression.ArrayIndex(Expression.Field(target, nameof(ParticipantState.AttributeValues)), Expression.Constant(member.Slot)),
                RuntimeType(member.Type)),
        };
    }

    private Expression EmitBinary(BoundBinary binary)
    {
        var left = Emit(binary.Left);
        var right = Emit(binary.Right);
        var isInt = binary.OperandType == ValueType.Int;
        return binary.Operator switch
        {
            BinaryOperator.Add => isInt ? Expression.AddChecked(left, right) : Expression.Add(left, right),
            BinaryOperator.Subtract => isInt ? Expression.SubtractChecked(left, right) : Expression.Subtract(left, right),
            BinaryOperator.Multiply => isInt ? Expression.MultiplyChecked(left, right) : Expression.Multiply(left, right),
            BinaryOperator.Divide => Expression.Divide(left, right),
            BinaryOperator.Modulo => Expression.Modulo(left, right),
            BinaryOperator.Concat => CallBuiltIn(nameof(BuiltIns.Concat), left, right, Context, Expression.Constant(limits)),
            BinaryOperator.And => Expression.AndAlso(left, right),
            BinaryOperator.Or => Expression.OrElse(left, right),
            BinaryOperator.InList when binary.Right is BoundLiteral { Value: string[] { Length: <= 16 } items } => EmitInLiteralList(left, items),
            BinaryOperator.InList => CallBuiltIn(nameof(BuiltIns.ListContains), right, left),
            BinaryOperator.Substring => CallBuiltIn(nameof(BuiltIns.Substring), left, right),
            BinaryOperator.ListContains => CallBuiltIn(nameof(BuiltIns.ListContains), left, right),
            BinaryOperator.ListContainsAny => CallBuiltIn(nameof(BuiltIns.ListContainsAny), left, right),
            BinaryOperator.StringContainsAny => CallBuiltIn(nameof(BuiltIns.StringContainsAny), left, right),
            BinaryOperator.StartsWith => CallBuiltIn(nameof(BuiltIns.StartsWith), left, right),
            BinaryOperator.EndsWith => CallBuiltIn(nameof(BuiltIns.EndsWith), left, right),
            _ => EmitComparison(binary.Operator, binary.OperandType, left, right),
        };
    }

    /// <summary>
    /// <c>x in ["a", "b"]</c> as <c>x == "a" || x == "b"</c> (ordinal, like <see cref="BuiltIns.ListContains"/>), the
    /// way one would write it by hand: no interface calls through <see cref="IReadOnlyList{T}"/> on the hot path.
    /// </summary>
    private static Expression EmitInLiteralList(Expression value, string[] items)
    {
        var variable = Expression.Variable(typeof(string), "value");
        Expression test = Expression.Constant(false);
        for (var i = items.Length - 1; i >= 0; i--)
        {
            var equal = Expression.Equal(variable, Expression.Constant(items[i], typeof(string)));
            test = i == items.Length - 1 ? equal : Expression.OrElse(equal, test);
        }

        return Expression.Block(typeof(bool), [variable], Expression.Assign(variable, value), test);
    }

    private static Expression EmitComparison(BinaryOperator op, ValueType operandType, Expression left, Expression right)
    {
        if (operandType == ValueType.String && op is not (BinaryOperator.Equal or BinaryOperator.NotEqual))
        {
            // Ordinal ordering: compare the result of CompareOrdinal with zero.
            left = CallBuiltIn(nameof(BuiltIns.CompareOrdinal), left, right);
            right = Expression.Constant(0);
        }

        return op switch
        {
            BinaryOperator.Equal => Expression.Equal(left, right),
            BinaryOperator.NotEqual => Expression.NotEqual(left, right),
            BinaryOperator.Less => Expression.LessThan(left, right),
            BinaryOperator.LessOrEqual => Expression.LessThanOrEqual(left, right),
            BinaryOperator.Greater => Expression.GreaterThan(left, right),
            _ => Expression.GreaterThanOrEqual(left, right),
        };
    }

    private Expression EmitCall(BoundCall call)
    {
        var args = call.Arguments.Select(Emit).ToArray();
        return call.Function switch
        {
            BuiltInFunction.RoundInt => args[0],
            BuiltInFunction.HoursBetween => Expression.Call(typeof(TimeFunctions).GetMethod(nameof(TimeFunctions.HoursBetween))!, args),
            BuiltInFunction.DaysBetween => Expression.Call(typeof(TimeFunctions).GetMethod(nameof(TimeFunctions.DaysBetween))!, args),
            BuiltInFunction.Discloses => EmitDiscloses(call, args),
            BuiltInFunction.SharesIdentity => CallBuiltIn(nameof(BuiltIns.SharesIdentity), args[0], args[1], Context),
            BuiltInFunction.Lower or BuiltInFunction.Upper => CallBuiltIn(call.Function.ToString(), args[0], Context, Expression.Constant(limits)),
            _ => CallBuiltIn(call.Function.ToString(), args),
        };
    }

    /// <summary>A marker list written in the campaign (or the campaign's defaults) gets a matcher built once; other lists take the general path.</summary>
    private static Expression EmitDiscloses(BoundCall call, Expression[] args)
    {
        if (call.Arguments[1] is not BoundLiteral { Value: string[] markers })
        {
            return CallBuiltIn(nameof(BuiltIns.Discloses), args);
        }

        var matcher = DisclosureMatcher.For(markers);
        return Expression.Call(Expression.Constant(matcher), typeof(DisclosureMatcher).GetMethod(nameof(DisclosureMatcher.Discloses))!, args[0], args[2]);
    }

    private static MethodCallExpression CallBuiltIn(string name, params Expression[] args) =>
        Expression.Call(typeof(BuiltIns).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [.. args.Select(a => a.Type)])
            ?? throw new InvalidOperationException($"No built-in {name}."), args);

    internal static Type RuntimeType(ValueType type) => type.ClrType();
}
