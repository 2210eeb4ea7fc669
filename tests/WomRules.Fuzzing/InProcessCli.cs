using System.Diagnostics;
using WomRules.Cli;

namespace WomRules.Fuzzing;

/// <summary>
/// Runs the command line in this process through its entry point (as the CLI tests do), on a thread with the
/// main thread's stack size, so that a hang is reported after the timeout. An exception that escapes is a crash:
/// the real program would print it as a stack trace and exit 134. A hung thread cannot be stopped in-process; it is
/// left running in the background (the long run's --isolate runs each command in a child process instead).
/// </summary>
internal sealed class InProcessCli(TimeSpan timeout) : ICli
{
    private const int MainThreadStack = 8 * 1024 * 1024;

    public CliResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int? exit = null;
        string? crash = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    exit = CommandLine.Run(args, stdout, stderr);
                }
#pragma warning disable CA1031 // Any exception that escapes the command line is the finding.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    crash = ex.ToString();
                }
            },
            MainThreadStack)
        { IsBackground = true, Name = "womrules " + (args.Length > 0 ? args[0] : "") };
        var clock = Stopwatch.StartNew();
        thread.Start();
        var finished = thread.Join(timeout);
        clock.Stop();
        if (!finished)
        {
            return new CliResult(args, null, "", "", clock.Elapsed, TimedOut: true, null);
        }

        return new CliResult(args, crash is null ? exit : null, stdout.ToString(), stderr.ToString(), clock.Elapsed, false, crash);
    }
}
