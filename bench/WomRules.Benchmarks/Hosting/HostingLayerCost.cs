using System.Diagnostics;
using System.Globalization;

namespace WomRules.Benchmarks.Hosting;

/// <summary>
/// <c>--hosting-layer</c>: what the hosting layer costs per request in nanoseconds, apart from any workload. The
/// evaluate workload's events are sent once to a bare engine and once to a host, and then again, timed: every event is
/// now a duplicate, which the engine answers after parsing it and finding its id, so the difference between the two
/// is the layer (lookup, lock, store calls, counters, result, and with metrics on the timestamps and the histogram)
/// on an engine doing little. Forty interleaved rounds, medians.
/// </summary>
internal static class HostingLayerCost
{
    public static int Run()
    {
        foreach (var metricsOn in new[] { false, true })
        {
            var bench = new HostingOverheadBenchmarks();
            bench.SetupNoListener();
            using var meters = metricsOn ? bench.StartMetrics() : null;
            bench.NewEngineCampaignStore();
            bench.Bare_engine();
            bench.NewHost();
            bench.Hosted_metrics();
            var bare = new double[40];
            var hosted = new double[40];
            for (var round = 0; round < bare.Length; round++)
            {
                bare[round] = Time(bench.Bare_engine, bench.Events);
                hosted[round] = Time(bench.Hosted_metrics, bench.Events);
            }

            bench.StopHost();
            Array.Sort(bare);
            Array.Sort(hosted);
            var mid = bare.Length / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"metrics {(metricsOn ? "on" : "off")}: a duplicate event takes {bare[mid]:F0} ns bare and {hosted[mid]:F0} ns hosted (medians of {bare.Length} rounds of {bench.Events}): the layer, {hosted[mid] - bare[mid]:F0} ns a request"));
        }

        return 0;
    }

    private static double Time(Func<int> run, int events)
    {
        var watch = Stopwatch.StartNew();
        run();
        return watch.Elapsed.TotalNanoseconds / events;
    }
}
