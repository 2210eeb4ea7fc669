using WomRules.Runtime;

namespace WomRules.Hosting.Tests;

public sealed class ProcessingTests
{
    private static CampaignEngine BareEngine(string yaml) =>
        new(CampaignCompilation.Create(yaml).Emit().Campaign!, new InMemoryParticipantStore(CampaignCompilation.Create(yaml).Emit().Campaign!));

    [Fact]
    public async Task Events_give_the_outcomes_of_the_bare_engine_and_the_version_that_evaluated_them()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(100));
        var bare = BareEngine(TestCampaigns.Yaml(100));
        string[] lines = [TestCampaigns.Event("e-1", "u-1", 150), TestCampaigns.Event("e-2", "u-2", 5, sponsored: true), TestCampaigns.Event("e-1", "u-1")];

        var hosted = new List<string>();
        foreach (var line in lines)
        {
            var result = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, line);
            result.Applied.Should().BeTrue();
            result.Campaign.Revision.Should().Be(1);
            result.Campaign.ContentHash.Should().MatchRegex("^[0-9a-f]{16}$");
            hosted.AddRange(result.Outcomes.Select(o => o.ToJson()));
        }

        hosted.Should().Equal(lines.SelectMany(l => bare.ProcessJson(l)).Select(o => o.ToJson()));
        var participant = await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1");
        participant!.Points.Should().Be(bare.GetParticipant("u-1")!.Points);
        (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "nobody")).Should().BeNull();
    }

    [Fact]
    public async Task A_batch_with_a_rejected_line_applies_nothing_and_gives_the_engines_reasons()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(100));
        await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-0", "u-1"));
        var before = (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!.ToSnapshot();
        string[] batch = [TestCampaigns.Event("e-1", "u-1"), "", """{"id":"e-2","type":"purchase","at":"2026-03-01T00:00:00Z","actor":"u-1"}""", "not json"];

        var result = await host.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, batch);

        result.Applied.Should().BeFalse();
        var bare = BareEngine(TestCampaigns.Yaml(100));
        var expected = new[] { 2, 3 }.Select(i => (i + 1, ((RejectedOutcome)bare.ProcessJson(batch[i]).Single()).Reason));
        result.Rejections.Select(r => (r.Line, r.Reason)).Should().Equal(expected);
        (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!.ToSnapshot().Should().BeEquivalentTo(before);

        // The good line was not applied: sent alone, it is applied now, not a duplicate.
        var again = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, batch[0]);
        again.Outcomes.Should().NotContain(o => o is DuplicateOutcome);
    }

    [Fact]
    public async Task A_valid_batch_is_applied_whole()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(100));
        var lines = Enumerable.Range(0, 5).Select(i => TestCampaigns.Event("e-" + i, "u-" + (i % 2))).ToList();

        var result = await host.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, lines);

        result.Applied.Should().BeTrue();
        var bare = BareEngine(TestCampaigns.Yaml(100));
        result.Outcomes.Select(o => o.ToJson()).Should().Equal(lines.SelectMany(l => bare.ProcessJson(l)).Select(o => o.ToJson()));
        (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-0"))!.Points.Should().Be(bare.GetParticipant("u-0")!.Points);
    }

    [Fact]
    public async Task Many_tasks_on_one_campaign_total_what_a_sequential_run_does_and_never_pass_the_budget()
    {
        const long reward = 30;
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(reward));
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            var granted = 0L;
            for (var i = 0; i < 25; i++)
            {
                var result = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event($"t{t}-{i}", $"u-{t}"));
                granted += result.Outcomes.OfType<RewardOutcome>().Sum(o => o.Points ?? 0);
            }

            return granted;
        })).ToList();
        var total = (await Task.WhenAll(tasks)).Sum();

        // The same 200 events one after another on a bare engine: every event rewards alike, so the totals agree whatever the interleaving.
        var bare = BareEngine(TestCampaigns.Yaml(reward));
        var sequential = Enumerable.Range(0, 8).SelectMany(t => Enumerable.Range(0, 25).Select(i => TestCampaigns.Event($"t{t}-{i}", $"u-{t}")))
            .SelectMany(l => bare.ProcessJson(l)).OfType<RewardOutcome>().Sum(o => o.Points ?? 0);
        total.Should().Be(sequential);
        total.Should().BeLessThanOrEqualTo(TestCampaigns.PointsBudget);
        var perParticipant = 0L;
        for (var t = 0; t < 8; t++)
        {
            perParticipant += (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, $"u-{t}"))?.Points ?? 0;
        }

        perParticipant.Should().Be(total);
    }
}
