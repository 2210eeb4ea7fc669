using Npgsql;

namespace WomRules.PostgreSql;

/// <summary>
/// The tables (docs/stores.md, PostgreSQL), made when missing. One database (or PostgreSQL schema, chosen by the connection
/// string's <c>Search Path</c>) holds one campaign: <c>womrules_campaign</c> has its one row, and opening it for another
/// campaign id is refused, as is a database whose <c>womrules_schema</c> version is newer than this library's.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int Version = 1;

    private const string Create = """
        CREATE TABLE IF NOT EXISTS womrules_schema (version integer NOT NULL);
        CREATE TABLE IF NOT EXISTS womrules_campaign (
            campaign_id text PRIMARY KEY,
            points_used bigint NOT NULL DEFAULT 0,
            credit_used numeric NOT NULL DEFAULT 0,
            clock timestamptz,
            next_grant bigint NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS womrules_participant (
            participant_id text NOT NULL,
            version bigint NOT NULL,
            has_due_effects boolean NOT NULL,
            state jsonb NOT NULL,
            PRIMARY KEY (participant_id));
        CREATE TABLE IF NOT EXISTS womrules_seen (
            event_id text NOT NULL,
            at timestamptz,
            PRIMARY KEY (event_id));
        CREATE TABLE IF NOT EXISTS womrules_ledger (
            event_id text NOT NULL,
            at timestamptz NOT NULL,
            is_reversal boolean NOT NULL,
            reversed boolean NOT NULL,
            entry text NOT NULL,
            PRIMARY KEY (event_id));
        CREATE TABLE IF NOT EXISTS womrules_pending (
            grant_order bigint NOT NULL,
            due timestamptz NOT NULL,
            source text NOT NULL,
            rule text NOT NULL,
            participant_id text NOT NULL,
            points bigint,
            credit numeric,
            PRIMARY KEY (grant_order));
        """;

    /// <summary>
    /// Makes the tables and the campaign's row when missing, under an advisory lock so hosts starting together do not
    /// race; throws <see cref="InvalidOperationException"/> for a database of a newer schema version or another campaign.
    /// </summary>
    public static void Ensure(NpgsqlConnection connection, string campaignId)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock(7342991002)");
        Execute(connection, Create);
        using (var read = new NpgsqlCommand("SELECT max(version) FROM womrules_schema", connection))
        {
            var found = read.ExecuteScalar();
            if (found is int version && version > Version)
            {
                throw new InvalidOperationException(
                    $"The database's WomRules schema is version {version}, newer than this library's {Version}: upgrade WomRules.PostgreSql.");
            }

            if (found is not int)
            {
                Execute(connection, $"INSERT INTO womrules_schema (version) VALUES ({Version})");
            }
        }

        using (var read = new NpgsqlCommand("SELECT campaign_id FROM womrules_campaign", connection))
        {
            var found = read.ExecuteScalar() as string;
            if (found is not null && !string.Equals(found, campaignId, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The database holds campaign '{found}', not '{campaignId}': give each campaign its own database or schema (Search Path).");
            }

            if (found is null)
            {
                using var insert = new NpgsqlCommand("INSERT INTO womrules_campaign (campaign_id) VALUES (@c)", connection);
                insert.Parameters.AddWithValue("c", campaignId);
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
