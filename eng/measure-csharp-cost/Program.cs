// Measures what C# rules cost (issue 6): the first compilation in a process (Roslyn cold), a compilation of new
// source once Roslyn is warm, a cache hit (same source), and the time per event of a C# rule against the same rule
// in the campaign language. Figures go to docs/csharp.md. Not a unit test: timings vary by machine.
using System.Diagnostics;
using System.Globalization;
using WomRules;
using WomRules.CSharp;
using WomRules.Runtime;

const string Header = """
    womrules: 1
    campaign: cost
    events:
      review.posted:
        rating: int
        text: string
    counters: [reviews]
    budget: { points: 1000000000000 }
    rules:
      - name: points
        on: review.posted

    """;

const string Native = Header + """
        when: event.rating >= 4 and len(event.text) >= 5 and event.referrer != event.actor
        rewards:
          - { points: 'min(event.rating * 10, 40) + participant.reviews % 3', counter: reviews }
    """;

string CSharp(int salt) => Header + $$"""
        lang: csharp
        when: Event.Rating >= 4 && Event.Text.Length >= 5 && Event.Referrer != Event.Actor && {{salt}} >= 0
        rewards:
          - { points: 'Math.Min(Event.Rating * 10, 40) + Participant.Reviews % 3', counter: reviews }
    """;

var options = CompilationOptions.Default.WithCSharp();
CompiledCampaign Compile(string yaml)
{
    var result = CampaignCompilation.Create(yaml, "cost.yaml", options).Emit();
    return result.Campaign ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
}

var clock = Stopwatch.StartNew();
var csharpCampaign = Compile(CSharp(0));
var cold = clock.Elapsed.TotalMilliseconds;

var warm = new List<double>();
for (var i = 1; i <= 20; i++)
{
    clock.Restart();
    Compile(CSharp(i));
    warm.Add(clock.Elapsed.TotalMilliseconds);
}

var hits = new List<double>();
for (var i = 0; i < 20; i++)
{
    clock.Restart();
    Compile(CSharp(1));
    hits.Add(clock.Elapsed.TotalMilliseconds);
}

var nativeCompile = new List<double>();
for (var i = 0; i < 20; i++)
{
    clock.Restart();
    Compile(Native);
    nativeCompile.Add(clock.Elapsed.TotalMilliseconds);
}

var nativeCampaign = Compile(Native);
var events = Enumerable.Range(0, 1000).Select(i => new EngagementEvent(
    "e-" + i.ToString(CultureInfo.InvariantCulture), "review.posted", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero),
    Actor: "u-" + (i % 50).ToString(CultureInfo.InvariantCulture), Referrer: null,
    Attributes: new Dictionary<string, object?> { ["rating"] = (long)(i % 5 + 1), ["text"] = "a fine product" })).ToArray();

double PerEvent(CompiledCampaign campaign)
{
    var best = double.MaxValue;
    for (var round = 0; round < 7; round++)
    {
        var engine = new CampaignEngine(campaign);
        clock.Restart();
        foreach (var e in events)
        {
            engine.Process(e);
        }

        best = Math.Min(best, clock.Elapsed.TotalMilliseconds * 1_000_000 / events.Length);
    }

    return best;
}

PerEvent(nativeCampaign);
PerEvent(csharpCampaign);
var nativeNs = PerEvent(nativeCampaign);
var csharpNs = PerEvent(csharpCampaign);

// The delegates alone, without the engine: the rule's condition and its points amount, on one event.
(double When, double Points) PerCall(CompiledCampaign campaign)
{
    var rule = campaign.Dispatch["review.posted"].Rules[0];
    var context = new EvaluationContext
    {
        Event = new EventData("e-1", campaign.Bound.EventTypes["review.posted"], DateTime.UtcNow, "u-1", "", [5L, "a fine product"]),
        Participant = new ParticipantState(campaign.Schema, "u-1"),
    };
    const int calls = 5_000_000;
    var when = rule.When!;
    var points = rule.Rewards[0].Points!;
    double bestWhen = double.MaxValue, bestPoints = double.MaxValue;
    for (var round = 0; round < 5; round++)
    {
        var hits = 0;
        clock.Restart();
        for (var i = 0; i < calls; i++)
        {
            hits += when(context) ? 1 : 0;
        }

        bestWhen = Math.Min(bestWhen, clock.Elapsed.TotalMilliseconds * 1_000_000 / calls);
        long sum = 0;
        clock.Restart();
        for (var i = 0; i < calls; i++)
        {
            sum += points(context);
        }

        bestPoints = Math.Min(bestPoints, clock.Elapsed.TotalMilliseconds * 1_000_000 / calls);
        GC.KeepAlive(hits + sum);
    }

    return (bestWhen, bestPoints);
}

var nativeCall = PerCall(nativeCampaign);
var csharpCall = PerCall(csharpCampaign);

static string Median(List<double> values) => values.Order().ElementAt(values.Count / 2).ToString("0.00", CultureInfo.InvariantCulture);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold compile (first C# campaign in the process): {cold:0} ms"));
Console.WriteLine($"warm compile (new C# source, median of 20):       {Median(warm)} ms");
Console.WriteLine($"cache hit (same C# source, median of 20):         {Median(hits)} ms");
Console.WriteLine($"native campaign compile (median of 20):           {Median(nativeCompile)} ms");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per event, native rule (best of 7 x 1000):        {nativeNs:0} ns"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per event, C# rule (best of 7 x 1000):            {csharpNs:0} ns"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per call, native 'when' / 'points' delegate:      {nativeCall.When:0.0} ns / {nativeCall.Points:0.0} ns"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per call, C# 'when' / 'points' delegate:          {csharpCall.When:0.0} ns / {csharpCall.Points:0.0} ns"));
