using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WomRules.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers WomRules in a host (docs/hosting.md).</summary>
public static class WomRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICampaignRuntime"/> (a hosted service: it loads the campaigns when the host starts, and a
    /// campaign with errors fails the start) with options set in code.
    /// </summary>
    public static WomRulesBuilder AddWomRules(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddCore(services);
    }

    /// <summary>As <see cref="AddWomRules(IServiceCollection)"/>, with options set in code.</summary>
    public static WomRulesBuilder AddWomRules(this IServiceCollection services, Action<WomRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddWomRules().Configure(configure);
    }

    /// <summary>As <see cref="AddWomRules(IServiceCollection)"/>, with the options bound from a configuration section (e.g. "WomRules").</summary>
    public static WomRulesBuilder AddWomRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = AddCore(services);
        services.AddOptions<WomRulesOptions>().Bind(configuration);
        return builder;
    }

    private static WomRulesBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<WomRulesOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WomRulesOptions>, WomRulesOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<WomRulesMetrics>();
        services.TryAddSingleton<CampaignRuntime>();
        services.TryAddSingleton<ICampaignRuntime>(sp => sp.GetRequiredService<CampaignRuntime>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CampaignRuntimeStarter>());
        return new WomRulesBuilder(services);
    }
}
