using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WomRules.Hosting.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task A_campaign_with_errors_fails_the_start_and_every_diagnostic_is_logged()
    {
        await using var host = TestHost.Create(TestCampaigns.Broken);
        var start = () => host.Host.StartAsync();

        var thrown = await start.Should().ThrowAsync<CampaignLoadException>();

        // The law: exactly the compiler's error diagnostics, each in its file(line,col) form, at Error with event id 1001.
        var expected = CampaignCompilation.FromFile(host.CampaignPath).Emit().Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        expected.Should().HaveCountGreaterThanOrEqualTo(2);
        thrown.Which.Diagnostics.Select(d => d.ToString()).Should().Equal(expected);
        var logged = host.Logs.GetSnapshot().Where(r => r.Id.Id == 1001).ToList();
        logged.Select(r => r.Message).Should().Equal(expected);
        logged.Should().OnlyContain(r => r.Level == LogLevel.Error);
        logged.Select(r => r.Message).Should().OnlyContain(m => m.StartsWith(host.CampaignPath + "(", StringComparison.Ordinal));
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 1002 && r.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task A_campaign_with_warnings_starts_and_logs_each_warning_at_Warning()
    {
        // One event type without rules (WOM4006) besides the test campaign's own warnings (a disclosure that only flags).
        var yaml = TestCampaigns.Yaml(10).Replace("events:\n", "events:\n  unused.event: {}\n", StringComparison.Ordinal);
        await using var host = await TestHost.StartAsync(yaml);

        // The law: exactly the compiler's warnings, each in its file(line,col) form, at Warning with event id 1003.
        var expected = CampaignCompilation.FromFile(host.CampaignPath).Emit().Diagnostics.Where(d => !d.IsError).Select(d => d.ToString()).ToList();
        expected.Should().Contain(d => d.Contains("WOM4006", StringComparison.Ordinal));
        var logged = host.Logs.GetSnapshot().Where(r => r.Id.Id == 1003).ToList();
        logged.Select(r => r.Message).Should().Equal(expected);
        logged.Should().OnlyContain(r => r.Level == LogLevel.Warning && r.Id.Name == "CampaignWarning");
        host.Logs.GetSnapshot().Should().NotContain(r => r.Id.Id == 1001 || r.Id.Id == 1002);
    }

    [Fact]
    public async Task No_campaign_fails_options_validation_at_start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddWomRules();
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("no campaign");
    }

    [Fact]
    public async Task Options_bind_from_a_configuration_section()
    {
        var directory = TestHost.NewDirectory();
        File.WriteAllText(Path.Combine(directory, "c.yaml"), TestCampaigns.Yaml(7));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WomRules:HotReload"] = "false",
            ["WomRules:MaxBatchEvents"] = "3",
            ["WomRules:Campaigns:0:Path"] = "c.yaml",
            ["WomRules:Campaigns:1:Text"] = TestCampaigns.Yaml(9, id: "inline"),
        });
        builder.Services.AddWomRules(builder.Configuration.GetSection("WomRules"));
        using var host = builder.Build();
        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<ICampaignRuntime>();

        runtime.Campaigns.Select(c => (c.Id, c.Path)).Should().Equal((TestCampaigns.Id, Path.Combine(directory, "c.yaml")), ("inline", null));
        var tooMany = () => runtime.ProcessJsonLinesAsync("inline", ["{}", "{}", "{}", "{}"]).AsTask();
        (await tooMany.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("limit of 3");
        await host.StopAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Two_campaigns_with_one_id_fail_the_start()
    {
        await using var host = TestHost.Create(TestCampaigns.Yaml(1), b => b.AddCampaignText(TestCampaigns.Yaml(2)));
        var start = () => host.Host.StartAsync();

        (await start.Should().ThrowAsync<CampaignLoadException>()).Which.Message.Should().Contain("two campaigns have the id 'hosted'");
    }

    [Fact]
    public async Task An_unknown_campaign_is_a_KeyNotFoundException()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(1));

        var process = () => host.Runtime.ProcessJsonAsync("nope", TestCampaigns.Event("e", "u")).AsTask();

        await process.Should().ThrowAsync<KeyNotFoundException>();
        host.Runtime.FindCampaign("nope").Should().BeNull();
    }
}
