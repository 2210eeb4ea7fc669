using System.Globalization;
using WomRules.Runtime;

namespace WomRules.PostgreSql.Tests;

/// <summary>
/// The workload of the concurrent-engines tests, shared by the test and its worker processes so that both deal the
/// same events: one time-ordered stream over 300 participants, dealt round-robin to the engines, each engine also
/// re-sending about one in ten of the next engine's events at their place in time.
/// </summary>
internal static class ConcurrentWorkload
{
    public const int Engines = 4;

    /// <summary>Events per engine: 5,000 in CI, WOMRULES_CONCURRENT_EVENTS for the 25,000.</summary>
    public static int EventsPerEngine { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("WOMRULES_CONCURRENT_EVENTS"), out var n) && n > 0 ? n : 5_000;

    /// <summary>Three fifths of what the stream asks, and not a multiple of the grant: one point over would show.</summary>
    public static long Budget(int perEngine) => perEngine * Engines * 6L + 5;

    public static CompiledCampaign Campaign(int perEngine) => CampaignCompilation.Create($$"""
        womrules: 1
        campaign: concurrent-engines
        events:
          referral.converted: {}
        counters: [actions, referred]
        budget: { points: {{Budget(perEngine).ToString(CultureInfo.InvariantCulture)}} }
        rules:
          - name: act
            on: referral.converted
            rewards: [ { to: actor, points: 10 } ]
          - name: count-actor
            on: referral.converted
            rewards: [ { to: actor, counter: actions } ]
          - name: count-referrer
            on: referral.converted
            when: event.referrer != event.actor
            rewards: [ { to: referrer, counter: referred } ]
        """, "concurrent.yaml").Emit().Campaign ?? throw new InvalidOperationException("the concurrent-engines campaign has errors");

    public static (List<EngagementEvent>[] Streams, List<EngagementEvent> All) Streams(int perEngine)
    {
        var random = new Random(13);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var streams = Enumerable.Range(0, Engines).Select(_ => new List<EngagementEvent>()).ToArray();
        var all = new List<EngagementEvent>();
        for (var i = 0; i < Engines * perEngine; i++)
        {
            var e = new EngagementEvent($"c-{i}", "referral.converted", start.AddSeconds(i), $"p-{random.Next(300)}", $"p-{random.Next(300)}", null);
            streams[i % Engines].Add(e);
            all.Add(e);
            if (random.Next(10) == 0)
            {
                streams[(i + Engines - 1) % Engines].Add(e);
                all.Add(e);
            }
        }

        return (streams, all);
    }

    /// <summary>One engine over its own connection; a commit that loses a race is sent again (docs/postgresql.md). Returns the retries.</summary>
    public static async Task<int> RunEngine(CompiledCampaign campaign, string database, IReadOnlyList<EngagementEvent> stream)
    {
        await using var store = PostgreSqlParticipantStore.Open(campaign, database);
        var engine = new CampaignEngine(campaign, store);
        var retries = 0;
        foreach (var e in stream)
        {
            while (true)
            {
                try
                {
                    await engine.ProcessAsync(e, CancellationToken.None);
                    break;
                }
                catch (StoreCommitException ex) when (!ex.EngineFaulted && retries < 100_000)
                {
                    retries++;
                }
            }
        }

        return retries;
    }
}
