using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WomRules.Text;

namespace WomRules.Binding;

/// <summary>A type-checked expression. Implicit conversions (int to decimal) are explicit nodes.</summary>
internal abstract record BoundExpression(ValueType Type, TextSpan Span);

/// <summary>A constant: long, decimal, bool, string, string[] (list) or int (tier index).</summary>
internal sealed record BoundLiteral(ValueType Type, TextSpan Span, object Value) : BoundExpression(Type, Span);

/// <summary>A list whose elements are computed: <c>[event.a, "b"]</c>.</summary>
internal sealed record BoundListExpression(TextSpan Span, ImmutableArray<BoundExpression> Elements) : BoundExpression(ValueType.List, Span);

internal enum EventField
{
    Type,
    Actor,
    Referrer,

    /// <summary><c>event.at</c>, a timestamp (spec v1.1 §10).</summary>
    At,
}

/// <summary><c>event.type</c>, <c>event.actor</c> or <c>event.referrer</c>.</summary>
internal sealed record BoundEventField(TextSpan Span, EventField Field) : BoundExpression(Field == EventField.At ? ValueType.Timestamp : ValueType.String, Span);

/// <summary><c>event.&lt;attribute&gt;</c>.</summary>
internal sealed record BoundEventAttribute(TextSpan Span, AttributeSymbol Attribute) : BoundExpression(Attribute.Type, Span);

internal enum ParticipantRole
{
    /// <summary>The actor in rules and disclosures; the participant whose tier is computed in a tier condition.</summary>
    Participant,
    Referrer,
}

internal enum ParticipantMember
{
    Attribute,
    Counter,
    Points,
    LifetimePoints,
    Credit,
    Tier,
    Badges,
    PendingPoints,
    PendingCredit,

    /// <summary><c>participant.tier_since</c>, a timestamp (spec v1.1 §10).</summary>
    TierSince,

    /// <summary><c>participant.first_seen</c> and <c>participant.last_seen</c>, timestamps (spec v1.1 §10).</summary>
    FirstSeen,
    LastSeen,
}

/// <summary><c>participant.&lt;x&gt;</c> or <c>referrer.&lt;x&gt;</c>; <see cref="Slot"/> indexes attributes or counters.</summary>
internal sealed record BoundParticipantMember(ValueType Type, TextSpan Span, ParticipantRole Role, ParticipantMember Member, int Slot, string Name)
    : BoundExpression(Type, Span);

internal enum UnaryOperator
{
    Not,
    Negate,
}

internal sealed record BoundUnary(ValueType Type, TextSpan Span, UnaryOperator Operator, BoundExpression Operand) : BoundExpression(Type, Span);

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Concat,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,

    /// <summary>string in list.</summary>
    InList,

    /// <summary>string contains string, or string in string.</summary>
    Substring,

    /// <summary>list contains string.</summary>
    ListContains,

    /// <summary>list contains_any list.</summary>
    ListContainsAny,

    /// <summary>string contains_any list (any of the substrings).</summary>
    StringContainsAny,
    StartsWith,
    EndsWith,
}

/// <summary>A binary operation over operands already converted to a common type (<see cref="OperandType"/>).</summary>
internal sealed record BoundBinary(ValueType Type, TextSpan Span, BinaryOperator Operator, ValueType OperandType, BoundExpression Left, BoundExpression Right)
    : BoundExpression(Type, Span);

/// <summary><c>text matches "pattern"</c>; the regex is built at compile time with NonBacktracking.</summary>
internal sealed record BoundMatches(TextSpan Span, BoundExpression Operand, Regex Pattern) : BoundExpression(ValueType.Bool, Span);

internal enum Conversion
{
    IntToDecimal,
    TierToName,
}

internal sealed record BoundConversion(ValueType Type, TextSpan Span, Conversion Conversion, BoundExpression Operand) : BoundExpression(Type, Span);

internal sealed record BoundIf(ValueType Type, TextSpan Span, BoundExpression Condition, BoundExpression WhenTrue, BoundExpression WhenFalse)
    : BoundExpression(Type, Span);

internal enum BuiltInFunction
{
    LenString,
    LenList,
    Lower,
    Upper,
    MinInt,
    MinDecimal,
    MaxInt,
    MaxDecimal,
    AbsInt,
    AbsDecimal,
    RoundInt,
    RoundDecimal,
    Discloses,

    /// <summary><c>hours_between(a, b)</c> and <c>days_between(a, b)</c>, spec v1.1 §10.</summary>
    HoursBetween,
    DaysBetween,

    /// <summary><c>shares_identity(a, b)</c>, spec v1.1 §8.</summary>
    SharesIdentity,
}

/// <summary>A built-in function call. For <c>discloses</c> the arguments are always (text, markers, within); missing ones are filled with defaults.</summary>
internal sealed record BoundCall(ValueType Type, TextSpan Span, BuiltInFunction Function, ImmutableArray<BoundExpression> Arguments) : BoundExpression(Type, Span);

/// <summary>An expression of a <c>lang: csharp</c> rule, already compiled by the plugged-in C# compiler to a <c>Func&lt;EvaluationContext, T&gt;</c>.</summary>
internal sealed record BoundCSharpExpression(ValueType Type, TextSpan Span, Delegate Compiled) : BoundExpression(Type, Span)
{
    /// <summary>Runs the delegate and boxes its result, for the reference evaluator.</summary>
    public object Invoke(Runtime.EvaluationContext context) => Compiled switch
    {
        Func<Runtime.EvaluationContext, bool> f => f(context),
        Func<Runtime.EvaluationContext, long> f => f(context),
        Func<Runtime.EvaluationContext, decimal> f => f(context),
        _ => throw new InvalidOperationException("A C# rule's delegate has an unexpected type."),
    };
}
