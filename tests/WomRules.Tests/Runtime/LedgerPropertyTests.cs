using System.Globalization;
using System.Text;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Properties of the ledger (spec v1.1 §2, §12), seeded so a failure reproduces: running A then B from the saved state
/// equals running A+B, outcomes and final state byte for byte, at every split point of conformance case c1 and at
/// random split points of generated streams with reversals; and reversing every granting event returns every
/// participant to zero and the budget to unused.
/// </summary>
public sealed class LedgerPropertyTests
{
    private const string Yaml = """
        womrules: 1
        campaign: returns
        reversible_for: 10d
        events:
          sale: { total: int }
          note: {}
        counters: [sales]
        tiers:
          - name: basic
          - name: gold
            when: participant.lifetime_points >= 300
        budget: { points: 5000, credit: 200.00 }
        rules:
          - name: sale-bonus
            on: sale
            when: event.total > 0
            rewards:
              - { points: event.total, credit: 2.50, badge: buyer, counter: sales }
            limit: { count: 3, per: week }
          - name: sale-referral
            on: sale
            when: event.total > 0 and event.referrer != "" and event.referrer != event.actor
            rewards:
              - { to: referrer, points: 5, counter: sales, badge: friend }
              - { credit: 1.00 }
            limit: { count: 2, per: month, of: referrer }
        """;

    private static readonly CompiledCampaign Campaign = CampaignRunner.Compile(Yaml);

    // The same campaign with pending rewards (spec v1.1 §3), so splits fall between grants and their releases.
    private static readonly CompiledCampaign PendingCampaign = CampaignRunner.Compile(Yaml
        .Replace("badge: buyer, counter: sales }", "badge: buyer, counter: sales, pending: 2d }", StringComparison.Ordinal)
        .Replace("- { credit: 1.00 }", "- { credit: 1.00, pending: 90m }", StringComparison.Ordinal));

    // And with points that expire (spec v1.1 §4), soon enough that generated streams see lots expire.
    private static readonly CompiledCampaign ExpiringCampaign = CampaignRunner.Compile(Yaml
        .Replace("reversible_for: 10d\n", "reversible_for: 10d\nexpiry: { points: 5d }\n", StringComparison.Ordinal)
        .Replace("badge: buyer, counter: sales }", "badge: buyer, counter: sales, pending: 2d }", StringComparison.Ordinal));

    private static string C2 => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance", "v1.1", "c2-pending-and-expiry"));

    private static string C1 => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance", "v1.1", "c1-reversal"));

    [Fact]
    public void A_then_B_equals_A_plus_B_at_every_split_point_of_c1()
    {
        var campaign = CampaignCompilation.FromFile(Path.Combine(C1, "campaign.yaml")).Emit().Campaign!;
        var lines = File.ReadAllLines(Path.Combine(C1, "events.jsonl")).Where(l => l.Length > 0).ToArray();
        var whole = SplitRuns.Run(campaign, lines, lines.Length);
        for (var split = 0; split < lines.Length; split++)
        {
            SplitRuns.Run(campaign, lines, split).Should().Be(whole, $"splitting c1 after {split} events");
        }
    }

    [Fact]
    public void A_then_B_equals_A_plus_B_at_random_split_points_of_generated_streams_with_reversals()
    {
        var reversedSomething = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var lines = Generate(random, 40 + random.Next(40), withReversals: true).ToArray();
            var whole = SplitRuns.Run(Campaign, lines, lines.Length);
            reversedSomething += whole.Contains("\"kind\":\"reversed\"", StringComparison.Ordinal) ? 1 : 0;
            var split = random.Next(lines.Length + 1);
            SplitRuns.Run(Campaign, lines, split).Should().Be(whole, $"seed {seed}, split after {split} events");
        }

        reversedSomething.Should().BeGreaterThan(150, "most streams should reverse something, or the property proves little");
    }

    [Fact]
    public void A_then_B_equals_A_plus_B_at_every_split_point_of_c2_and_its_final_sweep()
    {
        var campaign = CampaignCompilation.FromFile(Path.Combine(C2, "campaign.yaml")).Emit().Campaign!;
        var lines = File.ReadAllLines(Path.Combine(C2, "events.jsonl")).Where(l => l.Length > 0)
            .Append("sweep " + File.ReadAllText(Path.Combine(C2, "until")).Trim()).ToArray();
        var whole = SplitRuns.Run(campaign, lines, lines.Length);
        whole.Should().Contain("\"kind\":\"expired\"").And.Contain("\"lots\"");
        for (var split = 0; split < lines.Length; split++)
        {
            SplitRuns.Run(campaign, lines, split).Should().Be(whole, $"splitting c2 after {split} lines");
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void A_then_B_equals_A_plus_B_at_random_split_points_of_streams_with_sweeps(bool pending, bool expiring)
    {
        var campaign = expiring ? ExpiringCampaign : pending ? PendingCampaign : Campaign;
        var released = 0;
        var expired = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var lines = Generate(random, 30 + random.Next(30), withReversals: true).ToList();

            // Sweeps at random places, some ahead of the events that follow them (which are then late), some behind.
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                var at = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(24 * 70));
                lines.Insert(random.Next(lines.Count + 1), "sweep " + at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            }

            var all = lines.ToArray();
            var whole = SplitRuns.Run(campaign, all, all.Length);
            released += whole.Contains("\"kind\":\"released\"", StringComparison.Ordinal) ? 1 : 0;
            expired += whole.Contains("\"kind\":\"expired\"", StringComparison.Ordinal) ? 1 : 0;
            var split = random.Next(all.Length + 1);
            SplitRuns.Run(campaign, all, split).Should().Be(whole, $"seed {seed}, split after {split} lines");
        }

        if (pending)
        {
            released.Should().BeGreaterThan(100, "most streams should release something, or the property proves little");
        }

        if (expiring)
        {
            expired.Should().BeGreaterThan(100, "most streams should expire something, or the property proves little");
        }
    }

    [Fact]
    public void A_then_B_equals_A_plus_B_at_every_split_point_of_a_stream_with_pending_grants_and_sweeps()
    {
        var random = new Random(11);
        var lines = Generate(random, 40, withReversals: true, days: 8).ToList();
        lines.Insert(20, "sweep 2026-03-05T00:00:00Z");
        lines.Add("sweep 2026-03-20T00:00:00Z");
        var all = lines.ToArray();
        var whole = SplitRuns.Run(PendingCampaign, all, all.Length);
        whole.Should().Contain("\"pending\":true").And.Contain("\"kind\":\"released\"").And.Contain("\"pending_until\"");
        for (var split = 0; split < all.Length; split++)
        {
            SplitRuns.Run(PendingCampaign, all, split).Should().Be(whole, $"split after {split} lines");
        }
    }

    [Fact]
    public void A_then_B_equals_A_plus_B_on_a_stream_long_enough_that_the_ledger_drops_old_entries()
    {
        var random = new Random(2026);
        var lines = Generate(random, 3000, withReversals: true).ToArray();
        var whole = SplitRuns.Run(Campaign, lines, lines.Length);
        foreach (var split in new[] { 1, 1023, 1024, 1500, 2999 })
        {
            SplitRuns.Run(Campaign, lines, split).Should().Be(whole, $"split after {split} events");
        }

        var engine = new CampaignEngine(Campaign);
        foreach (var line in lines)
        {
            engine.ProcessJson(line);
        }

        ((InMemoryParticipantStore)engine.Store).Ledger.GrantsHeld.Should().BeLessThan(1000, "grants older than reversible_for are dropped");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reversing_every_applied_event_returns_every_participant_to_zero_and_the_budget_to_unused(bool pending)
    {
        var campaign = pending ? PendingCampaign : Campaign;
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var engine = new CampaignEngine(campaign);
            var lines = Generate(random, 30 + random.Next(30), withReversals: false, days: 9).ToList();
            foreach (var line in lines)
            {
                engine.ProcessJson(line);
            }

            var store = (InMemoryParticipantStore)engine.Store;
            var applied = store.SeenEventIds.OrderBy(_ => random.Next()).ToList();
            var i = 0;
            foreach (var id in applied)
            {
                var outcomes = engine.ProcessJson(CampaignRunner.Event($"undo-{i++}", "event.reversed", "desk", $"{{\"target\": \"{id}\"}}", at: "2026-03-10T00:00:00Z"));
                outcomes.Should().NotContain(o => o is RejectedOutcome, $"seed {seed}: reversing {id}");
            }

            foreach (var p in store.Participants)
            {
                (p.Points, p.LifetimePoints, p.Credit, p.CounterValues.Values.Sum(), p.Badges.Count, p.PendingPoints, p.PendingCredit).Should().Be((0L, 0L, 0m, 0L, 0, 0L, 0m), $"seed {seed}: {p.Id}");
            }

            (store.PointsIssued, store.CreditIssued).Should().Be((0L, 0m), $"seed {seed}: the budget is unused again");
            SplitRuns.Save(store, campaign).Should().NotContain("\"limits\"", $"seed {seed}: every limit usage was released").And.NotContain("\"pending\"", $"seed {seed}: nothing is left to release");
        }
    }

    [Fact]
    public void A_ledger_mark_keeps_its_time_and_flags_at_every_extreme()
    {
        foreach (var at in new[] { new DateTime(1, 1, 1, 0, 0, 0, 1, DateTimeKind.Utc), new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), DateTime.MaxValue })
        {
            foreach (var (reversal, reversed) in new[] { (false, false), (true, false), (false, true), (true, true) })
            {
                var mark = new LedgerMark(at, reversal, reversed, grant: null);
                (mark.At.Ticks, mark.IsReversal, mark.Reversed).Should().Be((at.Ticks, reversal, reversed));
                (mark.WithReversed().At.Ticks, mark.WithReversed().Reversed, mark.WithReversed().IsReversal).Should().Be((at.Ticks, true, reversal));
            }
        }

        LedgerMark.Unknown.IsKnown.Should().BeFalse();
    }

    /// <summary>Sales (some with referrers, some self-referred), redemptions, notes and, if asked, reversals of earlier, unknown or reversal ids.</summary>
    private static IEnumerable<string> Generate(Random random, int count, bool withReversals, int days = 60)
    {
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var step = TimeSpan.FromDays(days) / count;
        for (var i = 0; i < count; i++)
        {
            var at = (start + (step * i)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var actor = $"u{random.Next(5)}";
            var kind = random.Next(withReversals ? 10 : 8);
            yield return kind switch
            {
                < 5 => CampaignRunner.Event($"e{i}", "sale", actor, $"{{\"total\": {random.Next(-5, 200)}}}", random.Next(3) == 0 ? null : $"u{random.Next(5)}", at),
                5 or 6 => CampaignRunner.Event($"e{i}", "points.redeemed", actor, $"{{\"points\": {random.Next(1, 150)}}}", at: at),
                7 => CampaignRunner.Event($"e{i}", "note", actor, at: at),
                _ => CampaignRunner.Event($"e{i}", "event.reversed", actor, $"{{\"target\": \"e{random.Next(i + 2)}\"}}", at: at),
            };
        }
    }
}
