using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using WomRules.Benchmarks.Workload;
using WomRules.Runtime;

namespace WomRules.Benchmarks.Evaluate;

/// <summary>
/// Evaluate only (issue 4, part 1): the 20-rule campaign over 10,000 pre-generated events (fixed seed) on three
/// engines. One operation is one event. Before timing, the three must give the same answer for every event.
/// </summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    public const int EventCount = 10_000;
    public const int ParticipantCount = 1_000;

    private BenchEvent[] events = [];
    private BenchMember[] members = [];
    private EventData[] eventData = [];
    private ParticipantState[] states = [];
    private RuleParameter[][] parameters = [];
    private CompiledCampaignEvaluator compiled = null!;
    private RulesEngineCampaign rulesEngine = null!;

    [GlobalSetup]
    public void Setup()
    {
        events = EventGenerator.Events(EventCount, ParticipantCount);
        members = EventGenerator.Members(ParticipantCount);
        compiled = new CompiledCampaignEvaluator(BenchCampaigns.Evaluate());
        eventData = [.. events.Select(compiled.ToEventData)];
        states = [.. members.Select(compiled.ToParticipant)];
        rulesEngine = new RulesEngineCampaign();
        parameters = [.. events.Select(e => RulesEngineCampaign.Parameters(e, members[e.ActorIndex], e.ReferrerIndex < 0 ? null : members[e.ReferrerIndex]))];
        CheckAgreement();
    }

    /// <summary>The three engines must agree on every event, or the timings compare different work.</summary>
    private void CheckAgreement()
    {
        var held = 0;
        for (var i = 0; i < events.Length; i++)
        {
            var a = HandWritten(i);
            var b = Compiled(i);
            var c = rulesEngine.Evaluate(events[i], parameters[i]);
            if (a != b || b != c)
            {
                throw new InvalidOperationException($"The engines disagree on event {events[i].Id} ({events[i].Type}): hand-written {a:x}, WomRules {b:x}, RulesEngine {c:x}.");
            }

            held += (a & 0xFFFF) != 0 ? 1 : 0;
        }

        if (held < events.Length / 2)
        {
            throw new InvalidOperationException($"Only {held} of {events.Length} events meet a condition: the workload proves little.");
        }
    }

    private int HandWritten(int i)
    {
        var e = events[i];
        return HandWrittenCampaign.Evaluate(e, members[e.ActorIndex], e.ReferrerIndex < 0 ? null : members[e.ReferrerIndex]);
    }

    private int Compiled(int i)
    {
        var e = events[i];
        return compiled.Evaluate(eventData[i], states[e.ActorIndex], e.ReferrerIndex < 0 ? null : states[e.ReferrerIndex]);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount, Description = "a: hand-written C#")]
    public int Hand_written()
    {
        var sum = 0;
        for (var i = 0; i < events.Length; i++)
        {
            sum += HandWritten(i);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = EventCount, Description = "b: WomRules compiled")]
    public int WomRules_compiled()
    {
        var sum = 0;
        for (var i = 0; i < events.Length; i++)
        {
            sum += Compiled(i);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = EventCount, Description = "c: RulesEngine 6.0.1")]
    public int RulesEngine_lambda()
    {
        var sum = 0;
        for (var i = 0; i < events.Length; i++)
        {
            sum += rulesEngine.Evaluate(events[i], parameters[i]);
        }

        return sum;
    }
}
