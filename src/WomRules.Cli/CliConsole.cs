namespace WomRules.Cli;

/// <summary>
/// What a command reads and writes besides its arguments. Program.cs hands over the process's own streams; tests
/// hand over writers, a substituted standard input, a clock and the terminal decision, so no test needs a tty.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Standard output as a UTF-8 byte stream, for bulk output; null to go through <see cref="Out"/>.</summary>
    public Stream? OutBytes { get; init; }

    /// <summary>Opens standard input, read where a command is given '-' for a file.</summary>
    public Func<Stream> OpenInput { get; init; } = Console.OpenStandardInput;

    /// <summary>Whether <c>run</c> draws its progress line on <see cref="Error"/>: only for a person watching a terminal.</summary>
    public bool ShowsProgress { get; init; }

    /// <summary>The clock the progress line measures with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>CI=true: <c>womrules test</c> fails on a missing snapshot instead of creating it.</summary>
    public bool Ci { get; init; } = Environment.GetEnvironmentVariable("CI") is { } ci && ci.Equals("true", StringComparison.OrdinalIgnoreCase);
}
