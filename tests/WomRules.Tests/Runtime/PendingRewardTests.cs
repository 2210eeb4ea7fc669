using System.Globalization;
using System.Text;
using WomRules.Emit;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>Spec v1.1 §3 (pending rewards), with the clock of §1 and the reversal of a pending grant of §2, one behaviour a test.</summary>
public sealed class PendingRewardTests
{
    private const string Yaml = """
        womrules: 1
        campaign: held
        events:
          order: { total: int }
          check: {}
        tiers:
          - name: basic
          - name: gold
            when: participant.lifetime_points >= 100
        budget: { points: 250, credit: 50.00 }
        rules:
          - name: order-bonus
            on: order
            rewards:
              - { points: event.total, credit: 2.50, badge: buyer, pending: 14d }
          - name: rich
            on: check
            when: participant.points >= 100 and participant.pending_points == 0
            rewards:
              - badge: rich
          - name: waiting
            on: check
            when: participant.pending_points > 0 or participant.pending_credit > 0.00
            rewards:
              - alert: waiting
        """;

    private static string Order(string id, int total, string at, string actor = "ann") =>
        CampaignRunner.Event(id, "order", actor, $"{{\"total\": {total}}}", at: at);

    private static string Check(string id, string at, string actor = "ann") => CampaignRunner.Event(id, "check", actor, at: at);

    private static string Reverse(string id, string target, string at) =>
        CampaignRunner.Event(id, "event.reversed", "support", $"{{\"target\": \"{target}\"}}", at: at);

    [Fact]
    public void A_pending_grant_is_held_with_its_release_time_and_counts_for_neither_points_nor_lifetime_points()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Order("o1", 120, "2026-03-01T10:00:00Z")).Should().Equal(
            """{"kind":"reward","event":"o1","rule":"order-bonus","participant":"ann","points":120,"pending_until":"2026-03-15T10:00:00Z"}""",
            """{"kind":"reward","event":"o1","rule":"order-bonus","participant":"ann","credit":"2.50","pending_until":"2026-03-15T10:00:00Z"}""",
            """{"kind":"reward","event":"o1","rule":"order-bonus","participant":"ann","badge":"buyer"}""");
        var ann = runner.Participant("ann")!;
        (ann.Points, ann.LifetimePoints, ann.Credit, ann.PendingPoints, ann.PendingCredit, ann.Tier).Should().Be((0L, 0L, 0m, 120L, 2.50m, "basic"));
        ann.Badges.Should().Equal("buyer"); // badges are never pending

        runner.Run(CampaignRunner.Event("r1", "points.redeemed", "ann", """{"points": 10}""", at: "2026-03-02T10:00:00Z"))
            .Should().ContainSingle().Which.Should().Contain("\"kind\":\"rejected\"", "pending points cannot be spent");
    }

    [Fact]
    public void Release_comes_before_the_event_that_moves_the_clock_past_it_points_before_credit_and_that_event_sees_it()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Order("o1", 120, "2026-03-01T10:00:00Z"));
        runner.Run(Check("c1", "2026-03-10T10:00:00Z")).Should().Equal(
            """{"kind":"reward","event":"c1","rule":"waiting","participant":"ann","alert":"waiting","severity":"medium"}""");

        runner.Run(Check("c2", "2026-03-20T10:00:00Z", actor: "bob")).Should().Equal(
            """{"kind":"released","event":null,"due":"2026-03-15T10:00:00Z","source":"o1","rule":"order-bonus","participant":"ann","points":120}""",
            """{"kind":"tier","event":null,"due":"2026-03-15T10:00:00Z","participant":"ann","from":"basic","to":"gold"}""",
            """{"kind":"released","event":null,"due":"2026-03-15T10:00:00Z","source":"o1","rule":"order-bonus","participant":"ann","credit":"2.50"}""");
        runner.Run(Check("c3", "2026-03-21T10:00:00Z")).Should().Equal(
            """{"kind":"reward","event":"c3","rule":"rich","participant":"ann","badge":"rich"}""");
        var ann = runner.Participant("ann")!;
        (ann.Points, ann.LifetimePoints, ann.Credit, ann.PendingPoints, ann.PendingCredit).Should().Be((120L, 120L, 2.50m, 0L, 0m));
    }

    [Fact]
    public void A_release_is_exactly_at_its_due_time_and_a_sweep_releases_with_the_due_time_not_the_sweeps()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Order("o1", 50, "2026-03-01T10:00:00Z"));
        runner.Sweep(DateTimeOffset.Parse("2026-03-15T09:59:59Z", CultureInfo.InvariantCulture)).Should().BeEmpty();
        var released = runner.Sweep(DateTimeOffset.Parse("2026-04-30T00:00:00Z", CultureInfo.InvariantCulture));
        released.Should().Equal(
            """{"kind":"released","event":null,"due":"2026-03-15T10:00:00Z","source":"o1","rule":"order-bonus","participant":"ann","points":50}""",
            """{"kind":"released","event":null,"due":"2026-03-15T10:00:00Z","source":"o1","rule":"order-bonus","participant":"ann","credit":"2.50"}""");
        runner.Sweep(DateTimeOffset.Parse("2026-05-30T00:00:00Z", CultureInfo.InvariantCulture)).Should().BeEmpty("a grant is released once");
    }

    [Fact]
    public void Releases_due_at_one_instant_come_in_grant_order()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Order("o1", 10, "2026-03-01T10:00:00Z", actor: "zed"), Order("o2", 20, "2026-03-01T10:00:00Z", actor: "amy"));
        runner.Sweep(DateTimeOffset.Parse("2026-04-01T00:00:00Z", CultureInfo.InvariantCulture))
            .Select(r => (r[r.IndexOf("\"source\":", StringComparison.Ordinal)..][..13], r.Contains("\"points\"", StringComparison.Ordinal))).Should().Equal(("\"source\":\"o1\"", true), ("\"source\":\"o1\"", false), ("\"source\":\"o2\"", true), ("\"source\":\"o2\"", false));
    }

    [Fact]
    public void A_reversal_before_release_cancels_the_grant_returns_the_budget_and_nothing_is_released_later()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Order("o1", 200, "2026-03-01T10:00:00Z"));
        runner.Run(Order("o2", 100, "2026-03-02T10:00:00Z")).Should().Contain(o => o.Contains("\"reason\":\"budget\"", StringComparison.Ordinal), "the pending 200 is reserved against the budget of 250");
        runner.Run(Reverse("u1", "o1", "2026-03-05T10:00:00Z")).Should().Equal(
            """{"kind":"reversed","event":"u1","target":"o1","rule":"order-bonus","participant":"ann","pending":true,"points":200}""",
            """{"kind":"reversed","event":"u1","target":"o1","rule":"order-bonus","participant":"ann","pending":true,"credit":"2.50"}""",
            """{"kind":"reversed","event":"u1","target":"o1","rule":"order-bonus","participant":"ann","badge":"buyer"}""");
        var ann = runner.Participant("ann")!;
        (ann.Points, ann.PendingPoints, ann.PendingCredit).Should().Be((0L, 0L, 0m));
        runner.Engine.Store.PointsIssued.Should().Be(0);
        runner.Sweep(DateTimeOffset.Parse("2026-06-01T00:00:00Z", CultureInfo.InvariantCulture)).Should().BeEmpty();
        runner.Run(Order("o3", 240, "2026-06-02T10:00:00Z")).Should().Contain(o => o.Contains("\"points\":240", StringComparison.Ordinal), "the budget came back");
    }

    [Fact]
    public void A_reversal_after_release_takes_the_points_from_the_balance()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Order("o1", 40, "2026-03-01T10:00:00Z"));
        runner.Run(Reverse("u1", "o1", "2026-03-20T10:00:00Z")).Should().HaveCount(2 + 3).And.Contain(
            """{"kind":"reversed","event":"u1","target":"o1","rule":"order-bonus","participant":"ann","points":40}""");
        var ann = runner.Participant("ann")!;
        (ann.Points, ann.LifetimePoints, ann.Credit, ann.PendingPoints).Should().Be((0L, 0L, 0m, 0L));
    }

    [Fact]
    public void A_late_events_grant_whose_hold_already_ended_is_released_right_after_it()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Check("c1", "2026-04-01T10:00:00Z", actor: "bob"));
        var outcomes = runner.Run(Order("o1", 30, "2026-03-01T10:00:00Z"));
        outcomes.Select(o => o.Contains("\"kind\":\"released\"", StringComparison.Ordinal) ? "released" : "reward")
            .Should().Equal("reward", "reward", "reward", "released", "released");
        outcomes[3].Should().Contain("\"event\":null,\"due\":\"2026-03-15T10:00:00Z\"");
        runner.Participant("ann")!.Points.Should().Be(30);
    }

    [Fact]
    public void Both_evaluators_agree_on_pending_amounts_in_expressions_and_on_every_outcome_and_state()
    {
        var events = new[]
        {
            Order("o1", 120, "2026-03-01T10:00:00Z"), Check("c1", "2026-03-02T10:00:00Z"), Order("o2", 30, "2026-03-03T10:00:00Z", actor: "bob"),
            Reverse("u1", "o2", "2026-03-04T10:00:00Z"), Check("c2", "2026-03-16T10:00:00Z"), Check("c3", "2026-03-17T10:00:00Z"),
        };
        Run(EvaluatorKind.Reference, events).Should().Be(Run(EvaluatorKind.Compiled, events)).And.Contain("\"badge\":\"rich\"").And.Contain("\"alert\":\"waiting\"");
    }

    [Fact]
    public void A_state_file_whose_pending_grants_do_not_add_up_or_were_already_due_is_refused_with_the_path()
    {
        var campaign = CampaignRunner.Compile(Yaml);
        var engine = new CampaignEngine(campaign);
        engine.ProcessJson(Order("o1", 120, "2026-03-01T10:00:00Z"));
        var saved = Save(engine, campaign);
        saved.Should().Contain("\"pending\": [").And.Contain("\"pending_points\": 120");
        foreach (var (from, to, message) in new[]
        {
            ("\"pending_points\": 120", "\"pending_points\": 130", "pending_points"),
            ("\"due\": \"2026-03-15T10:00:00Z\"", "\"due\": \"2026-03-01T09:00:00Z\"", "released"),
            ("\"participant\": \"ann\",\n      \"points\"", "\"participant\": \"nobody\",\n      \"points\"", "nobody"),
        })
        {
            var edited = saved.Replace(from, to, StringComparison.Ordinal);
            edited.Should().NotBe(saved, from);
            var read = () => StateFile.Read(StateFileText.Read(new MemoryStream(Encoding.UTF8.GetBytes(edited))), campaign, verifyChecksum: false);
            read.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("$.pending").And.Contain(message);
        }
    }

    private static string Run(EvaluatorKind evaluator, string[] events)
    {
        var campaign = CampaignRunner.Compile(Yaml, evaluator);
        var engine = new CampaignEngine(campaign);
        var output = new StringBuilder();
        foreach (var line in events)
        {
            foreach (var outcome in engine.ProcessJson(line))
            {
                output.Append(outcome.ToJson()).Append('\n');
            }
        }

        return output.Append(Save(engine, campaign)).ToString();
    }

    private static string Save(CampaignEngine engine, CompiledCampaign campaign) => SplitRuns.Save((InMemoryParticipantStore)engine.Store, campaign);
}
