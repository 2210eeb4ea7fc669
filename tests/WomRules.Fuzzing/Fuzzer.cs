using System.Diagnostics;

namespace WomRules.Fuzzing;

/// <summary>The loop: generate case after case from the run's seed, run each, sort its findings into known and new.</summary>
internal static class Fuzzer
{
    private static readonly Lazy<Corpus> SharedCorpus = new(Corpus.Load);

    public static Corpus Corpus => SharedCorpus.Value;

    /// <summary>Case <paramref name="index"/>'s seed: a SplitMix64 step of the run's seed and the index, so that any case can be replayed alone.</summary>
    public static int CaseSeed(int runSeed, int index)
    {
        var z = unchecked(((ulong)(uint)runSeed << 32) + (ulong)index + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    public static FuzzSummary Run(FuzzOptions options, TextWriter log) =>
        Run(options, Enumerable.Range(0, int.MaxValue).Select(i => CaseSeed(options.Seed, i)), log);

    /// <summary>Runs the given case seeds (a replay runs one).</summary>
    public static FuzzSummary Run(FuzzOptions options, IEnumerable<int> caseSeeds, TextWriter log)
    {
        var cli = options.Isolate ? (ICli)new ChildProcessCli(options.Timeout) : new InProcessCli(options.Timeout);
        var runner = new CaseRunner(cli);
        var corpus = Corpus;
        var clock = Stopwatch.StartNew();
        var byTarget = Enum.GetValues<FuzzTarget>().ToDictionary(t => t, _ => 0);
        var newFindings = new List<(FuzzCase, Finding)>();
        var knownFindings = new List<(FuzzCase, Finding, KnownDefect)>();
        var skipped = new List<(FuzzCase, KnownDefect)>();
        int cases = 0, commands = 0, budgetChecks = 0, roundTrips = 0;
        var work = Directory.CreateTempSubdirectory("womrules-fuzz-").FullName;
        try
        {
            foreach (var seed in caseSeeds)
            {
                if ((options.Cases is { } max && cases >= max) || (options.Duration is { } duration && clock.Elapsed >= duration))
                {
                    break;
                }

                var fuzzCase = FuzzCase.Generate(seed, corpus);
                cases++;
                if (options.Verbose)
                {
                    log.WriteLine($"case {seed}: {fuzzCase.Target} from {fuzzCase.Origin}, {clock.Elapsed.TotalSeconds:F1} s");
                }

                byTarget[fuzzCase.Target]++;
                if (!options.IncludeKnown && options.Known.FirstOrDefault(k => k.Skips?.Invoke(fuzzCase) == true) is { } skip)
                {
                    skipped.Add((fuzzCase, skip));
                    continue;
                }

                var folder = Path.Combine(work, seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var report = runner.Run(fuzzCase, folder);
                commands += report.Commands;
                budgetChecks += report.BudgetChecked ? 1 : 0;
                roundTrips += report.RoundTripCompared ? 1 : 0;
                var fresh = new List<Finding>();
                foreach (var finding in report.Findings)
                {
                    if (options.Known.FirstOrDefault(k => k.Covers(fuzzCase, finding)) is { } known)
                    {
                        knownFindings.Add((fuzzCase, finding, known));
                    }
                    else
                    {
                        fresh.Add(finding);
                        newFindings.Add((fuzzCase, finding));
                    }
                }

                if (fresh.Count > 0)
                {
                    Report(fuzzCase, fresh, options, folder, log);
                }

                Directory.Delete(folder, recursive: true);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A hung in-process command may still hold a file; the temporary folder is left behind.
            }
        }

        return new FuzzSummary(cases, commands, byTarget, budgetChecks, roundTrips, newFindings, knownFindings, skipped, clock.Elapsed);
    }

    /// <summary>Prints the case's seed and findings, and keeps its files (with the commands to reproduce) in the failures folder.</summary>
    private static void Report(FuzzCase fuzzCase, IReadOnlyList<Finding> findings, FuzzOptions options, string folder, TextWriter log)
    {
        log.WriteLine($"FAIL case {fuzzCase.Seed} ({fuzzCase.Target} from {fuzzCase.Origin}); replay: dotnet run --project tests/WomRules.Fuzzing -- --replay {fuzzCase.Seed}");
        foreach (var finding in findings)
        {
            log.WriteLine("     " + finding);
        }

        if (options.FailuresFolder is null)
        {
            return;
        }

        var target = Path.Combine(options.FailuresFolder, fuzzCase.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllLines(Path.Combine(target, "findings.txt"),
        [
            $"case {fuzzCase.Seed}: {fuzzCase.Target} mutated from {fuzzCase.Origin}",
            $"replay: dotnet run --project tests/WomRules.Fuzzing -- --replay {fuzzCase.Seed}",
            "commands ran in a temporary folder holding these files; paths below are that folder's.",
            "",
            .. findings.Select(f => f.ToString()),
        ]);
        log.WriteLine($"     files: {target}");
    }
}
