using System.Diagnostics;
using Npgsql;
using WomRules.Tests.Support;

namespace WomRules.PostgreSql.Tests;

/// <summary>
/// The server the tests use (docs/stores.md, PostgreSQL): the one WOMRULES_POSTGRES names (as .ci/run sets it), else a
/// throw-away one this test run starts with eng/postgres.sh and stops when it ends. Never skipped: a server that
/// cannot be reached or started fails the test, saying how to start one.
/// </summary>
internal static class PostgresServer
{
    private const string Variable = "WOMRULES_POSTGRES";
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to a new, empty PostgreSQL schema of the server (one campaign's database).</summary>
    public static string NewDatabase()
    {
        var server = Server.Value;
        var schema = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            command.ExecuteNonQuery();
        }

        // No pooling: the suite opens hundreds of short-lived stores, each on its own schema.
        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, Pooling = false }.ConnectionString;
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return Reachable(given, $"{Variable} is set to '{given}'");
        }

        var state = Path.Combine(Path.GetTempPath(), "womrules-postgres-test-" + Environment.ProcessId);
        var script = Path.Combine(RepositoryPaths.Root, "eng", "postgres.sh");
        var start = Run(script, "start", state);
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Variable} is not set and 'eng/postgres.sh start' could not start a throw-away PostgreSQL server (exit {start.ExitCode}): {start.Error.Trim()}. "
                + $"Start one yourself with: export {Variable}=\"$(eng/postgres.sh start)\" (and eng/postgres.sh stop after), or point {Variable} at a server.");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", state);
        return Reachable(start.Output.Trim(), "eng/postgres.sh started a server");
    }

    /// <summary>The connection string when a connection opens; else an error saying how to start a server.</summary>
    internal static string Reachable(string connectionString, string what)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            return connectionString;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{what}, but it cannot be reached: {ex.Message}. Start a server with: export {Variable}=\"$(eng/postgres.sh start)\"", ex);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string script, string verb, string state)
    {
        var info = new ProcessStartInfo("bash", [script, verb]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["WOMRULES_POSTGRES_STATE"] = state;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot run bash " + script);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
