using System.Diagnostics;
using System.Globalization;
using Npgsql;
using WomRules.Runtime;

namespace WomRules.PostgreSql.Tests;

/// <summary>
/// Issue 13 item 5: engines on one PostgreSQL campaign at once, each with its own connection, over overlapping
/// participants, each also re-sending some of another engine's events (<see cref="ConcurrentWorkload"/>). Whatever the
/// interleaving, every event is applied once, each participant's counters equal a single engine's run (counters are
/// order-free), the points issued equal the single run's (the stream asks for more than the budget, and every grant is
/// the same size), and the budget is never passed, not even by one point. Run with 4 tasks in this process and with 4
/// worker processes. CI runs 4 × 5,000 events so the suite stays fast on a shared machine; the full
/// 4 × 25,000 runs with WOMRULES_CONCURRENT_EVENTS=25000 (docs/postgresql.md).
/// </summary>
public sealed class ConcurrentEnginesTests
{
    private static readonly int PerEngine = ConcurrentWorkload.EventsPerEngine;

    [Fact]
    public async Task Four_engines_on_one_campaign_apply_every_event_once_and_never_pass_the_budget()
    {
        var campaign = ConcurrentWorkload.Campaign(PerEngine);
        var (streams, _) = ConcurrentWorkload.Streams(PerEngine);
        var database = NewDatabase(campaign);

        var retries = await Task.WhenAll(streams.Select(stream => Task.Run(() => ConcurrentWorkload.RunEngine(campaign, database, stream))));

        await ShouldEqualOneEngine(campaign, database, retries.Sum());
    }

    [Fact]
    public async Task Four_engine_processes_on_one_campaign_apply_every_event_once_and_never_pass_the_budget()
    {
        var campaign = ConcurrentWorkload.Campaign(PerEngine);
        var database = NewDatabase(campaign);
        var worker = Path.Combine(AppContext.BaseDirectory, "WomRules.PostgreSql.Worker.dll");
        File.Exists(worker).Should().BeTrue("the worker is built beside the tests");

        var runs = await Task.WhenAll(Enumerable.Range(0, ConcurrentWorkload.Engines).Select(async engine =>
        {
            var info = new ProcessStartInfo("dotnet", [worker, database, engine.ToString(CultureInfo.InvariantCulture), PerEngine.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, Output: await output, Error: await error);
        }));

        runs.Should().OnlyContain(r => r.ExitCode == 0, string.Join("\n", runs.Select(r => r.Error)));
        await ShouldEqualOneEngine(campaign, database, runs.Sum(r => int.Parse(r.Output.Trim(), CultureInfo.InvariantCulture)));
    }

    private static string NewDatabase(CompiledCampaign campaign)
    {
        var database = PostgresServer.NewDatabase();
        PostgreSqlParticipantStore.Open(campaign, database).Dispose(); // the tables, before the engines race to make them
        return database;
    }

    private static async Task ShouldEqualOneEngine(CompiledCampaign campaign, string database, int retries)
    {
        // The single-engine run: every event in time order, through one engine.
        var (_, all) = ConcurrentWorkload.Streams(PerEngine);
        var reference = new CampaignEngine(campaign);
        foreach (var e in all)
        {
            reference.Process(e);
        }

        reference.Store.PointsIssued.Should().BeLessThan(PerEngine * ConcurrentWorkload.Engines * 10L, "the stream must ask for more than the budget for this to test it");
        retries.Should().BeGreaterThan(0, "engines on shared participants must have collided for this to test anything");

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var pointsUsed = (long)(await Scalar(connection, "SELECT points_used FROM womrules_campaign"))!;
        pointsUsed.Should().BeLessThanOrEqualTo(ConcurrentWorkload.Budget(PerEngine)).And.Be(reference.Store.PointsIssued);
        ((long)(await Scalar(connection, "SELECT count(*) FROM womrules_seen"))!).Should().Be(all.Select(e => e.Id).Distinct().Count());

        using var store = PostgreSqlParticipantStore.Open(campaign, database);
        long pointsHeld = 0;
        foreach (var id in all.SelectMany(e => new[] { e.Actor, e.Referrer }).OfType<string>().Distinct())
        {
            var stored = store.Find(id)?.ToSnapshot();
            var single = reference.GetParticipant(id)?.ToSnapshot();
            (stored?.Counters).Should().BeEquivalentTo(single?.Counters, $"participant '{id}' counts the same events whatever the order");
            pointsHeld += stored?.Points ?? 0;
        }

        pointsHeld.Should().Be(pointsUsed, "points held are exactly the points issued: no event applied twice");
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
