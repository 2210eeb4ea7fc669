using WomRules.Runtime;
using WomRules.Testing;
using WomRules.Tests.Support;

namespace WomRules.Tests.Ci;

/// <summary>The host-developer example of docs/ci.md, kept compiling and correct.</summary>
public sealed class CiDocsExampleTests
{
    [Fact]
    public void The_documented_library_example_runs_and_matches_the_cli_snapshot()
    {
        var folder = Path.Combine(RepositoryPaths.Examples, "referral");

        var campaign = CampaignCompilation.FromFile(Path.Combine(folder, "campaign.yaml")).Emit().Campaign
            ?? throw new InvalidOperationException("the campaign has errors");

        var snapshot = CampaignSnapshot.Run(campaign, File.ReadLines(Path.Combine(folder, "events.jsonl")));

        var store = new InMemoryParticipantStore();
        var single = CampaignSnapshot.RunEvents(campaign,
            [new EngagementEvent("e-1", "referral.converted", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero),
                Actor: "u-2", Referrer: "u-1", Attributes: new Dictionary<string, object?> { ["order_total"] = 49.90m })],
            store);

        Assert.Equal(File.ReadAllText(Path.Combine(folder, "snapshots", "recorded-history.verified.jsonl")), snapshot);
        single.Should().StartWith("""{"kind":"reward","event":"e-1","rule":"referral-double-sided","participant":"u-1","points":500}""" + "\n");
        single.Should().EndWith("""{"budget_used":{"points":500,"credit":"10.00"}}""" + "\n");
        store.Find("u-1")!.Points.Should().Be(500, "the initial state is updated in place");
    }

    [Fact]
    public void The_snapshot_text_is_deterministic_with_participants_in_id_order()
    {
        var folder = Path.Combine(RepositoryPaths.Examples, "influencer");
        var campaign = CampaignCompilation.FromFile(Path.Combine(folder, "campaign.yaml")).Emit().Campaign!;
        string Run()
        {
            using var state = File.OpenRead(Path.Combine(folder, "state.json"));
            return CampaignSnapshot.Run(campaign, File.ReadLines(Path.Combine(folder, "events.jsonl")), InMemoryParticipantStore.ReadFrom(state, campaign));
        }

        // (Culture cannot be varied here: the build runs in invariant-globalization mode; the writers format with the invariant culture.)
        var first = Run();
        Run().Should().Be(first);
        first.Should().NotContain("\r").And.EndWith("\n");
        var participants = first.Split('\n').Where(l => l.StartsWith("{\"participant\":", StringComparison.Ordinal)).ToList();
        participants.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }
}
