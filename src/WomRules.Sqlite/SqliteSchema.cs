using Microsoft.Data.Sqlite;

namespace WomRules.Sqlite;

/// <summary>
/// The database's tables (docs/stores.md, "SQLite"). <c>womrules_schema</c> says which layout the file has and which
/// campaign it belongs to; <c>state</c> holds the campaign's whole state as one sealed state file (version 2, with its
/// checksum), the same bytes <c>--save-state</c> writes; <c>journal</c> the events file lines applied since that state
/// was written (replayed onto it when the database is opened); <c>outcomes</c> the log of the outcomes of applied events.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The layout this version writes and reads. A database of a later one is refused, never read in part.</summary>
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE womrules_schema (version INTEGER NOT NULL, campaign TEXT NOT NULL);
        CREATE TABLE state (id INTEGER PRIMARY KEY CHECK (id = 1), document BLOB NOT NULL, batches INTEGER NOT NULL);
        CREATE TABLE outcomes (seq INTEGER PRIMARY KEY, outcome TEXT NOT NULL);
        CREATE TABLE journal (seq INTEGER PRIMARY KEY, line BLOB NOT NULL);
        """;

    /// <summary>Creates the tables in an empty database, in one transaction.</summary>
    public static void Initialize(SqliteConnection connection, string campaignId)
    {
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = Create;
            create.ExecuteNonQuery();
        }

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO womrules_schema (version, campaign) VALUES ($version, $campaign)";
            insert.Parameters.AddWithValue("$version", Version);
            insert.Parameters.AddWithValue("$campaign", campaignId);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>True when the database has no tables yet (a new file).</summary>
    public static bool IsEmpty(SqliteConnection connection) => Scalar(connection, "SELECT count(*) FROM sqlite_master") is 0L;

    /// <summary>
    /// Checks the database was made for <paramref name="campaignId"/> by a schema this version reads; throws
    /// <see cref="InvalidDataException"/> saying what it is otherwise. A null campaign id accepts any campaign.
    /// </summary>
    public static void Check(SqliteConnection connection, string? campaignId)
    {
        if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'womrules_schema'") is not 1L)
        {
            throw new InvalidDataException("this is a SQLite database but not a womrules store (it has no womrules_schema table)");
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, campaign FROM womrules_schema";
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.IsDBNull(0) || reader.IsDBNull(1))
        {
            throw new InvalidDataException("the database has an empty womrules_schema table, so its layout is unknown");
        }

        var version = reader.GetInt64(0);
        var campaign = reader.GetString(1);
        if (version > Version)
        {
            throw new InvalidDataException($"the database was written by a newer womrules (store schema {version}); this one reads schema {Version} and older, so it does not open it");
        }

        if (version < 1)
        {
            throw new InvalidDataException($"the database has store schema {version}, which no womrules writes");
        }

        if (campaignId is not null && !string.Equals(campaign, campaignId, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"the database holds the state of the campaign '{campaign}', not of '{campaignId}'; use another database for this campaign");
        }
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
