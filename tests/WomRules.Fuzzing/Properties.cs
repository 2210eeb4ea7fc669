namespace WomRules.Fuzzing;

/// <summary>The names of the properties the fuzzer checks (docs/fuzzing.md describes each).</summary>
internal static class Properties
{
    /// <summary>Every command exits 0, 1 or 2.</summary>
    public const string ExitCode = "exit-code";

    /// <summary>No exception escapes the command line (the real program would die with exit 134 and a stack trace).</summary>
    public const string Crash = "crash";

    /// <summary>No stack frame, exception type name or "Unhandled" in what a command prints.</summary>
    public const string StackTrace = "stack-trace";

    /// <summary>Every command finishes within the time limit (10 s).</summary>
    public const string Hang = "hang";

    /// <summary>Every diagnostic printed is one line, <c>path(line,col): error|warning WOMnnnn: message</c>, with no control characters, and check's count matches.</summary>
    public const string DiagnosticPosition = "diagnostic-position";

    /// <summary>Every line <c>run</c> prints is one JSON outcome.</summary>
    public const string OutcomeJson = "outcome-json";

    /// <summary>Reward amounts are never negative, and their sum, and the saved budget used, never exceed the campaign's budget.</summary>
    public const string Budget = "budget";

    /// <summary>What convert writes from a campaign that compiles (to the other form, and back) compiles and gives the same outcomes; convert may refuse instead, with diagnostics.</summary>
    public const string RoundTrip = "round-trip";

    public static readonly IReadOnlyList<string> All = [ExitCode, Crash, StackTrace, Hang, DiagnosticPosition, OutcomeJson, Budget, RoundTrip];
}
