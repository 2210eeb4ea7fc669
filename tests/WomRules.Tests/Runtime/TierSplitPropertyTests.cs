using System.Globalization;
using System.Text;
using WomRules.Emit;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Spec v1.1 §5 and §12 as properties over seeded random streams of sales, redemptions, participant.updated,
/// reversals and late events, with and without downgrade: A then B from the saved state equals A+B (outcomes and state
/// file, byte for byte, so <c>tier_since</c> included) at random split points, and the compiled and reference
/// evaluators give the same outcomes and state.
/// </summary>
public sealed class TierSplitPropertyTests
{
    private const string Yaml = """
        womrules: 1
        campaign: moving-tiers
        tiers_policy: { downgrade: true }
        events:
          sale: { total: int }
        participant:
          followers: { type: int, default: 0 }
          vip: { type: bool, default: false }
        tiers:
          - name: basic
          - name: rising
            when: participant.followers >= 1000 or participant.points >= 100
          - name: star
            when: participant.followers >= 10000 and participant.vip
          - name: top
            when: participant.points >= 400
        rules:
          - name: sale-points
            on: sale
            when: event.total > 0
            rewards:
              - points: event.total + (if participant.tier >= 'star' then 10 else 0)
          - name: referral
            on: sale
            when: event.referrer != "" and event.referrer != event.actor
            rewards:
              - { to: referrer, points: 20 }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_then_B_equals_A_plus_B_at_random_split_points_and_both_evaluators_agree(bool downgrade)
    {
        var yaml = downgrade ? Yaml : Yaml.Replace("tiers_policy: { downgrade: true }\n", "", StringComparison.Ordinal);
        var compiled = CampaignRunner.Compile(yaml, EvaluatorKind.Compiled);
        var reference = CampaignRunner.Compile(yaml, EvaluatorKind.Reference);
        var (movedDown, seeded) = (0, 0);
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var lines = Generate(random, 20 + random.Next(40)).ToArray();
            var whole = RunSplit(compiled, lines, lines.Length);
            RunSplit(reference, lines, lines.Length).Should().Be(whole, $"the evaluators must agree, seed {seed}");
            var split = random.Next(lines.Length + 1);
            RunSplit(compiled, lines, split).Should().Be(whole, $"seed {seed}, split after {split} events");
            movedDown += whole.Split('\n').Count(l => l.Contains("\"kind\":\"tier\"", StringComparison.Ordinal) && IsDown(l)) > 0 ? 1 : 0;
            seeded += whole.Contains("\"tier_since\"", StringComparison.Ordinal) ? 1 : 0;
        }

        seeded.Should().Be(400, "every stream names a participant, so every state carries a tier_since");
        if (downgrade)
        {
            movedDown.Should().BeGreaterThan(100, "many streams should move a tier down, or the property proves little");
        }
        else
        {
            movedDown.Should().Be(0, "without downgrade, tiers never go down");
        }
    }

    private static bool IsDown(string line)
    {
        string[] order = ["basic", "rising", "star", "top"];
        var from = Array.FindIndex(order, t => line.Contains($"\"from\":\"{t}\"", StringComparison.Ordinal));
        var to = Array.FindIndex(order, t => line.Contains($"\"to\":\"{t}\"", StringComparison.Ordinal));
        return to < from;
    }

    private static string RunSplit(CompiledCampaign campaign, string[] lines, int split)
    {
        var output = new StringBuilder();
        var engine = new CampaignEngine(campaign);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i == split)
            {
                var saved = Save((InMemoryParticipantStore)engine.Store, campaign);
                engine = new CampaignEngine(campaign, InMemoryParticipantStore.ReadFrom(new MemoryStream(Encoding.UTF8.GetBytes(saved)), campaign));
            }

            foreach (var outcome in engine.ProcessJson(lines[i]))
            {
                output.Append(outcome.ToJson()).Append('\n');
            }
        }

        return output.Append("--- state ---\n").Append(Save((InMemoryParticipantStore)engine.Store, campaign)).ToString();
    }

    private static string Save(InMemoryParticipantStore store, CompiledCampaign campaign)
    {
        using var stream = new MemoryStream();
        store.WriteTo(stream, campaign);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Sales with and without referrers, redemptions, updates (some repeating a value), reversals; a tenth of them late.</summary>
    private static IEnumerable<string> Generate(Random random, int count)
    {
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var time = start.AddHours(i * 7 - (random.Next(10) == 0 ? random.Next(1, 60) : 0));
            var at = time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var actor = $"u{random.Next(5)}";
            yield return random.Next(10) switch
            {
                < 4 => CampaignRunner.Event($"e{i}", "sale", actor, $"{{\"total\": {random.Next(-5, 150)}}}", random.Next(3) == 0 ? $"u{random.Next(6)}" : null, at),
                4 or 5 => CampaignRunner.Event($"e{i}", "points.redeemed", actor, $"{{\"points\": {random.Next(1, 200)}}}", at: at),
                6 or 7 or 8 => CampaignRunner.Event($"e{i}", "participant.updated", actor, Update(random), at: at),
                _ => CampaignRunner.Event($"e{i}", "event.reversed", actor, $"{{\"target\": \"e{random.Next(i + 2)}\"}}", at: at),
            };
        }
    }

    private static string Update(Random random)
    {
        var parts = new List<string>();
        if (random.Next(4) > 0)
        {
            parts.Add($"\"followers\": {new[] { 0, 500, 1000, 5000, 10000, 20000 }[random.Next(6)]}");
        }

        if (random.Next(3) == 0)
        {
            parts.Add($"\"vip\": {(random.Next(2) == 0 ? "true" : "false")}");
        }

        return $"{{\"attributes\": {{{string.Join(", ", parts)}}}}}";
    }
}
