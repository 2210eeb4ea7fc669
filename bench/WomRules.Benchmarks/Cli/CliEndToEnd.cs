using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WomRules.Benchmarks.Workload;

namespace WomRules.Benchmarks.Cli;

/// <summary>
/// The CLI end to end (issue 4, part 4): writes an events file of N lines over 100,000 participants (streamed, fixed
/// seed), runs the built <c>womrules run</c> on it as a child process with its output read and discarded, and reports
/// events per second and the child's peak resident memory (VmHWM, sampled from /proc). It runs a quarter-length file
/// too, so that memory growth with the file's length shows; and an empty file, for the fixed start-up cost.
/// </summary>
internal static class CliEndToEnd
{
    private const int Participants = 100_000;

    public static int Run(string[] args)
    {
        var lines = 1_000_000;
        var at = Array.IndexOf(args, "--cli");
        if (at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            lines = n;
        }

        var root = FindRepositoryRoot();
        var dll = Path.Combine(root, "src", "WomRules.Cli", "bin", "Release", "net10.0", "WomRules.Cli.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"No CLI build at {dll}: run `dotnet build -c Release src/WomRules.Cli` first.");
            return 2;
        }

        var campaign = BenchCampaigns.EvaluatePath;
        Console.WriteLine($"womrules run {Path.GetFileName(campaign)} over generated files, {Participants:N0} participants; CLI {dll}");
        Console.WriteLine("| lines | wall s | events/s | events/s after start-up | outcome lines | peak RSS MiB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        var empty = Measure(dll, campaign, Generate(0));
        Print(0, empty, empty.Seconds);
        foreach (var count in new[] { lines / 4, lines })
        {
            Print(count, Measure(dll, campaign, Generate(count)), empty.Seconds);
        }

        return 0;
    }

    private static void Print(int lines, (double Seconds, long Outcomes, long PeakKiB) r, double startup) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {lines:N0} | {r.Seconds:F2} | {(lines == 0 ? 0 : lines / r.Seconds):N0} | {(lines == 0 ? 0 : lines / Math.Max(0.001, r.Seconds - startup)):N0} | {r.Outcomes:N0} | {r.PeakKiB / 1024.0:F0} |"));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WomRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository: WomRules.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Writes (once) an events file with the evaluate-only workload's events, one JSON object a line, streamed.</summary>
    private static string Generate(int lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"womrules-bench-{lines}.jsonl");
        if (File.Exists(path))
        {
            return path;
        }

        var partial = path + ".partial";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new Utf8JsonWriter(stream))
        {
            var random = new Random(EventGenerator.Seed);
            var start = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < lines; i++)
            {
                var e = EventGenerator.Next(random, i, Participants, start.AddSeconds(i * 3));
                writer.Reset(stream);
                e.WriteJson(writer, e.Id);
                writer.Flush();
                stream.WriteByte((byte)'\n');
            }
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    private static (double Seconds, long Outcomes, long PeakKiB) Measure(string dll, string campaign, string events)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "run", campaign, events })
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        long outcomes = 0;
        var reader = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is not null)
            {
                outcomes++;
            }
        });
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakResidentKiB(process.Id));
        }

        reader.Wait();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"womrules run exited {process.ExitCode}: {errors.Result}");
        }

        return (clock.Elapsed.TotalSeconds, outcomes, peak);
    }

    /// <summary>VmHWM, the peak resident set, from /proc (0 where there is no /proc).</summary>
    private static long PeakResidentKiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }
}
