using System.Diagnostics;
using System.Globalization;

namespace WomRules.Benchmarks.Hosting;

/// <summary>
/// <c>--hosting</c>: the hosting-overhead comparison without BenchmarkDotNet, the variants interleaved round by round
/// (each round from a fresh engine or host) and the fastest round of each kept, which resists a busy machine.
/// </summary>
internal static class HostingQuickCompare
{
    public static int Run(int rounds = 20)
    {
        var bench = new HostingOverheadBenchmarks();
        var names = new[] { "bare engine", "hosted, no listener (metrics off)", "hosted, metrics on", "hosted, metrics and tracing on" };
        var best = new[] { double.MaxValue, double.MaxValue, double.MaxValue, double.MaxValue };
        var bytes = new double[names.Length];
        bench.SetupNoListener();
        for (var round = 0; round < rounds; round++)
        {
            bench.NewEngineCampaignStore();
            best[0] = Math.Min(best[0], Time(() => bench.Bare_engine(), out bytes[0]));
            bench.NewHost();
            best[1] = Math.Min(best[1], Time(() => bench.Hosted_no_listener(), out bytes[1]));
            bench.StopHost();
            using (bench.StartMetrics())
            {
                bench.NewHost();
                best[2] = Math.Min(best[2], Time(() => bench.Hosted_metrics(), out bytes[2]));
                bench.StopHost();
                using (bench.StartTracing())
                {
                    bench.NewHost();
                    best[3] = Math.Min(best[3], Time(() => bench.Hosted_metrics_and_tracing(), out bytes[3]));
                    bench.StopHost();
                }
            }
        }

        bench.Cleanup();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fastest of {rounds} rounds of {HostingOverheadBenchmarks.EventCount} events, ns per event:"));
        for (var i = 0; i < names.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {names[i]}: {best[i]:F0} ({(best[i] / best[0] - 1) * 100:+0.0;-0.0}% against the bare engine), {bytes[i]:F0} bytes allocated"));
        }

        return 0;
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

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{variant}: {bench.Events} events, {nanoseconds:F0} ns and {bytes:F0} bytes allocated per event"));
        return 0;
    }

    // Allocation per event is exact and repeatable (the run is on this thread), unlike time on a shared machine.
    private static double Time(Func<int> run, out double bytes)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        run();
        var nanoseconds = watch.Elapsed.TotalNanoseconds / HostingOverheadBenchmarks.EventCount;
        bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / HostingOverheadBenchmarks.EventCount;
        return nanoseconds;
    }
}
