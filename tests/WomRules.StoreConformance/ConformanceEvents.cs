using System.Globalization;
using System.Text.Json;
using WomRules.Runtime;

namespace WomRules.StoreConformance;

/// <summary>
/// The campaign and the seeded event streams the suite runs: referrals and reviews among a few participants, with a
/// budget the stream exhausts, a per-referrer limit, a daily limit, counters, badges, a tier and re-sent ids. It keeps
/// only what every store holds (participants, seen ids, budget used), so a store closed and reopened must resume it.
/// </summary>
public static class ConformanceEvents
{
    /// <summary>The participant ids the streams use.</summary>
    public static readonly string[] Participants = ["u-0", "u-1", "u-2", "u-3", "u-4", "u-5", "u-6", "u-7"];

    /// <summary>The campaign, in YAML.</summary>
    public const string Yaml = """
        womrules: 1
        campaign: store-conformance
        events:
          referral.converted: { order_total: decimal }
          review.posted: { text: string }
        participant:
          country: { type: string, default: MY }
        counters: [referrals]
        budget: { points: 20000, credit: 300.00 }
        tiers:
          - name: bronze
          - name: silver
            when: participant.lifetime_points >= 1500
        rules:
          - name: referral
            on: referral.converted
            when: event.order_total >= 20 and event.referrer != event.actor
            rewards:
              - { to: referrer, points: 500, counter: referrals }
              - { to: actor, credit: 10.00 }
            limit: { count: 3, per: campaign, of: referrer }
          - name: reviewer
            on: review.posted
            rewards: [ { points: 100, badge: reviewer } ]
            limit: { count: 2, per: day }
        """;

    /// <summary>The campaign, compiled (throws if it has errors).</summary>
    public static CompiledCampaign Compile() =>
        CampaignCompilation.Create(Yaml, "store-conformance.yaml").Emit().Campaign ?? throw new InvalidOperationException("the conformance campaign has errors");

    /// <summary>A seeded stream of <paramref name="count"/> events; about one in ten re-sends an earlier id.</summary>
    public static EngagementEvent[] Stream(int seed, int count)
    {
        var random = new Random(seed);
        var events = new EngagementEvent[count];
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            at = at.AddMinutes(random.Next(1, 240));
            if (i > 0 && random.Next(10) == 0)
            {
                events[i] = events[random.Next(i)];
                continue;
            }

            var actor = Participants[random.Next(Participants.Length)];
            events[i] = random.Next(10) < 7
                ? new EngagementEvent($"e-{seed}-{i}", "referral.converted", at, actor, random.Next(5) == 0 ? null : Participants[random.Next(Participants.Length)],
                    new Dictionary<string, object?> { ["order_total"] = random.Next(1000, 6000) / 100m })
                : new EngagementEvent($"e-{seed}-{i}", "review.posted", at, actor, null, new Dictionary<string, object?> { ["text"] = "great" });
        }

        return events;
    }

    /// <summary>An event as an events-file line.</summary>
    public static string ToLine(EngagementEvent e)
    {
        var line = new Dictionary<string, object?>
        {
            ["id"] = e.Id,
            ["type"] = e.Type,
            ["at"] = e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["actor"] = e.Actor,
        };
        if (e.Referrer is not null)
        {
            line["referrer"] = e.Referrer;
        }

        line["attributes"] = e.Attributes;
        return JsonSerializer.Serialize(line);
    }
}
