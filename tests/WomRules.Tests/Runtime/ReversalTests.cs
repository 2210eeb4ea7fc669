using System.Globalization;
using System.Text;
using System.Text.Json;
using WomRules.Diagnostics;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>Spec v1.1 §2, one behaviour a test: what <c>event.reversed</c> takes back, gives back, and refuses.</summary>
public sealed class ReversalTests
{
    private const string Yaml = """
        womrules: 1
        campaign: returns
        reversible_for: 30d
        events:
          sale: { total: int }
          note: {}
        counters: [sales]
        tiers:
          - name: basic
          - name: gold
            when: participant.lifetime_points >= 100
        budget: { points: 100000, credit: 30.00 }
        rules:
          - name: sale-bonus
            on: sale
            when: event.total > 0
            rewards:
              - { points: event.total, credit: 10.00, badge: buyer, counter: sales, alert: big-sale }
            limit: { count: 1, per: month }
          - name: sale-referral
            on: sale
            when: event.total > 0 and event.referrer != ""
            rewards:
              - { to: referrer, points: 5, counter: sales }
        """;

    private static string Sale(string id, string actor, int total, string? referrer = null, string at = "2026-03-02T10:00:00Z") =>
        CampaignRunner.Event(id, "sale", actor, $"{{\"total\": {total}}}", referrer, at);

    private static string Reverse(string id, string target, string at = "2026-03-05T10:00:00Z", string actor = "desk") =>
        CampaignRunner.Event(id, "event.reversed", actor, $"{{\"target\": \"{target}\", \"reason\": \"returned\"}}", at: at);

    private static string Redeem(string id, string actor, int points, string at = "2026-03-03T10:00:00Z") =>
        CampaignRunner.Event(id, "points.redeemed", actor, $"{{\"points\": {points}}}", at: at);

    [Fact]
    public void A_reversal_takes_back_every_granted_amount_from_every_participant_in_the_targets_order_but_not_alerts()
    {
        var runner = new CampaignRunner(Yaml);
        var granted = runner.Run(Sale("s1", "ann", 150, referrer: "bob"));
        var reversed = runner.Run(Reverse("r1", "s1"));

        // One reversed outcome per reward outcome that granted an amount, same rule, participant and amount, in order.
        var expected = granted.Select(Fields).Where(f => f["kind"] == "reward" && !f.ContainsKey("alert")).ToList();
        expected.Should().NotBeEmpty();
        var actual = reversed.Select(Fields).Where(f => f["kind"] == "reversed").ToList();
        actual.Should().HaveCount(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            actual[i]["event"].Should().Be("r1");
            actual[i]["target"].Should().Be("s1");
            actual[i].Where(f => f.Key is not ("kind" or "event" or "target")).Should().BeEquivalentTo(expected[i].Where(f => f.Key is not ("kind" or "event")));
        }

        foreach (var id in new[] { "ann", "bob" })
        {
            var p = runner.Participant(id)!;
            (p.Points, p.LifetimePoints, p.Credit, p.CounterValues["sales"], p.Badges.Count).Should().Be((0L, 0L, 0m, 0L, 0), id + " is back where it started");
        }
    }

    [Fact]
    public void A_clawback_of_points_already_redeemed_leaves_a_negative_balance_and_lowers_lifetime_points()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", "ann", 150), Sale("s2", "ann", 40, at: "2026-04-02T10:00:00Z"), Redeem("x1", "ann", 170, at: "2026-04-03T10:00:00Z"));
        runner.Run(Reverse("r1", "s2", at: "2026-04-04T10:00:00Z"));
        var ann = runner.Participant("ann")!;
        ann.Points.Should().Be(150 + 40 - 170 - 40);
        ann.LifetimePoints.Should().Be(150);
        ann.Tier.Should().Be("gold", "without tiers_policy a tier never goes down");
        runner.Run(Redeem("x2", "ann", 1, at: "2026-04-05T10:00:00Z")).Should().ContainSingle(o => o.Contains("\"kind\":\"rejected\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reversal_releases_the_limit_usage_and_returns_the_budget_the_target_took()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", "ann", 10), Sale("s2", "ann", 10, at: "2026-03-03T10:00:00Z"))
            .Should().Contain(o => o.Contains("\"reason\":\"limit\"", StringComparison.Ordinal), "one firing a month");
        runner.Run(Sale("s3", "cat", 10), Sale("s4", "dan", 10)).Count(o => o.Contains("\"credit\"", StringComparison.Ordinal)).Should().Be(2);
        runner.Run(Sale("s5", "eve", 10)).Should().Contain(o => o.Contains("\"reason\":\"budget\"", StringComparison.Ordinal), "30.00 of credit is spent");
        var store = (InMemoryParticipantStore)runner.Engine.Store;
        var (points, credit) = (store.PointsIssued, store.CreditIssued);

        runner.Run(Reverse("r1", "s1"));
        store.PointsIssued.Should().Be(points - 10);
        store.CreditIssued.Should().Be(credit - 10.00m);
        var again = runner.Run(Sale("s6", "ann", 10, at: "2026-03-06T10:00:00Z"));
        again.Should().Contain(o => o.Contains("\"badge\":\"buyer\"", StringComparison.Ordinal), "the limit slot and the budget came back, and a removed badge is granted again with an outcome");
    }

    [Fact]
    public void Reversing_a_redemption_restores_its_points_without_changing_lifetime_points()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", "ann", 150), Redeem("x1", "ann", 120));
        var outcomes = runner.Run(Reverse("r1", "x1"));
        outcomes.Should().Equal("{\"kind\":\"restored\",\"event\":\"r1\",\"target\":\"x1\",\"participant\":\"ann\",\"points\":120}");
        var ann = runner.Participant("ann")!;
        (ann.Points, ann.LifetimePoints).Should().Be((150L, 150L));
    }

    [Fact]
    public void A_target_that_granted_nothing_is_reversed_without_an_outcome_and_only_once()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(CampaignRunner.Event("n1", "note", "ann")).Should().BeEmpty();
        runner.Run(Reverse("r1", "n1")).Should().BeEmpty();
        runner.Run(Reverse("r2", "n1")).Should().ContainSingle(o => o.Contains("\"kind\":\"rejected\"", StringComparison.Ordinal));
    }

    public static TheoryData<string, string[]> Refused => new()
    {
        { "an unknown target", [] },
        { "a rejected target", [Redeem("x9", "ann", 100_000)] },
        { "a reversal", [Reverse("r0", "s1")] },
        { "a target already reversed", [Reverse("r0", "s1"), "TARGET=s1"] },
        { "a target more than reversible_for older", [Reverse("r0", "s1", at: "2026-04-01T10:00:01Z"), "TARGET=s1"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_refused_reversal_is_rejected_changes_nothing_and_records_no_id(string what, string[] before)
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", "ann", 150, referrer: "bob"));
        var target = what switch
        {
            "an unknown target" => "s-none",
            "a rejected target" => "x9",
            "a reversal" => "r0",
            _ => "s1",
        };
        var setup = before.Where(l => !l.StartsWith("TARGET=", StringComparison.Ordinal)).ToArray();
        if (what == "a target more than reversible_for older")
        {
            setup = [];
        }

        runner.Run(setup);
        var store = (InMemoryParticipantStore)runner.Engine.Store;
        var state = Save(runner.Engine);

        var at = what == "a target more than reversible_for older" ? "2026-04-01T10:00:01Z" : "2026-03-06T10:00:00Z";
        runner.Run(Reverse("r9", target, at: at)).Should().ContainSingle().Which.Should().Contain("\"kind\":\"rejected\"", what);
        // Only the clock moves: a reversal rejected for its target still moves it (spec v1.1 §1).
        WithoutClock(Save(runner.Engine)).Should().Be(WithoutClock(state), what + " must change nothing but the clock");
        runner.Engine.Clock.Should().BeOnOrAfter(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));
        store.HasSeenEvent("r9").Should().BeFalse("a rejected reversal records no id");
    }

    [Fact]
    public void A_reversal_exactly_reversible_for_after_its_target_is_accepted()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", "ann", 150));
        runner.Run(Reverse("r1", "s1", at: "2026-04-01T10:00:00Z")).Should().Contain(o => o.Contains("\"kind\":\"reversed\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reversal_timed_before_its_target_is_accepted()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", "ann", 150));
        runner.Run(Reverse("r1", "s1", at: "2026-03-01T10:00:00Z")).Should().Contain(o => o.Contains("\"kind\":\"reversed\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reversal_creates_no_participant_for_its_actor()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", "ann", 150), Reverse("r1", "s1", actor: "support-desk"));
        runner.Participant("support-desk").Should().BeNull();
    }

    [Fact]
    public void A_rule_on_event_reversed_and_a_bad_reversible_for_are_compile_errors_with_positions()
    {
        Errors(Yaml.Replace("on: sale\n    when: event.total > 0\n    rewards:\n      - { points: event.total", "on: event.reversed\n    rewards:\n      - { points: 1", StringComparison.Ordinal))
            .Should().Contain(d => d.StartsWith("campaign.yaml(", StringComparison.Ordinal) && d.Contains("WOM3052", StringComparison.Ordinal));
        foreach (var (text, id) in new[] { ("0d", "WOM3051"), ("-5d", "WOM3051"), ("5x", "WOM3050"), ("d", "WOM3050"), ("1.5d", "WOM3050"), ("99999999w", "WOM3050") })
        {
            Errors(Yaml.Replace("reversible_for: 30d", "reversible_for: " + text, StringComparison.Ordinal))
                .Should().ContainSingle(d => d.Contains(id, StringComparison.Ordinal), text).Which.Should().StartWith("campaign.yaml(3,17)", text);
        }

        Errors(Yaml.Replace("reversible_for: 30d", "reversible_for: 90m", StringComparison.Ordinal)).Should().BeEmpty();
        Errors(Yaml.Replace("reversible_for: 30d", "reversible_for: 52w", StringComparison.Ordinal)).Should().BeEmpty();
    }

    private static List<string> Errors(string yaml) =>
        [.. CampaignCompilation.Create(yaml, "campaign.yaml").GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())];

    private static string Save(CampaignEngine engine)
    {
        using var stream = new MemoryStream();
        ((InMemoryParticipantStore)engine.Store).WriteTo(stream, engine.Campaign);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Dictionary<string, string> Fields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>A state file without its clock and the checksum that covers it.</summary>
    private static string WithoutClock(string state) =>
        string.Join('\n', state.Split('\n').Where(l => !l.Contains("\"clock\":", StringComparison.Ordinal) && !l.Contains("\"checksum\":", StringComparison.Ordinal)));
}
