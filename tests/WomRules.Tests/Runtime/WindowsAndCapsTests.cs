using System.Text.Json;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Spec v1.1 §7: rolling windows at their exact edges, a late event's window, a reversal leaving the window, named caps
/// shared by rules (the `cap` field, the `of` participant, reversal giving usage back), and c5's walkthrough points about
/// windows and caps on a campaign without identity signals (c5 itself also needs §8).
/// </summary>
public sealed class WindowsAndCapsTests
{
    private const string Campaign = """
        womrules: 1
        campaign: windows
        events:
          referral.converted: { basket_total: decimal }
          daily.checkin: {}
        budget: { points: 100000, credit: 1000.00 }
        caps:
          invite-cap: { count: 3, per: month, of: referrer }
        rules:
          - name: invite-credit
            on: referral.converted
            when: event.basket_total >= 25
            rewards:
              - { to: referrer, credit: 4.00 }
            limit: invite-cap
          - name: invite-points
            on: referral.converted
            rewards:
              - { to: referrer, points: round(event.basket_total) }
            limit: invite-cap
          - name: checkin-points
            on: daily.checkin
            rewards:
              - points: 5
            limit: { count: 1, per: 24h }
        """;

    private static string C5 => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance", "v1.1", "c5-windows-caps-identity"));

    [Fact]
    public void C5_walkthrough_points_about_windows_and_caps_hold_without_identity()
    {
        // The c5 events and expected lines that involve no identity signal: greta's cap across two rules, the 24h edges
        // and the reversed check-in (walkthrough points 2, 5, 7 to 11).
        string[] ids = ["inv-1", "chk-1", "inv-5", "inv-6", "chk-2", "chk-3", "chk-4", "undo-chk-4", "chk-5"];
        var events = File.ReadAllLines(Path.Combine(C5, "events.jsonl")).Where(l => ids.Contains(EventId(l))).ToArray();
        var expected = File.ReadAllLines(Path.Combine(C5, "expected.jsonl")).Where(l => ids.Contains(EventId(l))).ToList();
        expected.Should().HaveCount(12);
        var runner = new CampaignRunner(Campaign);
        var actual = runner.Run(events);
        ConformanceComparison.FirstDifference(string.Join("\n", actual), string.Join("\n", expected)).Should().BeNull();
    }

    [Theory]
    [InlineData("2026-09-03T07:29:59Z", "skipped")] // one second inside (at - 24h, at]
    [InlineData("2026-09-03T07:30:00Z", "reward")] // exactly 24h later: the earlier firing is at the open lower end
    [InlineData("2026-09-02T07:30:00Z", "skipped")] // the same instant: 'not later than at' includes it
    public void A_rolling_window_is_open_below_and_closed_above(string at, string kind)
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(CampaignRunner.Event("c1", "daily.checkin", "greta", at: "2026-09-02T07:30:00Z"));
        Kind(runner.Run(CampaignRunner.Event("c2", "daily.checkin", "greta", at: at)).Single()).Should().Be(kind);
    }

    [Fact]
    public void A_late_event_window_is_computed_from_the_kept_firings_and_ends_at_its_own_at()
    {
        // count 1 per 2d keeps one firing: after day 1 and day 5, only day 5 is kept (spec v1.1 §7).
        var yaml = Campaign.Replace("count: 1, per: 24h", "count: 1, per: 2d", StringComparison.Ordinal);
        var runner = new CampaignRunner(yaml);
        runner.Run(
            CampaignRunner.Event("a", "daily.checkin", "u", at: "2026-09-01T00:00:00Z"),
            CampaignRunner.Event("b", "daily.checkin", "u", at: "2026-09-05T00:00:00Z"));
        Kind(runner.Run(CampaignRunner.Event("same", "daily.checkin", "u", at: "2026-09-05T00:00:00Z")).Single()).Should().Be("skipped");
        Kind(runner.Run(CampaignRunner.Event("late-1", "daily.checkin", "u", at: "2026-09-04T23:00:00Z")).Single()).Should().Be("reward", "day 5 is after it, and day 1 is outside its window");
        Kind(runner.Run(CampaignRunner.Event("late-2", "daily.checkin", "u", at: "2026-09-02T00:00:00Z")).Single()).Should().Be("reward", "day 1 was pushed out by day 5, and a late firing before the kept one is not kept either");
    }

    [Fact]
    public void Only_the_latest_count_firing_times_are_kept()
    {
        // count 2 per 30d: after firings at days 1, 2 (and a skip), a reversal of day 2 frees a place; state keeps at most 2.
        var yaml = Campaign.Replace("count: 1, per: 24h", "count: 2, per: 30d", StringComparison.Ordinal);
        var runner = new CampaignRunner(yaml);
        var outcomes = runner.Run(
            CampaignRunner.Event("d1", "daily.checkin", "u", at: "2026-09-01T00:00:00Z"),
            CampaignRunner.Event("d2", "daily.checkin", "u", at: "2026-09-02T00:00:00Z"),
            CampaignRunner.Event("d3", "daily.checkin", "u", at: "2026-09-03T00:00:00Z"),
            CampaignRunner.Event("undo", "event.reversed", "u", """{"target": "d2"}""", at: "2026-09-03T01:00:00Z"),
            CampaignRunner.Event("d4", "daily.checkin", "u", at: "2026-09-04T00:00:00Z"),
            CampaignRunner.Event("d5", "daily.checkin", "u", at: "2026-09-05T00:00:00Z"));
        outcomes.Select(Kind).Should().Equal("reward", "reward", "skipped", "reversed", "reward", "skipped");
        var state = SplitRuns.Save((InMemoryParticipantStore)runner.Engine.Store, runner.Engine.Campaign);
        using var document = JsonDocument.Parse(state);
        document.RootElement.GetProperty("participants").GetProperty("u").GetProperty("rolling").GetProperty("checkin-points").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public void A_cap_is_used_by_every_rule_naming_it_and_reported_with_its_name_and_of_participant()
    {
        var runner = new CampaignRunner(Campaign);
        var outcomes = runner.Run(
            CampaignRunner.Event("i1", "referral.converted", "a", """{"basket_total": 30}""", "greta", "2026-09-01T10:00:00Z"),
            CampaignRunner.Event("i2", "referral.converted", "b", """{"basket_total": 30}""", "greta", "2026-09-02T10:00:00Z"));
        var skipped = outcomes.Select(o => JsonDocument.Parse(o).RootElement).Where(o => o.GetProperty("kind").GetString() == "skipped").ToList();
        skipped.Should().ContainSingle();
        skipped[0].GetProperty("cap").GetString().Should().Be("invite-cap");
        skipped[0].GetProperty("participant").GetString().Should().Be("greta");
        skipped[0].GetProperty("rule").GetString().Should().Be("invite-points");
    }

    [Fact]
    public void A_reversal_gives_cap_usage_back_and_the_next_month_starts_afresh()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(
            CampaignRunner.Event("i1", "referral.converted", "a", """{"basket_total": 30}""", "greta", "2026-09-01T10:00:00Z"),
            CampaignRunner.Event("i2", "referral.converted", "b", """{"basket_total": 10}""", "greta", "2026-09-02T10:00:00Z"));
        runner.Run(CampaignRunner.Event("i3", "referral.converted", "c", """{"basket_total": 30}""", "greta", "2026-09-03T10:00:00Z"))
            .Select(Kind).Should().Equal("skipped", "skipped");
        runner.Run(CampaignRunner.Event("undo", "event.reversed", "ops", """{"target": "i1"}""", at: "2026-09-04T10:00:00Z"));
        runner.Run(CampaignRunner.Event("i4", "referral.converted", "d", """{"basket_total": 30}""", "greta", "2026-09-05T10:00:00Z"))
            .Select(Kind).Should().Equal("reward", "reward");
        runner.Run(CampaignRunner.Event("i5", "referral.converted", "e", """{"basket_total": 30}""", "greta", "2026-10-01T00:00:00Z"))
            .Select(Kind).Should().Equal("reward", "reward");
    }

    [Fact]
    public void A_rolling_cap_is_shared_and_a_rule_limit_skip_has_no_cap_field()
    {
        var yaml = Campaign.Replace("{ count: 3, per: month, of: referrer }", "{ count: 2, per: 7d, of: referrer }", StringComparison.Ordinal);
        var runner = new CampaignRunner(yaml);
        var outcomes = runner.Run(
            CampaignRunner.Event("i1", "referral.converted", "a", """{"basket_total": 30}""", "greta", "2026-09-01T10:00:00Z"),
            CampaignRunner.Event("i2", "referral.converted", "b", """{"basket_total": 30}""", "greta", "2026-09-08T10:00:00Z"),
            CampaignRunner.Event("c1", "daily.checkin", "u"),
            CampaignRunner.Event("c2", "daily.checkin", "u"));
        outcomes.Select(Kind).Should().Equal("reward", "reward", "reward", "reward", "reward", "skipped");
        JsonDocument.Parse(outcomes[^1]).RootElement.TryGetProperty("cap", out _).Should().BeFalse();
    }

    private static string Kind(string outcome) => JsonDocument.Parse(outcome).RootElement.GetProperty("kind").GetString()!;

    private static string EventId(string line) =>
        JsonDocument.Parse(line).RootElement.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()!
        : JsonDocument.Parse(line).RootElement.TryGetProperty("id", out var id) ? id.GetString()! : "";
}
