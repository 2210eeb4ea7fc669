using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WomRules.Hosting;

namespace WomRules.Service;

/// <summary>Healthy when every configured campaign is loaded and running (start-up fails otherwise, so this guards a host that started without them).</summary>
internal sealed class CampaignsHealthCheck(ICampaignRuntime runtime, IOptions<WomRulesOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var running = runtime.Campaigns;

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var campaign in running)
        {
            data[campaign.Id] = campaign.Revision;
        }

        var expected = options.Value.Campaigns.Count;
        return Task.FromResult(running.Count == expected && expected > 0
            ? HealthCheckResult.Healthy($"{running.Count} campaign(s) loaded", data)
            : HealthCheckResult.Unhealthy($"{running.Count} of {expected} campaign(s) loaded", data: data));
    }
}
