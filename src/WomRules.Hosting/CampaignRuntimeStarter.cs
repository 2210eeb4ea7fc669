using Microsoft.Extensions.Hosting;

namespace WomRules.Hosting;

/// <summary>Loads the campaigns when the host starts (a campaign with errors fails the start) and closes the stores when it stops.</summary>
internal sealed class CampaignRuntimeStarter(CampaignRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync();
}
