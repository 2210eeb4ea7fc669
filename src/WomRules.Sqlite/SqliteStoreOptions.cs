namespace WomRules.Sqlite;

/// <summary>How a <see cref="SqliteCampaignStore"/> writes (docs/stores.md, "SQLite").</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The events a runner applies between two checkpoints (one transaction each) unless told otherwise.</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>The largest batch accepted: a batch's outcomes are held in memory until it commits.</summary>
    public const int MaxBatchSize = 1_000_000;

    /// <summary>The journal length at which <see cref="SqliteCampaignStore.CommitLines"/> writes the whole state instead.</summary>
    public const int DefaultSnapshotEvery = 50_000;

    /// <summary>
    /// How many journaled lines <see cref="SqliteCampaignStore.CommitLines"/> lets pile up before it writes the whole
    /// state and empties the journal: the most an open replays. 50,000 by default.
    /// </summary>
    public int SnapshotEvery { get; init; } = DefaultSnapshotEvery;

    /// <summary>How hard a committed batch is pushed to disk; <see cref="SqliteDurability.Full"/> by default.</summary>
    public SqliteDurability Durability { get; init; } = SqliteDurability.Full;

    /// <summary>
    /// Whether <see cref="SqliteCampaignStore.Checkpoint"/> keeps the outcomes it is given in the database's outcome
    /// log (every outcome but <c>duplicate</c>, in order). On by default: it is the record of what was paid and why.
    /// </summary>
    public bool KeepOutcomes { get; init; } = true;
}
