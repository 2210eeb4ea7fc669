namespace WomRules.Fuzzing;

/// <summary>What one command did: exit code (null when it crashed or hung), output, time, and the crash if any.</summary>
internal sealed record CliResult(IReadOnlyList<string> Args, int? ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool TimedOut, string? Crash)
{
    public string Command => "womrules " + string.Join(' ', Args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "'" + a + "'" : a));
}
