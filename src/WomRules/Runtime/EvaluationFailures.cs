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
}
