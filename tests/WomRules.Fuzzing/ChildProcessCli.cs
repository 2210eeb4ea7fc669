using System.Diagnostics;
using WomRules.Cli;

namespace WomRules.Fuzzing;

/// <summary>
/// Runs each command as a child process of the built CLI (<c>dotnet WomRules.Cli.dll</c>), so that a hang is killed,
/// and a crash, a stack overflow or an out-of-memory ends only the child. The child's GC heap is capped
/// (<see cref="HeapLimitBytes"/>), so that a runaway allocation fails fast instead of taking the machine's memory.
/// </summary>
internal sealed class ChildProcessCli(TimeSpan timeout) : ICli
{
    public const long HeapLimitBytes = 1L << 30;

    private static readonly string CliAssembly = typeof(CommandLine).Assembly.Location;

    public CliResult Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimitBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CliResult(args, null, stdout.Result, stderr.Result, clock.Elapsed, TimedOut: true, null);
        }

        process.WaitForExit();
        var exit = process.ExitCode;
        var err = stderr.Result;

        // How the runtime ends a process on an unhandled exception or a stack overflow (SIGABRT, SIGSEGV; on Windows, a negative NTSTATUS).
        var crash = exit is 134 or 139 || exit < 0 ? $"exit {exit}\n{err}" : null;
        return new CliResult(args, exit, stdout.Result, err, clock.Elapsed, false, crash);
    }
}
