// Events per second through WomRules.PostgreSql with 1, 2 and 4 concurrent engines, each engine a task with its own
// connection, one transaction per event (ProcessAsync), over 300 participants shared by all engines (docs/performance.md).
//   export WOMRULES_POSTGRES="$(eng/postgres.sh start)"
//   dotnet run -c Release --project bench/WomRules.PostgreSql.Bench -- [events per engine, default 10000]
//   eng/postgres.sh stop
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using WomRules;
using WomRules.PostgreSql;
using WomRules.Runtime;

const string Yaml = """
    womrules: 1
    campaign: postgres-bench
    events:
      referral.converted: {}
    counters: [actions, referred]
    budget: { points: 100000000 }
    rules:
      - name: act
        on: referral.converted
        rewards: [ { to: actor, points: 10 } ]
      - name: count-referrer
        on: referral.converted
        when: event.referrer != event.actor
        rewards: [ { to: referrer, counter: referred } ]
    """;

var server = Environment.GetEnvironmentVariable("WOMRULES_POSTGRES")
    ?? throw new InvalidOperationException("Set WOMRULES_POSTGRES, e.g. export WOMRULES_POSTGRES=\"$(eng/postgres.sh start)\"");
var perEngine = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var campaign = CampaignCompilation.Create(Yaml, "bench.yaml").Emit().Campaign!;
Console.WriteLine($"{Environment.ProcessorCount} cores; {perEngine} events per engine; one transaction per event");
foreach (var engines in new[] { 1, 2, 4 })
{
    var database = NewSchema(server, engines);
    PostgreSqlParticipantStore.Open(campaign, database).Dispose();
    var random = new Random(engines);
    var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    var streams = Enumerable.Range(0, engines).Select(k => Enumerable.Range(0, perEngine)
        .Select(i => new EngagementEvent($"b-{k}-{i}", "referral.converted", start.AddSeconds(i), $"p-{random.Next(300)}", $"p-{random.Next(300)}", null)).ToArray()).ToArray();
    var clock = Stopwatch.StartNew();
    var retries = await Task.WhenAll(streams.Select(stream => Task.Run(async () =>
    {
        await using var store = PostgreSqlParticipantStore.Open(campaign, database);
        var engine = new CampaignEngine(campaign, store);
        var lost = 0;
        foreach (var e in stream)
        {
            while (true)
            {
                try
                {
                    await engine.ProcessAsync(e);
                    break;
                }
                catch (StoreCommitException ex) when (!ex.EngineFaulted)
                {
                    lost++;
                }
            }
        }

        return lost;
    })));
    clock.Stop();
    var total = engines * perEngine;
    Console.WriteLine($"{engines} engine(s): {total} events in {clock.Elapsed.TotalSeconds:F1} s = {total / clock.Elapsed.TotalSeconds:F0} events/s ({retries.Sum()} commits lost a race and were sent again)");
}

static string NewSchema(string server, int engines)
{
    var schema = $"bench_{engines}_{Guid.NewGuid():N}";
    using var connection = new NpgsqlConnection(server);
    connection.Open();
    using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
    command.ExecuteNonQuery();
    return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
}
