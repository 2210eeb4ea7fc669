using BenchmarkDotNet.Attributes;
using WomRules.Benchmarks.Evaluate;
using WomRules.Binding;
using WomRules.Runtime;

namespace WomRules.Benchmarks.Scaling;

/// <summary>
/// Scaling (issue 4, part 3): per-event cost as the campaign grows from 10 to 1,000 rules over 50 event types, for
/// 10,000 events of a type that keeps 5 rules. Dispatch by type should keep the cost flat.
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    public const int EventCount = 10_000;

    private EventData[] events = [];
    private ParticipantState participant = null!;
    private CompiledCampaignEvaluator evaluator = null!;

    [Params(10, 100, 1_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var campaign = BenchCampaigns.Compile(ScalingCampaign.Yaml(Rules), $"scaling-{Rules}.yaml");
        evaluator = new CompiledCampaignEvaluator(campaign);
        participant = new ParticipantState(campaign.Schema, "u-1");
        var type = campaign.Dispatch["t00"].Symbol;
        var random = new Random(Workload.EventGenerator.Seed);
        string[] channels = ["web", "app", "store"];
        var at = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        events = new EventData[EventCount];
        for (var i = 0; i < events.Length; i++)
        {
            var values = new object?[type.Attributes.Length];
            values[Slot(type, "amount")] = (long)random.Next(0, 10);
            values[Slot(type, "total")] = (decimal)random.Next(0, 20000) / 100;
            values[Slot(type, "channel")] = channels[random.Next(channels.Length)];
            events[i] = new EventData();
            events[i].Fill("e-" + i, type, at, "u-1", "", values);
        }
    }

    private static int Slot(EventTypeSymbol type, string name) => type.Attributes.First(a => a.Name == name).Slot;

    [Benchmark(OperationsPerInvoke = EventCount, Description = "evaluate, 5 rules of its own type")]
    public int Evaluate()
    {
        var sum = 0;
        foreach (var e in events)
        {
            sum += evaluator.Evaluate(e, participant, null);
        }

        return sum;
    }
}
