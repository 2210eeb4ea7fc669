using WomRules.CSharp;
using System.Text;
using WomRules.Diagnostics;
using WomRules.Testing;
using WomRules.Text;

namespace WomRules.Cli.Testing;

/// <summary>
/// <c>womrules test [PATH…] [--accept] [--allow-csharp] [--format text|junit]</c>: finds scenario files (<c>*.tests.yaml</c>), checks each campaign, runs
/// every case and compares it with its approved snapshot (<c>&lt;case&gt;.verified.jsonl</c>). A mismatch writes
/// <c>&lt;case&gt;.received.jsonl</c> and prints a unified diff; <c>--accept</c> approves what the campaign does now.
/// A missing snapshot fails when <c>CI=true</c> and is created otherwise. Exit 0 when every case passes, 1 otherwise.
/// </summary>
internal static class TestCommand
{
    public static readonly string[] Formats = ["text", "junit"];

    /// <summary>The command with the CI flag given, so tests need not change the process environment.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool ci) =>
        CommandLine.Run(["test", .. args], new CliConsole(stdout, stderr) { Ci = ci });

    public static int Run(IReadOnlyList<string> paths, bool accept, bool allowCSharp, string format, CliConsole console)
    {
        var (stdout, stderr, ci) = (console.Out, console.Error, console.Ci);
        var options = allowCSharp ? CompilationOptions.Default.WithCSharp() : CompilationOptions.Default;
        if (!Formats.Contains(format))
        {
            throw new UsageException($"unknown format '{format}'; use text or junit.");
        }

        if (paths.Count == 0)
        {
            paths = ["."];
        }

        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                files.UnionWith(Discover(Path.GetFullPath(path)));
            }
            else
            {
                stderr.WriteLine($"womrules: cannot read '{MessageText.EscapePath(path)}': no such file or folder.");
                return ExitCodes.BadUsage;
            }
        }

        if (files.Count == 0)
        {
            stderr.WriteLine($"womrules: no scenario files (*{ScenarioReader.FileSuffix}) under {MessageText.EscapePath(string.Join(", ", paths))}.");
            return ExitCodes.BadUsage;
        }

        // JUnit: the text output is captured case by case into the report; only the XML reaches stdout.
        var junit = format == "junit" ? new JUnitReport() : null;
        var session = new Session(junit is null ? stdout : new StringWriter(), accept, ci, options, junit);
        foreach (var file in files)
        {
            session.RunFile(file);
        }

        if (junit is null)
        {
            stdout.WriteLine($"{session.Passed} passed, {session.Failed} failed");
        }
        else
        {
            junit.Write(stdout);
        }

        // An initial state that cannot be used is unreadable input (spec §5: exit 2), not a campaign that changed.
        return session.BadStates > 0 ? ExitCodes.BadUsage : session.Failed > 0 ? ExitCodes.CampaignHasErrors : ExitCodes.Success;
    }

    private static IEnumerable<string> Discover(string folder) =>
        SourceTree.Files(folder, file => file.EndsWith(ScenarioReader.FileSuffix, StringComparison.Ordinal));

    private sealed class Session(TextWriter stdout, bool accept, bool ci, CompilationOptions options, JUnitReport? junit)
    {
        private readonly Dictionary<string, CampaignCompilation> campaigns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> snapshotOwners = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> warned = new(StringComparer.Ordinal);

        private int recordedFailures;

        public int Passed { get; private set; }

        public int Failed { get; private set; }

        /// <summary>Cases whose initial state could not be read or used.</summary>
        public int BadStates { get; private set; }

        public void RunFile(string path)
        {
            var shown = Display(path);
            Record(shown, "(scenario file)", () => RunCases(path, shown), onlyIfFailed: true);
        }

        /// <summary>Runs one unit (a case, or a scenario file's own checks) and, for JUnit, records what it printed.</summary>
        private void Record(string suite, string name, Action run, bool onlyIfFailed = false)
        {
            if (junit is null || stdout is not StringWriter captured)
            {
                run();
                return;
            }

            var text = captured.GetStringBuilder();
            var start = text.Length;
            var (failed, recorded) = (Failed, recordedFailures);

            // A unit fails for failures of its own, not for those of the cases inside it (already recorded).
            run();
            var details = text.ToString(start, text.Length - start);
            var failure = Failed - failed > recordedFailures - recorded ? FailureMessage(details) : null;
            if (failure is not null || !onlyIfFailed)
            {
                junit.Add(new JUnitReport.Case(suite, name, failure, details));
                recordedFailures += failure is null ? 0 : 1;
            }
        }

        /// <summary>The FAIL line without its marker, and the first problem under it, if any.</summary>
        private static string FailureMessage(string details)
        {
            var lines = details.Split('\n');
            var first = lines[0].TrimStart();
            var message = (first.StartsWith("FAIL", StringComparison.Ordinal) ? first["FAIL".Length..] : first).TrimStart();
            return lines.Length > 1 && lines[1].StartsWith("      ", StringComparison.Ordinal) ? $"{message}: {lines[1].Trim()}" : message;
        }

        private void RunCases(string path, string shown)
        {
            ScenarioFile? file;
            IReadOnlyList<Diagnostic> diagnostics;
            try
            {
                var size = new FileInfo(path).Length;
                var limit = CompilationOptions.Default.MaxFileSize;

                // Not read into memory just to say it is too large.
                (file, diagnostics) = size > limit
                    ? (null, ScenarioReader.TooLarge(shown, size, limit))
                    : ScenarioReader.Read(File.ReadAllText(path, Encoding.UTF8), shown);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stdout.WriteLine($"FAIL  {MessageText.EscapePath(shown)}: cannot read the file: {MessageText.EscapePath(ex.Message)}");
                Failed++;
                return;
            }

            if (file is null)
            {
                // The cases cannot be trusted, so the file counts as one failure.
                stdout.WriteLine($"FAIL  {MessageText.EscapePath(shown)}: the scenario file has errors");
                Print(diagnostics);
                Failed++;
                return;
            }

            var compilation = Compile(file.CampaignPath);
            var emitted = compilation.Emit();
            if (emitted.Campaign is not { } campaign)
            {
                foreach (var @case in file.Cases)
                {
                    Record(shown, @case.Name, () =>
                    {
                        stdout.WriteLine($"FAIL  {MessageText.EscapePath(shown)}: {@case.Name} (the campaign has errors)");
                        Failed++;
                    });
                }

                if (warned.Add(file.CampaignPath))
                {
                    Print(emitted.Diagnostics);
                }

                return;
            }

            if (warned.Add(file.CampaignPath))
            {
                // As 'check' would: warnings are shown once per campaign and fail nothing.
                Print(emitted.Diagnostics);
            }

            foreach (var @case in file.Cases)
            {
                var title = $"{MessageText.EscapePath(shown)}: {@case.Name}";
                if (@case.SnapshotPath is { } snapshot && !snapshotOwners.TryAdd(snapshot, title))
                {
                    // Two scenario files in one folder with a case of the same name would overwrite each other's snapshot.
                    Record(shown, @case.Name, () => Fail(title, $"its snapshot {MessageText.EscapePath(Display(snapshot))} is already used by {snapshotOwners[snapshot]}; set 'snapshot:' to another file"));
                    continue;
                }

                Record(shown, @case.Name, () =>
                {
                    try
                    {
                        RunCase(file, @case, campaign, title);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        Fail(title, "a file could not be read or written: " + MessageText.EscapePath(ex.Message));
                    }
                });
            }
        }

        private CampaignCompilation Compile(string campaignPath)
        {
            if (!campaigns.TryGetValue(campaignPath, out var compilation))
            {
                compilation = CampaignCompilation.FromFile(Display(campaignPath), options);
                campaigns[campaignPath] = compilation;
            }

            return compilation;
        }

        private void RunCase(ScenarioFile file, ScenarioCase @case, CompiledCampaign campaign, string title)
        {
            var result = ScenarioRunner.Run(file, @case, campaign);
            if (result.Snapshot is not { } actual)
            {
                BadStates += result.BadState ? 1 : 0;
                Fail(title, "the case cannot run");
                Print(result.Diagnostics);
                return;
            }

            var problems = new List<string>(result.Problems);
            string? diff = null;
            string? note = null;
            if (@case.SnapshotPath is { } verified)
            {
                var received = @case.ReceivedPath!;
                var approved = File.Exists(verified) ? File.ReadAllText(verified, Encoding.UTF8).ReplaceLineEndings("\n") : null;
                if (approved == actual)
                {
                    Delete(received);
                }
                else if (accept)
                {
                    Write(verified, actual);
                    Delete(received);
                    note = $"accepted {MessageText.EscapePath(Display(verified))}";
                }
                else if (approved is null && !ci)
                {
                    Write(verified, actual);
                    Delete(received);
                    note = $"new snapshot {MessageText.EscapePath(Display(verified))}; review and commit it";
                }
                else
                {
                    Write(received, actual);
                    if (approved is null)
                    {
                        problems.Add($"the snapshot {Display(verified)} is missing (CI=true); the output is in {Display(received)}; run 'womrules test --accept' and commit it");
                    }
                    else
                    {
                        problems.Add($"the output differs from {Display(verified)} (written to {Display(received)}; 'womrules test --accept' approves it):");
                        diff = UnifiedDiff.Create(Lines(approved), Lines(actual), "a/" + Display(verified), "b/" + Display(received));
                    }
                }
            }

            if (problems.Count == 0)
            {
                stdout.WriteLine(note is null ? $"PASS  {title}" : $"PASS  {title} ({note})");
                Passed++;
                return;
            }

            Fail(title, null);
            foreach (var problem in problems)
            {
                stdout.WriteLine("      " + MessageText.Escape(problem));
            }

            if (diff is not null)
            {
                stdout.Write(diff);
            }
        }

        private void Fail(string title, string? reason)
        {
            stdout.WriteLine(reason is null ? $"FAIL  {title}" : $"FAIL  {title} ({reason})");
            Failed++;
        }

        private void Print(IEnumerable<Diagnostic> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
            {
                stdout.WriteLine("      " + diagnostic);
            }
        }

        private static string[] Lines(string text) => text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');

        private static void Write(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));
        }

        private static void Delete(string path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        /// <summary>Paths relative to the current folder when below it, with '/' so output reads the same everywhere.</summary>
        private static string Display(string path)
        {
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
            return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
        }
    }
}
