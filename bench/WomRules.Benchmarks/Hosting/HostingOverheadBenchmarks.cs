using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WomRules.Benchmarks.Workload;
using WomRules.Hosting;
using WomRules.Runtime;

namespace WomRules.Benchmarks.Hosting;

/// <summary>
/// The hosting layer's cost per event (issue 14, docs/performance.md): the same JSON lines through a bare
/// <see cref="CampaignEngine.ProcessJson(string, ICollection{Outcome})"/>, and one request per event through
/// <see cref="ICampaignRuntime.ProcessJsonAsync"/> with a <see cref="MeterListener"/> taking every WomRules
/// measurement, without and with an <see cref="ActivityListener"/> recording every span. Each iteration starts from a
/// fresh engine or host, so every event is new (no duplicates). One operation is one event.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 5, invocationCount: 1)]
public class HostingOverheadBenchmarks
{
    public const int EventCount = 20_000;
    private const int Participants = 5_000;

    // Untimed events each fresh engine or host gets first: a host compiles its own campaign, whose delegates are
    // JIT-compiled on their first calls; the bare engine's campaign was compiled once. Both then start from one state.
    private const int WarmUpCount = 2_000;

    private readonly List<Outcome> outcomes = [];
    private string[] lines = [];
    private string[] warmUp = [];
    private CompiledCampaign campaign = null!;
    private CampaignEngine engine = null!;
    private Microsoft.Extensions.Hosting.IHost? host;
    private ICampaignRuntime runtime = null!;
    private MeterListener? meters;
    private ActivityListener? spans;
    private long measurements;

    [GlobalSetup]
    public void Setup()
    {
        campaign = BenchCampaigns.Evaluate();
        lines = Lines(EventCount, "e-", EventGenerator.Seed);
        warmUp = Lines(WarmUpCount, "w-", EventGenerator.Seed + 1);
        meters = StartMetrics();
    }

    /// <summary>
    /// Takes every WomRules measurement with the cheapest callback a listener can have (a plain add, no tag lookup):
    /// the floor of what an exporter does per measurement, so the figure is the hosting layer's own cost.
    /// </summary>
    public MeterListener StartMetrics() => StartMetrics(_ => true);

    /// <summary>As <see cref="StartMetrics()"/>, on the WomRules instruments <paramref name="which"/> picks.</summary>
    public MeterListener StartMetrics(Func<Instrument, bool> which)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WomRulesTelemetry.MeterName && which(instrument))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => measurements += value);
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => measurements++);
        listener.Start();
        return listener;
    }

    /// <summary>No listener on the WomRules meter (metrics off): what the lock, the call and the result cost alone.</summary>
    [GlobalSetup(Target = nameof(Hosted_no_listener))]
    public void SetupNoListener()
    {
        campaign = BenchCampaigns.Evaluate();
        lines = Lines(EventCount, "e-", EventGenerator.Seed);
        warmUp = Lines(WarmUpCount, "w-", EventGenerator.Seed + 1);
    }

    [GlobalSetup(Target = nameof(Hosted_metrics_and_tracing))]
    public void SetupTracing()
    {
        Setup();
        spans = StartTracing();
    }

    /// <summary>Records every WomRules span, as an exporter sampling all of them would.</summary>
    public ActivityListener StartTracing()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == WomRulesTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => measurements++,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>Keeps the first <paramref name="count"/> events only, or makes that many (<c>--hosting-one</c>, for instruction counts).</summary>
    public void Limit(int count) => lines = count <= lines.Length ? lines[..count] : Lines(count, "e-", EventGenerator.Seed);

    public int Events => lines.Length;

    [GlobalCleanup]
    public void Cleanup()
    {
        meters?.Dispose();
        spans?.Dispose();
        spans = null;
    }

    [IterationSetup(Target = nameof(Bare_engine))]
    public void NewEngine()
    {
        engine = new CampaignEngine(campaign);
        WarmBare();
    }

    // The hosting layer's engine runs over a store made with the campaign (for reversible_for and accept_late).
    [IterationSetup(Target = nameof(Bare_engine_campaign_store))]
    public void NewEngineCampaignStore()
    {
        engine = new CampaignEngine(campaign, new InMemoryParticipantStore(campaign));
        WarmBare();
    }

    private void WarmBare()
    {
        foreach (var line in warmUp)
        {
            outcomes.Clear();
            engine.ProcessJson(line, outcomes);
        }
    }

    [IterationSetup(Targets = [nameof(Hosted_no_listener), nameof(Hosted_metrics), nameof(Hosted_metrics_and_tracing)])]
    public void NewHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddWomRules().AddCampaignFile(BenchCampaigns.EvaluatePath).Configure(o => o.HotReload = false);
        host = builder.Build();
        host.StartAsync().GetAwaiter().GetResult();
        runtime = host.Services.GetRequiredService<ICampaignRuntime>();
        foreach (var line in warmUp)
        {
            runtime.ProcessJsonAsync(campaign.Id, line).GetAwaiter().GetResult();
        }
    }

    /// <summary>Points the bare benchmark at the engine inside the host just built (<c>--hosting-one inhost</c>).</summary>
    public void UseHostEngine() =>
        engine = ((CampaignRuntime)runtime).SlotFor(campaign.Id).State.Engine;

    [IterationCleanup(Targets = [nameof(Hosted_no_listener), nameof(Hosted_metrics), nameof(Hosted_metrics_and_tracing)])]
    public void StopHost()
    {
        host!.StopAsync().GetAwaiter().GetResult();
        host.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount)]
    public int Bare_engine()
    {
        var total = 0;
        foreach (var line in lines)
        {
            outcomes.Clear();
            total += engine.ProcessJson(line, outcomes);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = EventCount)]
    public int Bare_engine_campaign_store() => Bare_engine();

    [Benchmark(OperationsPerInvoke = EventCount)]
    public int Hosted_no_listener() => Hosted();

    [Benchmark(OperationsPerInvoke = EventCount)]
    public int Hosted_metrics()
    {
        var total = Hosted();

        // The counters are observable: their cost per event includes a collection (one per run, far more often than an
        // exporter's every 60 s).
        meters?.RecordObservableInstruments();
        return total;
    }

    [Benchmark(OperationsPerInvoke = EventCount)]
    public int Hosted_metrics_and_tracing() => Hosted_metrics();

    /// <summary>
    /// One request per event through <see cref="ICampaignRuntime.ProcessJsonIntoAsync"/>, the outcomes going to one
    /// reused list as the bare engine's do (metrics on): the like-for-like comparison with <see cref="Bare_engine"/>.
    /// </summary>
    public int Hosted_metrics_into()
    {
        var total = 0;
        foreach (var line in lines)
        {
            outcomes.Clear();
            runtime.ProcessJsonIntoAsync(campaign.Id, line, outcomes).GetAwaiter().GetResult();
            total += outcomes.Count;
        }

        meters?.RecordObservableInstruments();
        return total;
    }

    /// <summary>Batches of <see cref="BatchSize"/> events, one request each (metrics on): the request's cost paid once per batch.</summary>
    public const int BatchSize = 100;

    public int Hosted_metrics_batches()
    {
        var total = 0;
        for (var from = 0; from < lines.Length; from += BatchSize)
        {
            var batch = new ArraySegment<string>(lines, from, Math.Min(BatchSize, lines.Length - from));
            total += runtime.ProcessJsonLinesAsync(campaign.Id, batch).GetAwaiter().GetResult().Outcomes.Count;
        }

        meters?.RecordObservableInstruments();
        return total;
    }

    private int Hosted()
    {
        var total = 0;
        foreach (var line in lines)
        {
            // Uncontended, the per-campaign lock is taken synchronously, so the ValueTask completes at once.
            total += runtime.ProcessJsonAsync(campaign.Id, line).GetAwaiter().GetResult().Outcomes.Count;
        }

        return total;
    }

    /// <summary>The evaluate-only workload's events as JSON lines (as the CLI benchmark writes them), unique ids.</summary>
    private static string[] Lines(int count, string idPrefix, int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        var result = new string[count];
        using var buffer = new MemoryStream();
        for (var i = 0; i < count; i++)
        {
            var e = EventGenerator.Next(random, i, Participants, start.AddSeconds(i * 3));
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                e.WriteJson(writer, idPrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            result[i] = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        return result;
    }
}
