namespace WomRules.Sqlite;

/// <summary>
/// How hard a committed batch is pushed to disk (SQLite's <c>synchronous</c> in WAL mode; docs/stores.md, "SQLite").
/// Either way a batch is applied whole or not at all.
/// </summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c>, the default: every committed batch survives a process kill and a power loss, at the
    /// cost of one fsync of the write-ahead log per batch.
    /// </summary>
    Full,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: every committed batch survives a process kill; after a power loss or an operating
    /// system crash the last batches may be lost (the database stays consistent, and re-running the events file
    /// applies them again).
    /// </summary>
    Normal,
}
