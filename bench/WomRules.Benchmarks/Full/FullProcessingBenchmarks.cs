using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using WomRules.Benchmarks.Workload;
using WomRules.Runtime;

namespace WomRules.Benchmarks.Full;

/// <summary>
/// Full processing (issue 4, part 2): one million events over 100,000 participants through a fresh engine with the
/// in-memory store, on one thread: duplicates, participants created on first sight, disclosures, limits, budget,
/// rewards, tiers and outcomes. One operation is one event, so events per second is 1e9 / Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 3)]
public class FullProcessingBenchmarks
{
    public const int EventCount = 1_000_000;
    public const int ParticipantCount = 100_000;

    private EngagementEvent[] events = [];
    private CompiledCampaign campaign = null!;
    private CampaignEngine engine = null!;
    private readonly List<Outcome> outcomes = [];

    /// <summary>Outcomes produced by the last invocation, for the allocation-per-outcome figure (see --report).</summary>
    public long OutcomeCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        campaign = BenchCampaigns.Evaluate();
        events = CreateEvents(EventCount, ParticipantCount);
    }

    /// <summary>
    /// A million events as a host hands them over. Attribute dictionaries come from a pool of 4,096 events, so the
    /// workload's own memory does not swamp the process; ids, actors, referrers and times are the events' own.
    /// </summary>
    public static EngagementEvent[] CreateEvents(int count, int participants)
    {
        var random = new Random(EventGenerator.Seed);
        var pool = new (string Type, Dictionary<string, object?> Attributes)[4096];
        for (var i = 0; i < pool.Length; i++)
        {
            var e = EventGenerator.Next(random, i, participants, default);
            pool[i] = (e.Type, e.Attributes());
        }

        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var events = new EngagementEvent[count];
        for (var i = 0; i < count; i++)
        {
            var (type, attributes) = pool[random.Next(pool.Length)];
            var actor = random.Next(participants);
            var referrer = type == "referral.converted" || random.Next(8) == 0 ? random.Next(participants) : -1;
            events[i] = new EngagementEvent(
                "e-" + i,
                type,
                start.AddSeconds(i * 3),
                "u-" + actor,
                referrer < 0 ? null : "u-" + referrer,
                attributes);
        }

        return events;
    }

    private EngagementEvent[] quietEvents = [];
    private EngagementEvent[] warmUp = [];

    [IterationSetup(Target = nameof(Process_all))]
    public void NewEngine() => engine = new CampaignEngine(campaign);

    /// <summary>An engine that already knows every participant, for events that produce nothing.</summary>
    [IterationSetup(Target = nameof(Process_no_outcome))]
    public void KnownParticipants()
    {
        if (quietEvents.Length == 0)
        {
            (warmUp, quietEvents) = (QuietEvents("w-", ParticipantCount, ParticipantCount), QuietEvents("q-", EventCount, ParticipantCount));
        }

        engine = new CampaignEngine(campaign);
        foreach (var e in warmUp)
        {
            engine.Process(e, outcomes);
        }

        outcomes.Clear();
    }

    /// <summary>Purchases too small for any rule, one per participant in turn: nothing fires, nothing changes.</summary>
    private static EngagementEvent[] QuietEvents(string prefix, int count, int participants)
    {
        var attributes = new Dictionary<string, object?> { ["order_total"] = 5.00m, ["items"] = 1L, ["channel"] = "store", ["first_order"] = false };
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, participants).Select(i => "u-" + i).ToArray();
        return [.. Enumerable.Range(0, count).Select(i => new EngagementEvent(prefix + i, "purchase.completed", start.AddSeconds(i), ids[i % participants], null, attributes))];
    }

    /// <summary>
    /// Events no rule fires on, from known participants: what the engine allocates beyond outcomes (the seen-id set
    /// grows by one id per event; nothing else should).
    /// </summary>
    [Benchmark(OperationsPerInvoke = EventCount, Description = "1M events, no outcome, known participants")]
    public long Process_no_outcome()
    {
        long produced = 0;
        foreach (var e in quietEvents)
        {
            produced += engine.Process(e, outcomes);
        }

        if (produced != 0)
        {
            throw new InvalidOperationException($"{produced} outcomes from events meant to produce none.");
        }

        return produced;
    }

    [Benchmark(OperationsPerInvoke = EventCount, Description = "1M events, 100k participants")]
    public long Process_all()
    {
        long produced = 0;
        foreach (var e in events)
        {
            produced += engine.Process(e, outcomes);
            outcomes.Clear();
        }

        OutcomeCount = produced;
        return produced;
    }
}
