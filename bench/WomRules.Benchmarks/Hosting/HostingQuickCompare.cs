using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace WomRules.Benchmarks.Hosting;

/// <summary>
/// <c>--hosting</c>: the hosting-overhead comparison without BenchmarkDotNet. Each round runs the four variants one
/// after the other, each from a fresh engine or host and a collected heap, in an order that turns with the round. The
/// overhead is the median over rounds of each round's own ratio to its bare-engine run, so a machine whose speed drifts
/// (a shared one) moves both sides of a ratio alike. Every figure is given twice: wall time, and wall time less the
/// garbage collector's pauses. A run of 20,000 events here takes one or two gen0 collections of 10 to 15 ms, which
/// promote the state the run built; that work is the same for every variant, but whether a run gets one or two of them
/// moves its time by up to 30%.
/// </summary>
internal static class HostingQuickCompare
{
    public static int Run(int rounds = 30)
    {
        var bench = new HostingOverheadBenchmarks();
        var names = new[] { "bare engine", "hosted, metrics off", "hosted, metrics on", "hosted, metrics and tracing on", $"hosted, metrics on, batches of {HostingOverheadBenchmarks.BatchSize}", "hosted, metrics on, outcomes into the caller's list", "hosted, metrics on but the outcome counters", "hosted, metrics on but the duration histogram" };
        var wall = new double[names.Length, rounds];
        var cpu = new double[names.Length, rounds];
        var bytes = new double[names.Length];
        var collections = new int[names.Length];
        bench.SetupNoListener();
        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < names.Length; step++)
            {
                var variant = (round + step) % names.Length;
                var run = RunVariant(bench, variant);
                wall[variant, round] = run.Nanoseconds;
                cpu[variant, round] = run.Nanoseconds - run.PauseNanoseconds;
                bytes[variant] = run.Bytes;
                collections[variant] += run.Collections;
            }
        }

        bench.Cleanup();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds of {HostingOverheadBenchmarks.EventCount} events; per event: median ns, and the median of each round's ratio to the bare engine"));
        Console.WriteLine("  variant: wall time | wall time less GC pauses | bytes allocated | gen0 collections per run");
        for (var i = 0; i < names.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {names[i]}: {Median(wall, i, _ => 1):F0} ns ({Overhead(wall, i)}) | {Median(cpu, i, _ => 1):F0} ns ({Overhead(cpu, i)}) | {bytes[i]:F0} B | {(double)collections[i] / rounds:F1}"));
        }

        return 0;
    }

    private static string Overhead(double[,] times, int variant) =>
        string.Create(CultureInfo.InvariantCulture, $"{(Median(times, variant, r => times[0, r]) - 1) * 100:+0.0;-0.0}%");

    // The median over rounds of times[variant, r] / divisor(r).
    private static double Median(double[,] times, int variant, Func<int, double> divisor)
    {
        var values = new double[times.GetLength(1)];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = times[variant, r] / divisor(r);
        }

        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static RunFigures RunVariant(HostingOverheadBenchmarks bench, int variant)
    {
        if (variant == 0)
        {
            bench.NewEngineCampaignStore();
            return Time(() => bench.Bare_engine());
        }

        // The last two leave one part of metrics off, to show what each costs: counting outcomes, timing events.
        using var meters = variant switch
        {
            6 => bench.StartMetrics(i => i.Name is "womrules.events" or "womrules.event.duration" or "womrules.budget.remaining"),
            7 => bench.StartMetrics(i => i.Name != "womrules.event.duration"),
            >= 2 => bench.StartMetrics(),
            _ => null,
        };
        using var spans = variant == 3 ? bench.StartTracing() : null;
        bench.NewHost();
        try
        {
            // One collection of the observable counters per run of 20,000 events: far more often than an exporter
            // collects (every 60 s by default), so their cost is not left out.
            Func<int> run = variant switch
            {
                4 => bench.Hosted_metrics_batches,
                5 => bench.Hosted_metrics_into,
                _ => bench.Hosted_metrics,
            };
            return Time(() => run() + Collect(meters));
        }
        finally
        {
            bench.StopHost();
        }
    }

    /// <summary>
    /// <c>--hosting-one VARIANT [EVENTS]</c> (bare, off, metrics, tracing): one variant, once, in its own process: for
    /// counting instructions under <c>valgrind --tool=callgrind</c>, where two runs with different event counts give the
    /// instructions per event without start-up, JIT and set-up (their difference over the difference in events).
    /// </summary>
    public static int RunOne(string variant, int events)
    {
        var bench = new HostingOverheadBenchmarks();
        bench.SetupNoListener();
        bench.Limit(events);
        using var meters = variant is "metrics" or "tracing" ? bench.StartMetrics() : null;
        using var spans = variant == "tracing" ? bench.StartTracing() : null;
        Func<int> run;
        if (variant == "bare")
        {
            bench.NewEngineCampaignStore();
            run = bench.Bare_engine;
        }
        else if (variant == "inhost")
        {
            // The host's own engine, driven directly: separates the engine's work inside a host from the layer's.
            bench.NewHost();
            bench.UseHostEngine();
            run = bench.Bare_engine;
        }
        else if (variant is "off" or "metrics" or "tracing")
        {
            bench.NewHost();
            run = bench.Hosted_metrics;
        }
        else
        {
            Console.Error.WriteLine("usage: --hosting-one bare|off|metrics|tracing [events]");
            return 2;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        run();
        var nanoseconds = watch.Elapsed.TotalNanoseconds / bench.Events;
        var bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / bench.Events;
        if (variant != "bare")
        {
            bench.StopHost();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{variant}: {bench.Events} events, {nanoseconds:F0} ns and {bytes:F0} bytes allocated per event; {GC.CollectionCount(0)} collections"));
        return 0;
    }

    private static int Collect(MeterListener? meters)
    {
        meters?.RecordObservableInstruments();
        return 0;
    }

    // Allocation per event is exact and repeatable (the run is on this thread), unlike time on a shared machine.
    private static RunFigures Time(Func<int> run)
    {
        // As BenchmarkDotNet does before each iteration: the set-up's garbage, and the variant's before, is not collected
        // inside this run's time.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var pause = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        run();
        var elapsed = watch.Elapsed;
        const int events = HostingOverheadBenchmarks.EventCount;
        return new RunFigures(
            elapsed.TotalNanoseconds / events,
            (GC.GetTotalPauseDuration() - pause).TotalNanoseconds / events,
            (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / events,
            GC.CollectionCount(0) - collections);
    }

    private readonly record struct RunFigures(double Nanoseconds, double PauseNanoseconds, double Bytes, int Collections);
}
