using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WomRules.Cli;
using Xunit.Abstractions;

namespace WomRules.Sqlite.Tests;

/// <summary>
/// Issue 13, item 6 at CI size (eng/sqlite-kill-test.sh runs it at full size): <c>womrules run --store</c> as a child
/// process, killed with SIGKILL at random moments and run again each time, then run to the end. The database must
/// end equal to an uninterrupted run's, its outcome log must be the uninterrupted run's outcomes, and after every kill
/// the database must hold exactly a whole number of batches (no event half applied).
/// </summary>
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string CliAssembly = typeof(CommandLine).Assembly.Location;

    private readonly string folder = Directory.CreateTempSubdirectory("womrules-kill-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Killed_runs_resumed_to_the_end_equal_one_uninterrupted_run()
    {
        var lines = ReferralEventsGenerator.Generate(seed: 13, count: EnvironmentCount("WOMRULES_KILL_LINES", 20_000));
        var kills = EnvironmentCount("WOMRULES_KILL_COUNT", 5);
        var batch = EnvironmentCount("WOMRULES_KILL_BATCH", 200);
        var campaign = CliRun.Example("referral", "campaign.yaml");
        var events = Path.Combine(folder, "events.jsonl");
        File.WriteAllLines(events, lines);

        var (expectedOutcomes, expectedState) = PlainRun(campaign, lines);
        expectedOutcomes.Should().NotContain(l => l.StartsWith("{\"kind\":\"rejected\"", StringComparison.Ordinal), "every generated line must apply for the laws below");
        using (var state = JsonDocument.Parse(expectedState))
        {
            state.RootElement.GetProperty("seen_events").GetArrayLength().Should().Be(lines.Length, "every generated line is an applied event, so durable events count durable lines");
        }

        var db = Path.Combine(folder, "campaign.db");
        var random = new Random(20261129);
        var printed = new List<string>();
        // The line each fresh outcome belongs to (ids are e-N, N the line's index), to count what is left after a kill.
        var freshLines = expectedOutcomes.Where(l => !l.StartsWith("{\"kind\":\"duplicate\"", StringComparison.Ordinal)).Select(LineOf).ToList();
        var seenBefore = 0;
        var interrupted = 0;
        for (var kill = 0; kill < kills; kill++)
        {
            // A random moment while the child applies new events: once it has printed a random share of the outcomes
            // still to come (its replayed prefix's duplicates not counted), plus up to 20 ms, so every kill lands while it
            // applies, commits or prints a batch, never after the end or in the replay of what is already durable.
            var left = Math.Max(2, freshLines.Count(line => line >= seenBefore));
            // Spread over the kills still to make (on average a share 1/(kills left + 1) of what is left), so all of them
            // land before the end rather than halving what is left each time.
            var target = random.Next(1, Math.Max(2, 2 * left / (kills - kill + 1)));
            var extra = random.Next(20);
            using var child = Start(campaign, events, db, batch, target);
            var ended = await Task.WhenAny(child.Reached.Task, child.Process.WaitForExitAsync()) != child.Reached.Task;
            await Task.Delay(extra);
            ended |= child.Process.HasExited;
            if (!ended)
            {
                // Process.Kill is SIGKILL on Unix: no handler runs, no buffer is flushed.
                child.Process.Kill();
            }

            await child.Process.WaitForExitAsync();
            printed.AddRange(child.Lines());
            var seen = SeenEvents(db, campaign);
            seenBefore = seen;
            output.WriteLine($"kill {kill} after {target} outcomes + {extra} ms (ended by itself: {ended}): {seen} events durable");
            (seen % batch == 0 || seen == lines.Length).Should().BeTrue($"the database holds whole batches of {batch} events, not {seen}");
            Export(db, campaign).Should().Be(PlainRun(campaign, lines[..seen]).State, $"after kill {kill} the database equals an uninterrupted run of its first {seen} lines");
            if (seen == lines.Length)
            {
                break;
            }

            interrupted++;
        }

        interrupted.Should().BeGreaterThan(0, "at least one kill must land while events are still being applied");

        using (var last = Start(campaign, events, db, batch, int.MaxValue))
        {
            await last.Process.WaitForExitAsync();
            last.Process.ExitCode.Should().Be(0, last.Error.ToString());
            printed.AddRange(last.Lines());
        }

        Export(db, campaign).Should().Be(expectedState, "the resumed database equals the uninterrupted run's");
        var wanted = expectedOutcomes.Where(l => !l.StartsWith("{\"kind\":\"duplicate\"", StringComparison.Ordinal)).ToList();
        OutcomeLog(db).Should().Equal(wanted, "the outcome log holds each applied event's outcomes once, in order");
        // What was printed is what was made durable, except a batch whose printing a kill cut short.
        var freshPrinted = printed.Where(l => !l.StartsWith("{\"kind\":\"duplicate\"", StringComparison.Ordinal)).ToList();
        IsSubsequence(freshPrinted, wanted).Should().BeTrue("nothing is printed twice or out of order, and nothing is printed before it is durable");
        freshPrinted.Count.Should().BeGreaterThan(wanted.Count / 2);
    }

    private static int EnvironmentCount(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : fallback;

    private (List<string> Outcomes, string State) PlainRun(string campaign, string[] lines)
    {
        var events = Path.Combine(folder, "prefix.jsonl");
        var state = Path.Combine(folder, "prefix.json");
        File.WriteAllLines(events, lines);
        var run = CliRun.Run("run", campaign, events, "--save-state", state);
        run.Exit.Should().Be(0, run.Err);
        return ([.. CliRun.Lines(run.Out)], File.ReadAllText(state));
    }

    private static string Export(string db, string campaign)
    {
        var export = CliRun.Run("state", "export", db, "--campaign", campaign);
        export.Exit.Should().Be(0, export.Err);
        return export.Out;
    }

    private static int SeenEvents(string db, string campaign)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        var export = CliRun.Run("state", "export", db, "--campaign", campaign);
        if (export.Exit != 0 && export.Err.Contains("no state yet", StringComparison.Ordinal))
        {
            return 0;
        }

        using var document = JsonDocument.Parse(export.Out);
        return document.RootElement.TryGetProperty("seen_events", out var seen) ? seen.GetArrayLength() : 0;
    }

    private static List<string> OutcomeLog(string db)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT outcome FROM outcomes ORDER BY seq";
        using var reader = command.ExecuteReader();
        var log = new List<string>();
        while (reader.Read())
        {
            log.Add(reader.GetString(0));
        }

        return log;
    }

    private static bool IsSubsequence(List<string> part, List<string> whole)
    {
        var j = 0;
        foreach (var line in part)
        {
            while (j < whole.Count && whole[j] != line)
            {
                j++;
            }

            if (j++ >= whole.Count)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The index of the events-file line an outcome belongs to: its event's id is e-N; an outcome of no event counts as the last.</summary>
    private static int LineOf(string outcome)
    {
        using var json = JsonDocument.Parse(outcome);
        return json.RootElement.TryGetProperty("event", out var id) && id.GetString() is { } text && text.StartsWith("e-", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : int.MaxValue;
    }

    private static Child Start(string campaign, string events, string db, int batch, int target)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", CliAssembly, "run", campaign, events, "--store", db, "--batch-size", batch.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start };
        var child = new Child(process, target);
        process.OutputDataReceived += (_, e) => child.Received(e.Data);
        process.ErrorDataReceived += (_, e) => child.Error.AppendLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>A child run: its outcome lines as they arrive, and a signal once <c>target</c> of them have.</summary>
    private sealed class Child(Process process, int target) : IDisposable
    {
        private readonly List<string> lines = [];
        private int freshLines;

        public Process Process { get; } = process;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Text.StringBuilder Error { get; } = new();

        public void Received(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
                if (!line.StartsWith("{\"kind\":\"duplicate\"", StringComparison.Ordinal) && ++freshLines >= target)
                {
                    Reached.TrySetResult();
                }
            }
        }

        /// <summary>The complete lines: the last may have been cut by the kill (a cut JSON object never parses).</summary>
        public List<string> Lines()
        {
            lock (lines)
            {
                return lines.Where(IsJson).ToList();
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
                Process.WaitForExit();
            }

            Process.Dispose();
        }

        private static bool IsJson(string line)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
