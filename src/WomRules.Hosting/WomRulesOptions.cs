namespace WomRules.Hosting;

/// <summary>
/// What <c>AddWomRules</c> runs (docs/hosting.md): the campaigns, the store, hot reload and the request limits.
/// Bindable from configuration (a "WomRules" section); checked at start-up.
/// </summary>
public sealed class WomRulesOptions
{
    /// <summary>The default of <see cref="ReloadDelay"/>.</summary>
    public static readonly TimeSpan DefaultReloadDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The default of <see cref="MaxBatchEvents"/>.</summary>
    public const int DefaultMaxBatchEvents = 10_000;

    /// <summary>The campaigns to run, each from a file or from text. Campaign ids must differ.</summary>
    public IList<CampaignSourceOptions> Campaigns { get; } = [];

    /// <summary>Whether an edited campaign file is recompiled and swapped in while the host runs (on by default; files only).</summary>
    public bool HotReload { get; set; } = true;

    /// <summary>How long a campaign file must stay unchanged before it is reloaded, so that one save is one reload.</summary>
    public TimeSpan ReloadDelay { get; set; } = DefaultReloadDelay;

    /// <summary>Where the campaigns' state lives: in memory (the default; lost when the process ends) or in SQLite files.</summary>
    public WomRulesStoreKind Store { get; set; } = WomRulesStoreKind.InMemory;

    /// <summary>
    /// For <see cref="WomRulesStoreKind.Sqlite"/>: the folder of the databases, one <c>&lt;campaign id&gt;.db</c> per
    /// campaign (relative paths are relative to the content root). Required with that store.
    /// </summary>
    public string? SqliteDirectory { get; set; }

    /// <summary>The most events one batch (<see cref="ICampaignRuntime.ProcessJsonLinesAsync"/>) may hold.</summary>
    public int MaxBatchEvents { get; set; } = DefaultMaxBatchEvents;
}
