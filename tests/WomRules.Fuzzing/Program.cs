using System.Globalization;
using WomRules.Fuzzing;

// The long run (docs/fuzzing.md): dotnet run --project tests/WomRules.Fuzzing -c Release -- --minutes 30 --seed N
var options = new FuzzOptions { Duration = TimeSpan.FromMinutes(5), FailuresFolder = "fuzz-failures" };
int? replay = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--minutes": options = options with { Duration = TimeSpan.FromMinutes(double.Parse(Value(), CultureInfo.InvariantCulture)), Cases = null }; break;
        case "--cases": options = options with { Cases = int.Parse(Value(), CultureInfo.InvariantCulture), Duration = null }; break;
        case "--seed": options = options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--replay": replay = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--out": options = options with { FailuresFolder = Value() }; break;
        case "--timeout": options = options with { Timeout = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) }; break;
        case "--isolate": options = options with { Isolate = true }; break;
        case "--include-known": options = options with { IncludeKnown = true }; break;
        case "--verbose": options = options with { Verbose = true }; break;
        case "--strict": options = options with { Known = [] }; break;
        case "-h" or "--help":
            Console.WriteLine("""
                usage: dotnet run --project tests/WomRules.Fuzzing -c Release -- [options]
                  --minutes M       run for M minutes (default 5)
                  --cases N         run N cases instead
                  --seed S          the run's seed (default 1); every failure prints its own case seed
                  --replay C        run the one case C again (its seed, as a failure printed it)
                  --out DIR         write each failing case's files to DIR/<case seed>/ (default fuzz-failures)
                  --timeout S       per-command time limit in seconds (default 10)
                  --isolate         run every command in a child process (contains hangs, crashes and out-of-memory)
                  --include-known   also run the inputs a known defect skips (use with --isolate)
                  --verbose         print each case's seed as it starts
                  --strict          tolerate no known defect: every finding fails
                exit codes: 0 no new finding; 1 new findings (listed above the summary); 2 bad usage
                """);
            return 0;
        default:
            Console.Error.WriteLine($"unknown option '{args[i]}' (--help lists them)");
            return 2;
    }
}

var summary = replay is { } one
    ? Fuzzer.Run(options with { Cases = 1, Duration = null }, [one], Console.Out)
    : Fuzzer.Run(options, Console.Out);
Console.WriteLine(Report.Summary(summary, options));
return summary.NewFindings.Count == 0 ? 0 : 1;
