using WomRules.Runtime;

namespace WomRules.Hosting.Tests;

public sealed class SqliteHostingTests
{
    [Fact]
    public async Task The_state_survives_a_restart_of_the_host()
    {
        var directory = TestHost.NewDirectory();
        var lines = Enumerable.Range(0, 6).Select(i => TestCampaigns.Event("e-" + i, "u-" + (i % 2), 50 * i)).ToList();
        ParticipantSnapshot[] before;
        await using (var first = await TestHost.StartAsync(TestCampaigns.Yaml(100), b => b.UseSqlite("state"), directory))
        {
            first.KeepDirectory = true;
            await first.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, lines.Take(3).ToList());
            await first.Runtime.ProcessJsonAsync(TestCampaigns.Id, lines[3]);
            before = [(await first.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-0"))!, (await first.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!];
        }

        File.Exists(Path.Combine(directory, "state", TestCampaigns.Id + ".db")).Should().BeTrue();
        await using var second = await TestHost.StartAsync(TestCampaigns.Yaml(100), b => b.UseSqlite("state"), directory);
        (await second.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-0"))!.Should().BeEquivalentTo(before[0]);
        (await second.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!.Should().BeEquivalentTo(before[1]);

        // Seen ids survived too (each event once), and the rest of the run matches a bare engine's uninterrupted one.
        var replay = await second.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, lines);
        var bare = new CampaignEngine(CampaignCompilation.Create(TestCampaigns.Yaml(100)).Emit().Campaign!);
        var expected = lines.SelectMany(l => bare.ProcessJson(l)).ToList();
        expected = [.. lines.Take(4).Select(l => bare.ProcessJson(l)).SelectMany(o => o), .. expected.Where(o => o.EventId is "e-4" or "e-5")];
        replay.Outcomes.Select(o => o.ToJson()).Should().Equal(expected.Select(o => o.ToJson()));
    }

    [Fact]
    public async Task A_batch_with_blank_lines_reads_back_after_a_restart()
    {
        var directory = TestHost.NewDirectory();
        string[] batch = [TestCampaigns.Event("e-1", "u-1"), "", "  ", TestCampaigns.Event("e-2", "u-1")];
        ParticipantSnapshot before;
        await using (var first = await TestHost.StartAsync(TestCampaigns.Yaml(100), b => b.UseSqlite("state"), directory))
        {
            first.KeepDirectory = true;
            (await first.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, batch)).Applied.Should().BeTrue();
            before = (await first.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!;
        }

        // The database reads back as the host left it: reopened directly, with the store's own reader.
        var campaign = CampaignCompilation.Create(TestCampaigns.Yaml(100)).Emit().Campaign!;
        using var reopened = WomRules.Sqlite.SqliteCampaignStore.Open(Path.Combine(directory, "state", TestCampaigns.Id + ".db"), campaign);
        reopened.State.Find("u-1")!.ToSnapshot().Should().BeEquivalentTo(before);
        reopened.State.SeenEventIds.Should().BeEquivalentTo(["e-1", "e-2"]);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_reload_over_SQLite_keeps_the_state_and_survives_a_restart()
    {
        var directory = TestHost.NewDirectory();
        long granted;
        await using (var first = await TestHost.StartAsync(TestCampaigns.Yaml(10), b => b.UseSqlite("state").Configure(o => o.HotReload = false), directory))
        {
            first.KeepDirectory = true;
            var one = await first.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1"));
            File.WriteAllText(first.CampaignPath, TestCampaigns.Yaml(20));
            (await first.Runtime.ReloadAsync(TestCampaigns.Id)).Revision.Should().Be(2);
            var two = await first.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-2", "u-1"));
            granted = one.Outcomes.Concat(two.Outcomes).OfType<RewardOutcome>().Sum(o => o.Points ?? 0);
            two.Outcomes.OfType<RewardOutcome>().Sum(o => o.Points ?? 0).Should().Be(2 * one.Outcomes.OfType<RewardOutcome>().Sum(o => o.Points ?? 0));
            (await first.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!.Points.Should().Be(granted);
        }

        await using var second = await TestHost.StartAsync(TestCampaigns.Yaml(20), b => b.UseSqlite("state"), directory);
        (await second.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!.Points.Should().Be(granted);
    }
}
