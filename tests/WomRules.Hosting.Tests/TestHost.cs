using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace WomRules.Hosting.Tests;

/// <summary>A Generic Host with WomRules, fake logging (every level) and a temp folder as content root.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(IHost host, string directory)
    {
        Host = host;
        Directory = directory;
    }

    public IHost Host { get; }

    public string Directory { get; }

    public ICampaignRuntime Runtime => Host.Services.GetRequiredService<ICampaignRuntime>();

    public FakeLogCollector Logs => Host.Services.GetFakeLogCollector();

    /// <summary>Leave the folder on disposal (a restart test reopens it with a second host).</summary>
    public bool KeepDirectory { get; set; }

    public string CampaignPath => Path.Combine(Directory, "campaign.yaml");

    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "womrules-hosting-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Writes <paramref name="campaign"/> to campaign.yaml in a new (or the given) folder and builds a host running it.</summary>
    public static TestHost Create(string campaign, Action<WomRulesBuilder>? configure = null, string? directory = null, Action<CampaignRuntime>? beforeStart = null)
    {
        directory ??= NewDirectory();
        File.WriteAllText(Path.Combine(directory, "campaign.yaml"), campaign);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory, DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = true);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        var womRules = builder.Services.AddWomRules().AddCampaignFile("campaign.yaml").Configure(o => o.ReloadDelay = TimeSpan.FromMilliseconds(50));
        configure?.Invoke(womRules);
        var host = builder.Build();
        beforeStart?.Invoke(host.Services.GetRequiredService<CampaignRuntime>());
        return new TestHost(host, directory);
    }

    public static async Task<TestHost> StartAsync(string campaign, Action<WomRulesBuilder>? configure = null, string? directory = null, Action<CampaignRuntime>? beforeStart = null)
    {
        var host = Create(campaign, configure, directory, beforeStart);
        await host.Host.StartAsync();
        return host;
    }

    /// <summary>Waits until a record with this event id is logged (hot reload happens off the request path).</summary>
    public async Task<FakeLogRecord> WaitForLogAsync(int eventId, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            var record = Logs.GetSnapshot().FirstOrDefault(r => r.Id.Id == eventId);
            if (record is not null)
            {
                return record;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no log record with event id {eventId} within the timeout");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
            try
            {
                if (!KeepDirectory)
                {
                    System.IO.Directory.Delete(Directory, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }
    }
}
