using Microsoft.Extensions.Logging;
using WomRules.Runtime;

namespace WomRules.Hosting.Tests;

public sealed class HotReloadTests
{
    private static long Points(CampaignResult result) => result.Outcomes.OfType<RewardOutcome>().Sum(o => o.Points ?? 0);

    [Fact]
    public async Task An_edited_file_is_swapped_in_and_the_state_is_kept()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(10));
        var first = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1"));
        var hashBefore = first.Campaign.ContentHash;

        File.WriteAllText(host.CampaignPath, TestCampaigns.Yaml(20));
        var reloaded = await host.WaitForLogAsync(1020);

        reloaded.Level.Should().Be(LogLevel.Information);
        reloaded.StructuredState!.Should().Contain(new KeyValuePair<string, string?>("Revision", "2"));
        reloaded.StructuredState!.Should().Contain(new KeyValuePair<string, string?>("CampaignId", TestCampaigns.Id));
        var second = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-2", "u-1"));
        second.Campaign.Revision.Should().Be(2);
        second.Campaign.ContentHash.Should().NotBe(hashBefore);
        Points(second).Should().Be(2 * Points(first));

        // State kept: the participant holds both rewards, and the first event's id is still seen.
        (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!.Points.Should().Be(Points(first) + Points(second));
        (await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1"))).Outcomes.Should().ContainSingle().Which.Should().BeOfType<DuplicateOutcome>();
        host.Runtime.Campaigns.Single().Revision.Should().Be(2);
    }

    [Fact]
    public async Task An_edit_with_errors_keeps_the_running_version_and_logs_its_diagnostics()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(10));
        var broken = TestCampaigns.Yaml(10).Replace("on: purchase\n    rewards", "on: no.such.event\n    rewards", StringComparison.Ordinal);
        broken.Should().NotBe(TestCampaigns.Yaml(10));

        File.WriteAllText(host.CampaignPath, broken);
        var failed = await host.WaitForLogAsync(1021);

        failed.Level.Should().Be(LogLevel.Error);
        var expected = CampaignCompilation.FromFile(host.CampaignPath).GetDiagnostics().Where(d => d.IsError).Select(d => d.ToString());
        host.Logs.GetSnapshot().Where(r => r.Id.Id == 1022).Should().OnlyContain(r => r.Level == LogLevel.Warning)
            .And.Subject.Select(r => r.Message).Should().Equal(expected);
        var result = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1"));
        result.Campaign.Revision.Should().Be(1);
        Points(result).Should().Be(10);
    }

    [Fact]
    public async Task A_reload_that_renames_the_campaign_is_refused()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(10), b => b.Configure(o => o.HotReload = false));
        File.WriteAllText(host.CampaignPath, TestCampaigns.Yaml(10, id: "renamed"));

        var info = await host.Runtime.ReloadAsync(TestCampaigns.Id);

        info.Revision.Should().Be(1);
        host.Logs.GetSnapshot().Should().Contain(r => r.Id.Id == 1021 && r.Message.Contains("renames", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reload_that_is_used_logs_the_new_versions_warnings()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(10), b => b.Configure(o => o.HotReload = false));
        var atStart = host.Logs.GetSnapshot().Count(r => r.Id.Id == 1003);

        // The edit adds an event type without rules (WOM4006), a warning the running version does not have.
        File.WriteAllText(host.CampaignPath, TestCampaigns.Yaml(20).Replace("events:\n", "events:\n  unused.event: {}\n", StringComparison.Ordinal));
        (await host.Runtime.ReloadAsync(TestCampaigns.Id)).Revision.Should().Be(2);

        var expected = CampaignCompilation.FromFile(host.CampaignPath).Emit().Diagnostics.Where(d => !d.IsError).Select(d => d.ToString()).ToList();
        expected.Should().Contain(d => d.Contains("WOM4006", StringComparison.Ordinal));
        var afterReload = host.Logs.GetSnapshot().Where(r => r.Id.Id == 1003).Skip(atStart).ToList();
        afterReload.Select(r => r.Message).Should().Equal(expected);
        afterReload.Should().OnlyContain(r => r.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task With_hot_reload_off_an_edit_changes_nothing_until_ReloadAsync()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(10), b => b.Configure(o => o.HotReload = false));
        File.WriteAllText(host.CampaignPath, TestCampaigns.Yaml(20));
        await Task.Delay(300);
        host.Runtime.Campaigns.Single().Revision.Should().Be(1);

        (await host.Runtime.ReloadAsync(TestCampaigns.Id)).Revision.Should().Be(2);

        Points(await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1"))).Should().Be(20);
    }

    [Fact]
    public async Task Requests_in_flight_during_reloads_are_each_evaluated_by_one_version()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(1), b => b.Configure(o => o.HotReload = false));
        using var stop = new CancellationTokenSource();
        var reloads = Task.Run(async () =>
        {
            for (var r = 2; r <= 6; r++)
            {
                await Task.Delay(30);
                File.WriteAllText(host.CampaignPath, TestCampaigns.Yaml(r));
                await host.Runtime.ReloadAsync(TestCampaigns.Id);
            }
        });
        var clients = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
        {
            var results = new List<CampaignResult>();
            for (var i = 0; !reloads.IsCompleted; i++)
            {
                var batch = Enumerable.Range(0, 3).Select(k => TestCampaigns.Event($"c{c}-{i}-{k}", $"u-{c}-{i}-{k}")).ToList();
                results.Add(await host.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, batch));
            }

            return results;
        })).ToList();
        await reloads;
        var all = (await Task.WhenAll(clients)).SelectMany(r => r).ToList();

        all.Should().NotBeEmpty();
        host.Runtime.Campaigns.Single().Revision.Should().Be(6);

        // Revision r rewards r points (the reward written with it): every event of a batch must agree with its revision.
        all.Should().OnlyContain(r => r.Outcomes.OfType<RewardOutcome>().Where(o => o.Points != null).All(o => o.Points == r.Campaign.Revision));
    }
}
