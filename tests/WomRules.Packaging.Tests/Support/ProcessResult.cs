namespace WomRules.Packaging.Tests.Support;

/// <summary>What a finished (or killed) child process did; <see cref="ToString"/> is written for a failure message.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError, bool TimedOut, TimeSpan Elapsed)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public override string ToString() =>
        $"""
        command: {Command}
        {(TimedOut ? "timed out (process tree killed)" : $"exit code: {ExitCode}")} after {Elapsed.TotalSeconds:0.0} s
        --- stdout ---
        {StandardOutput}
        --- stderr ---
        {StandardError}
        """;
}
