namespace WomRules.Runtime;

/// <summary>The ways a campaign expression fails at run time: overflow, division by zero, a bad cast, a regex timeout, a string past the cap.</summary>
internal static class EvaluationFailures
{
    /// <summary>The exception types <see cref="Is"/> accepts, for compiled code that catches them itself.</summary>
    public static readonly Type[] Types =
    [
        typeof(ArithmeticException), typeof(InvalidCastException), typeof(IndexOutOfRangeException),
        typeof(NullReferenceException), typeof(ArgumentException), typeof(System.Text.RegularExpressions.RegexMatchTimeoutException),
        typeof(StringTooLongException),
    ];

    public static bool Is(Exception ex) =>
        ex is ArithmeticException or InvalidCastException or IndexOutOfRangeException or NullReferenceException or ArgumentException or System.Text.RegularExpressions.RegexMatchTimeoutException
            or StringTooLongException;

    /// <summary>
    /// A short detail for a <c>skipped: error</c> outcome. It depends on the exception's type only, never its message,
    /// so the compiled delegates and the reference evaluator word the same failure the same way.
    /// </summary>
    public static string Describe(Exception ex) => ex switch
    {
        DivideByZeroException => "division by zero",
        OverflowException => "arithmetic overflow: a value is past the range of its type",
        System.Text.RegularExpressions.RegexMatchTimeoutException => "a 'matches' pattern timed out",
        StringTooLongException => "a string would be longer than the limit (MaxStringLength, or MaxStringGrowth times it in one expression)",
        _ => "the expression failed (" + ex.GetType().Name + ")",
    };
}
