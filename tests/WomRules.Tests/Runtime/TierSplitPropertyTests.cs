using System.Globalization;
using System.Text;
using WomRules.Emit;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Spec v1.1 §5 and §12 as properties over seeded random streams of sales, redemptions, participant.updated,
/// reversals, late events and sweeps, without downgrade, with it, and with a <c>keep</c>: A then B from the saved state
/// equals A+B (outcomes and state file, byte for byte, so <c>tier_since</c> and the queued keep ends included) at random
/// split points, and the compiled and reference evaluators give the same outcomes and state. With a keep, no tier
/// goes down before keep has passed since it was reached, and a time-driven move is exactly at the end of a keep.
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

    private static readonly TimeSpan Keep = TimeSpan.FromDays(2);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void A_then_B_equals_A_plus_B_at_random_split_points_and_both_evaluators_agree(bool downgrade, bool keep)
    {
        var yaml = !downgrade ? Yaml.Replace("tiers_policy: { downgrade: true }\n", "", StringComparison.Ordinal)
            : keep ? Yaml.Replace("{ downgrade: true }", "{ downgrade: true, keep: 2d }", StringComparison.Ordinal)
            : Yaml;
        var compiled = CampaignRunner.Compile(yaml, EvaluatorKind.Compiled);
        var reference = CampaignRunner.Compile(yaml, EvaluatorKind.Reference);
        var (movedDown, seeded, keepEnds) = (0, 0, 0);
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var lines = Generate(random, 20 + random.Next(40)).ToArray();
            var whole = SplitRuns.Run(compiled, lines, lines.Length);
            SplitRuns.Run(reference, lines, lines.Length).Should().Be(whole, $"the evaluators must agree, seed {seed}");
            var split = random.Next(lines.Length + 1);
            SplitRuns.Run(compiled, lines, split).Should().Be(whole, $"seed {seed}, split after {split} events");
            movedDown += whole.Split('\n').Count(l => l.Contains("\"kind\":\"tier\"", StringComparison.Ordinal) && IsDown(l)) > 0 ? 1 : 0;
            seeded += whole.Contains("\"tier_since\"", StringComparison.Ordinal) ? 1 : 0;
            if (keep)
            {
                keepEnds += CheckKeep(lines, whole, seed);
            }
        }

        if (keep)
        {
            keepEnds.Should().BeGreaterThan(50, "many streams should move a tier down at the end of a keep, or the property proves little");
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

    /// <summary>
    /// Spec v1.1 §5 as a law over one run: the time of each tier change is the clock (the latest 'at' or sweep so far)
    /// or its due time; a move down is never less than <see cref="Keep"/> after the participant's last tier change, and
    /// a time-driven move (this campaign has nothing else due) is exactly at it. Returns how many time-driven moves.
    /// </summary>
    private static int CheckKeep(string[] lines, string whole, int seed)
    {
        var clockAfter = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var clock = DateTime.MinValue;
        foreach (var line in lines)
        {
            var at = line.StartsWith("sweep ", StringComparison.Ordinal) ? line[6..] : System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("at").GetString()!;
            var time = DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            clock = time > clock ? time : clock;
            if (!line.StartsWith("sweep ", StringComparison.Ordinal))
            {
                clockAfter[System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!] = clock;
            }
        }

        var lastChange = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var timeDriven = 0;
        foreach (var line in whole.Split('\n').TakeWhile(l => l != "--- state ---").Where(l => l.Contains("\"kind\":\"tier\"", StringComparison.Ordinal)))
        {
            var outcome = System.Text.Json.JsonDocument.Parse(line).RootElement;
            var participant = outcome.GetProperty("participant").GetString()!;
            var due = outcome.TryGetProperty("due", out var d) ? DateTime.Parse(d.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) : (DateTime?)null;
            var time = due ?? clockAfter[outcome.GetProperty("event").GetString()!];
            if (IsDown(line))
            {
                (time - lastChange[participant]).Should().BeGreaterThanOrEqualTo(Keep, $"seed {seed}: {line} moves down inside keep");
            }

            if (due is not null)
            {
                IsDown(line).Should().BeTrue($"seed {seed}: only a keep end is due in this campaign, and it only moves down");
                (time - lastChange[participant]).Should().Be(Keep, $"seed {seed}: {line} is a keep end");
                timeDriven++;
            }

            lastChange[participant] = time;
        }

        return timeDriven;
    }

    private static bool IsDown(string line)
    {
        string[] order = ["basic", "rising", "star", "top"];
        var from = Array.FindIndex(order, t => line.Contains($"\"from\":\"{t}\"", StringComparison.Ordinal));
        var to = Array.FindIndex(order, t => line.Contains($"\"to\":\"{t}\"", StringComparison.Ordinal));
        return to < from;
    }

    /// <summary>Sales with and without referrers, redemptions, updates (some repeating a value), reversals, sweeps; a tenth of them late.</summary>
    private static IEnumerable<string> Generate(Random random, int count)
    {
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var time = start.AddHours(i * 7 - (random.Next(10) == 0 ? random.Next(1, 60) : 0));
            var at = time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var actor = $"u{random.Next(5)}";
            if (random.Next(12) == 0)
            {
                // A sweep, up to three days ahead (a sweep to a time before the clock does nothing).
                yield return "sweep " + time.AddHours(random.Next(72)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                continue;
            }

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
