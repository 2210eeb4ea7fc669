namespace WomRules.Hosting;

/// <summary>Where <c>AddWomRules</c> keeps the campaigns' state.</summary>
public enum WomRulesStoreKind
{
    /// <summary>In the process's memory: fast, lost when the process ends.</summary>
    InMemory,

    /// <summary>One SQLite database per campaign (WomRules.Sqlite): survives a restart or a crash.</summary>
    Sqlite,
}
