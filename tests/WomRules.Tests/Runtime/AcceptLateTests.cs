using System.Globalization;
using System.Text.Json;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Spec v1.1 §13, the lateness horizon: `too late` checked first (before the duplicate check), exactly at the horizon
/// accepted, nothing changed by a too-late event, ids and calendar windows forgotten past the horizon and left out of the
/// state file; and spec v1.1 §12 for §7 and §13: A then B from the saved state equals A+B, outcomes and state byte for
/// byte, over random streams with late events, resends, reversals, rolling windows, caps and sweeps.
/// </summary>
public sealed class AcceptLateTests
{
    internal const string Yaml = """
        womrules: 1
        campaign: late
        accept_late: 2d
        reversible_for: 5d
        events:
          sale: { total: int }
          checkin: {}
        budget: { points: 100000 }
        caps:
          month-cap: { count: 4, per: month, of: referrer }
          week-cap: { count: 2, per: 3d }
        rules:
          - name: sale-points
            on: sale
            rewards:
              - points: event.total
            limit: week-cap
          - name: sale-referral
            on: sale
            when: event.referrer != "" and event.referrer != event.actor
            rewards:
              - { to: referrer, points: 7 }
            limit: month-cap
          - name: sale-bonus
            on: sale
            rewards:
              - points: 1
            limit: { count: 2, per: day }
          - name: checkin
            on: checkin
            rewards:
              - points: 5
            limit: { count: 2, per: 36h }
        """;

    private static readonly CompiledCampaign Campaign = CampaignRunner.Compile(Yaml);

    private static string Sale(string id, string at, string actor = "u1") => CampaignRunner.Event(id, "sale", actor, """{"total": 10}""", at: at);

    [Fact]
    public void C6_too_late_cases_an_event_at_the_horizon_is_accepted_one_second_before_is_too_late_and_resends()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("a1", "2026-10-06T03:30:00Z"), Sale("b1", "2026-10-10T12:00:00Z", "u2"));
        var outcomes = runner.Run(
            Sale("at-horizon", "2026-10-08T12:00:00Z", "u3"),
            Sale("too-late", "2026-10-08T11:59:59Z", "u4"),
            Sale("a1", "2026-10-06T03:30:00Z"),
            Sale("b1", "2026-10-10T12:00:00Z", "u2"));
        var parsed = outcomes.Select(o => JsonDocument.Parse(o).RootElement).ToList();
        parsed.Where(o => o.GetProperty("event").GetString() == "at-horizon").Select(o => o.GetProperty("kind").GetString()).Should().Contain("reward");
        Single(parsed, "too-late").GetProperty("kind").GetString().Should().Be("rejected");
        Single(parsed, "too-late").GetProperty("reason").GetString().Should().StartWith("too late");
        Single(parsed, "a1").GetProperty("reason").GetString().Should().StartWith("too late", "the horizon check comes before the duplicate check");
        Single(parsed, "b1").GetProperty("kind").GetString().Should().Be("duplicate");
        runner.Participant("u4").Should().BeNull("a too-late event changes nothing, and creates no participant");
    }

    [Fact]
    public void Too_late_comes_before_every_other_step_and_changes_nothing()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("a1", "2026-10-10T00:00:00Z"));
        var before = SplitRuns.Save((InMemoryParticipantStore)runner.Engine.Store, Campaign);

        // An undeclared type, a missing actor, a redemption it cannot pay: all too late first.
        var outcomes = runner.Run(
            CampaignRunner.Event("x1", "undeclared.type", "u1", at: "2026-10-01T00:00:00Z"),
            """{"id": "x2", "type": "sale", "at": "2026-10-01T00:00:00Z"}""",
            CampaignRunner.Event("x3", "points.redeemed", "u1", """{"points": 99999}""", at: "2026-10-01T00:00:00Z"));
        outcomes.Select(o => JsonDocument.Parse(o).RootElement.GetProperty("reason").GetString()).Should().OnlyContain(r => r!.StartsWith("too late", StringComparison.Ordinal));
        SplitRuns.Save((InMemoryParticipantStore)runner.Engine.Store, Campaign).Should().Be(before);
    }

    [Fact]
    public void The_state_file_holds_only_ids_and_windows_an_acceptable_event_can_need()
    {
        var engine = new CampaignEngine(Campaign);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 200; i++)
        {
            engine.ProcessJson(CampaignRunner.Event($"c{i}", "checkin", "u1", at: Time(start.AddHours(12 * i))));
            engine.ProcessJson(Sale($"s{i}", Time(start.AddHours((12 * i) + 1)), "u1"));
        }

        var state = SplitRuns.Save((InMemoryParticipantStore)engine.Store, Campaign);
        using var document = JsonDocument.Parse(state);
        var root = document.RootElement;

        // The clock is 99.5 days in; the horizon 2 days before it: 4 half-days of ids (two events each), plus the ones
        // a reversal could still need within reversible_for (5d) because they granted something.
        var seen = root.GetProperty("seen_events").EnumerateArray().Select(e => e.GetString()).ToList();
        seen.Count.Should().BeLessThan(30, "ids past the horizon are forgotten: " + string.Join(",", seen));
        var participant = root.GetProperty("participants").GetProperty("u1");
        participant.GetProperty("limits").GetProperty("sale-bonus").EnumerateObject().Count().Should().BeLessThanOrEqualTo(3, "day windows that ended before the horizon are forgotten");
        participant.GetProperty("rolling").GetProperty("checkin").GetArrayLength().Should().Be(2, "a rolling window keeps its latest count firings");
        participant.GetProperty("rolling_caps").GetProperty("week-cap").GetArrayLength().Should().Be(2);
        ((InMemoryParticipantStore)engine.Store).SeenEventIds.Count().Should().BeLessThan(40, "memory holds about one horizon of ids, not the history");
    }

    [Fact]
    public void A_then_B_equals_A_plus_B_with_late_events_resends_reversals_windows_caps_and_sweeps()
    {
        var lateSomething = 0;
        for (var seed = 0; seed < 250; seed++)
        {
            var random = new Random(seed);
            var lines = Generate(random, 40 + random.Next(40)).ToArray();
            var whole = SplitRuns.Run(Campaign, lines, lines.Length);
            lateSomething += whole.Contains("too late", StringComparison.Ordinal) ? 1 : 0;
            var split = random.Next(lines.Length + 1);
            SplitRuns.Run(Campaign, lines, split).Should().Be(whole, $"seed {seed}, split after {split} lines");
        }

        lateSomething.Should().BeGreaterThan(100, "most streams should hold a too-late event, or the property proves little");
    }

    [Fact]
    public void Evaluators_agree_on_streams_with_windows_caps_and_a_horizon()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var runner = new CampaignRunner(Yaml);
            runner.Run([.. Generate(new Random(seed), 60).Where(l => !l.StartsWith("sweep", StringComparison.Ordinal))]).Should().NotBeEmpty();
        }
    }

    [Fact]
    public void A_state_file_with_more_rolling_firings_than_the_count_keeps_the_latest_count()
    {
        // Saved under an older campaign whose count was 3: the latest 2 are kept, so only 02:00 and 02:30 count.
        const string state = """{"participants": {"u1": {"rolling": {"checkin": ["2026-03-01T00:00:00Z", "2026-03-01T02:00:00Z", "2026-03-01T02:30:00Z"]}}}}""";
        var engine = new CampaignEngine(Campaign, InMemoryParticipantStore.ReadFrom(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(state)), Campaign));
        engine.ProcessJson(CampaignRunner.Event("c1", "checkin", "u1", at: "2026-03-02T03:00:00Z")).Single().Kind.Should().Be("skipped", "02:00 and 02:30 are within 36h");
        engine.ProcessJson(CampaignRunner.Event("c2", "checkin", "u1", at: "2026-03-02T14:15:00Z")).Single().Kind.Should().Be("reward", "02:00 is out of the window (14:15 - 36h = 02:15) and 00:00 was not kept");
        SplitRuns.Save((InMemoryParticipantStore)engine.Store, Campaign).Should().Contain("\"2026-03-01T02:30:00Z\",\n").And.NotContain("2026-03-01T00:00:00Z");
    }

    private static JsonElement Single(List<JsonElement> outcomes, string id) => outcomes.Single(o => o.GetProperty("event").GetString() == id);

    private static string Time(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Sales and check-ins mostly in time order, some late (within or past the horizon), resends of earlier ids, reversals and sweeps.</summary>
    internal static IEnumerable<string> Generate(Random random, int count)
    {
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var sent = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var at = start.AddHours((i * 9) - (random.Next(4) == 0 ? random.Next(80) : 0));
            var actor = $"u{random.Next(4)}";
            string line = random.Next(12) switch
            {
                < 5 => CampaignRunner.Event($"e{i}", "sale", actor, $"{{\"total\": {random.Next(1, 50)}}}", random.Next(2) == 0 ? null : $"u{random.Next(4)}", Time(at)),
                < 8 => CampaignRunner.Event($"e{i}", "checkin", actor, at: Time(at)),
                < 10 => CampaignRunner.Event($"e{i}", "event.reversed", actor, $"{{\"target\": \"e{random.Next(i + 1)}\"}}", at: Time(at)),
                10 when sent.Count > 0 => sent[random.Next(sent.Count)],
                _ => "sweep " + Time(at.AddHours(random.Next(60))),
            };
            if (!line.StartsWith("sweep", StringComparison.Ordinal))
            {
                sent.Add(line);
            }

            yield return line;
        }
    }
}
