using System.Diagnostics;
using System.Text;

namespace WomRules.Packaging.Tests.Support;

/// <summary>
/// A child process (dotnet, bash, the installed tool) with a time limit: on timeout its whole tree is killed, so a hung
/// build or a web app never outlives the test. Its output is captured for the failure message.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly string command;

    private ChildProcess(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        CleanEnvironment.Apply(info.Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        command = $"{fileName} {string.Join(' ', info.ArgumentList)} (in {workingDirectory})";
        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(fileName, arguments, workingDirectory, environment);

    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var child = Start(fileName, arguments, workingDirectory, environment);
        return child.WaitOrKill(timeout);
    }

    /// <summary>Waits for the process to end by itself, killing its tree when the time limit passes first.</summary>
    public ProcessResult WaitOrKill(TimeSpan timeout)
    {
        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            KillTree();
        }

        process.WaitForExit(); // drains the redirected output
        return Result(timedOut);
    }

    /// <summary>Ends a process meant to run until stopped (a web app), with everything it started.</summary>
    public ProcessResult Stop()
    {
        KillTree();
        process.WaitForExit();
        return Result(timedOut: false);
    }

    public string OutputSoFar()
    {
        lock (stdout)
        {
            return $"--- stdout ---\n{stdout}\n--- stderr ---\n{Read(stderr)}";
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            KillTree();
        }

        process.Dispose();
    }

    private void KillTree()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }

        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    private ProcessResult Result(bool timedOut) =>
        new(command, process.HasExited && !timedOut ? process.ExitCode : -1, Read(stdout), Read(stderr), timedOut, clock.Elapsed);

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
