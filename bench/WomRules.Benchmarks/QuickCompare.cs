using System.Diagnostics;
using System.Globalization;
using WomRules.Benchmarks.Evaluate;

namespace WomRules.Benchmarks;

/// <summary>
/// <c>--quick</c>: the evaluate-only comparison without BenchmarkDotNet, interleaving the engines and keeping the
/// fastest of many rounds. The minimum resists a busy machine (a round that lost the CPU is simply not the
/// minimum), so it is the figure to watch while optimizing; the BenchmarkDotNet run remains the one to report.
/// </summary>
internal static class QuickCompare
{
    public static int Run()
    {
        var bench = new EvaluateBenchmarks();
        bench.Setup();
        var best = new[] { double.MaxValue, double.MaxValue, double.MaxValue };
        for (var round = 0; round < 40; round++)
        {
            best[0] = Math.Min(best[0], Time(() => bench.Hand_written()));
            best[1] = Math.Min(best[1], Time(() => bench.WomRules_compiled()));
            if (round % 8 == 0)
            {
                best[2] = Math.Min(best[2], Time(() => bench.RulesEngine_lambda()));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fastest of 40 rounds, ns per event: a hand-written {best[0]:F1}, b WomRules {best[1]:F1}, c RulesEngine {best[2]:F0}; b/a {best[1] / best[0]:F2}, c/b {best[2] / best[1]:F0}"));

        var full = new Full.FullProcessingBenchmarks();
        full.Setup();
        var fastest = double.MaxValue;
        long bytes = 0;
        for (var round = 0; round < 3; round++)
        {
            full.NewEngine();
            var before = GC.GetAllocatedBytesForCurrentThread();
            fastest = Math.Min(fastest, Time(() => (int)full.Process_all()) * EvaluateBenchmarks.EventCount / Full.FullProcessingBenchmarks.EventCount);
            bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full processing, fastest of 3: {fastest:F0} ns per event = {1e9 / fastest:N0} events/s, {bytes / Full.FullProcessingBenchmarks.EventCount} B per event, {full.OutcomeCount / (double)Full.FullProcessingBenchmarks.EventCount:F2} outcomes per event"));
        return 0;
    }

    private static double Time(Func<int> run)
    {
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalNanoseconds / EvaluateBenchmarks.EventCount;
    }
}
