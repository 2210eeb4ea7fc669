using Microsoft.Extensions.DependencyInjection;

namespace WomRules.Hosting;

/// <summary>Adds campaigns and chooses the store, after <c>services.AddWomRules()</c>.</summary>
public sealed class WomRulesBuilder
{
    internal WomRulesBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection WomRules was added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Runs a campaign file (YAML or <c>.wom</c>); a relative path is relative to the content root.</summary>
    public WomRulesBuilder AddCampaignFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Configure(o => o.Campaigns.Add(new CampaignSourceOptions { Path = path }));
    }

    /// <summary>Runs a campaign given as text (never hot-reloaded).</summary>
    public WomRulesBuilder AddCampaignText(string text, CampaignFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return Configure(o => o.Campaigns.Add(new CampaignSourceOptions { Text = text, Format = format }));
    }

    /// <summary>Keeps every campaign's state in a SQLite database, <c>&lt;campaign id&gt;.db</c> in <paramref name="directory"/>.</summary>
    public WomRulesBuilder UseSqlite(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return Configure(o =>
        {
            o.Store = WomRulesStoreKind.Sqlite;
            o.SqliteDirectory = directory;
        });
    }

    /// <summary>Changes the options in code (after configuration binding, in registration order).</summary>
    public WomRulesBuilder Configure(Action<WomRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
