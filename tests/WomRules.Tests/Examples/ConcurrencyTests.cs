using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Examples;

/// <summary>A compiled campaign is immutable and safe to share: engines on many threads over one campaign agree with a lone run.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void One_compiled_campaign_serves_engines_on_many_threads()
    {
        var name = RepositoryPaths.ExampleNames.First();
        var folder = Path.Combine(RepositoryPaths.Examples, name);
        var campaign = CampaignRunner.Compile(File.ReadAllText(Path.Combine(folder, "campaign.yaml")));
        var lines = File.ReadAllLines(Path.Combine(folder, "events.jsonl"));

        string RunOnce()
        {
            var engine = new CampaignEngine(campaign);
            return string.Join("\n", lines.SelectMany(engine.ProcessJson).Select(o => o.ToJson()));
        }

        var expected = RunOnce();
        var results = new string[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            for (var repeat = 0; repeat < 5; repeat++)
            {
                results[i] = RunOnce();
            }
        });

        results.Should().AllBe(expected);
    }

    [Fact]
    public void One_engine_serializes_events_from_many_threads()
    {
        const string yaml = """
            womrules: 1
            campaign: counter
            budget: { points: 100000000 }
            events:
              ping: {}
            rules:
              - { name: grant, on: ping, rewards: [ { points: 1 } ] }
            """;
        var engine = new CampaignEngine(CampaignRunner.Compile(yaml));
        Parallel.For(0, 2000, i => engine.ProcessJson(CampaignRunner.Event($"e-{i}", "ping", "u-1")));
        engine.GetParticipant("u-1")!.Points.Should().Be(2000);
        engine.Store.PointsIssued.Should().Be(2000);
    }
}
