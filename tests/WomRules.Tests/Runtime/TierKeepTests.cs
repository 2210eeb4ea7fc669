using System.Text.Json;
using WomRules.Diagnostics;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Spec v1.1 §5 <c>tiers_policy.keep</c>, one behaviour a test: a tier is not left before keep has passed since it was
/// reached; at the end of keep a tier whose 'when' no longer holds is left as a time-driven effect (§1), otherwise at
/// the first change after it; re-qualifying does not restart keep.
/// </summary>
public sealed class TierKeepTests
{
    private const string Yaml = """
        womrules: 1
        campaign: creators
        tiers_policy: { downgrade: true, keep: 30d }
        events:
          post: {}
        participant:
          followers: { type: int, default: 0 }
        tiers:
          - name: creator
          - name: rising
            when: participant.followers >= 10000
          - name: star
            when: participant.followers >= 100000
        rules:
          - name: post-points
            on: post
            rewards:
              - points: 10
        """;

    private static string Update(string id, string actor, int followers, string at) =>
        CampaignRunner.Event(id, "participant.updated", actor, "{\"attributes\": {\"followers\": " + followers.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}", at: at);

    private static string Post(string id, string actor, string at) => CampaignRunner.Event(id, "post", actor, at: at);

    private static List<string> Tiers(IEnumerable<string> outcomes) =>
        [.. outcomes.Where(o => JsonDocument.Parse(o).RootElement.GetProperty("kind").GetString() == "tier")];

    [Fact]
    public void A_drop_inside_keep_waits_and_the_clock_reaching_the_end_of_keep_moves_the_participant_down_at_that_moment()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Update("u1", "amara", 250000, "2026-06-01T09:00:00Z"));

        Tiers(runner.Run(Update("u2", "amara", 60000, "2026-06-10T08:00:00Z"))).Should().BeEmpty("keep has not passed");
        runner.Participant("amara")!.Tier.Should().Be("star");

        // An event of another participant moves the clock past the end of keep: the move comes first, at its due time.
        var outcomes = runner.Run(Post("p1", "cleo", "2026-07-03T10:00:00Z"));
        outcomes[0].Should().Be("""{"kind":"tier","event":null,"due":"2026-07-01T09:00:00Z","participant":"amara","from":"star","to":"rising"}""");
        outcomes.Should().HaveCount(2, "then cleo's own reward");
        runner.Participant("amara")!.TierSince.Should().Be(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), "the move happened at its due time");
    }

    [Fact]
    public void A_sweep_reaching_the_end_of_keep_moves_the_participant_down()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Update("u1", "amara", 250000, "2026-06-01T09:00:00Z"), Update("u2", "amara", 0, "2026-06-02T09:00:00Z"));

        runner.Sweep(new DateTimeOffset(2026, 7, 1, 8, 59, 0, TimeSpan.Zero)).Should().BeEmpty("a minute before the end of keep");
        runner.Sweep(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero)).Should().Equal(
            """{"kind":"tier","event":null,"due":"2026-07-01T09:00:00Z","participant":"amara","from":"star","to":"creator"}""");
        runner.Sweep(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)).Should().BeEmpty("the first tier has no keep to end");
    }

    [Fact]
    public void Re_qualifying_inside_keep_does_not_restart_it()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(
            Update("u1", "amara", 250000, "2026-06-01T09:00:00Z"),
            Update("u2", "amara", 60000, "2026-06-10T08:00:00Z"),
            Update("u3", "amara", 110000, "2026-06-20T08:00:00Z"),
            Update("u4", "amara", 65000, "2026-06-25T08:00:00Z"));

        runner.Participant("amara")!.TierSince.Should().Be(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        runner.Sweep(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero)).Should().ContainSingle()
            .Which.Should().Contain("\"due\":\"2026-07-01T09:00:00Z\"", "keep still ends 30 days after star was reached");
    }

    [Fact]
    public void A_tier_that_still_holds_at_the_end_of_keep_is_left_at_the_first_change_after_it_that_leaves_its_when_false()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Update("u1", "bima", 12000, "2026-06-05T10:00:00Z"));
        runner.Sweep(new DateTimeOffset(2026, 7, 10, 0, 0, 0, TimeSpan.Zero)).Should().BeEmpty("rising still holds at the end of keep");

        Tiers(runner.Run(Update("u2", "bima", 8000, "2026-07-20T10:00:00Z"))).Should().Equal(
            """{"kind":"tier","event":"u2","participant":"bima","from":"rising","to":"creator"}""");
        runner.Participant("bima")!.TierSince.Should().Be(new DateTimeOffset(2026, 7, 20, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_time_driven_move_down_to_a_tier_above_the_first_starts_a_new_keep()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Update("u1", "amara", 250000, "2026-06-01T09:00:00Z"), Update("u2", "amara", 20000, "2026-06-02T09:00:00Z"));
        runner.Sweep(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero)).Should().ContainSingle().Which.Should().Contain("\"to\":\"rising\"");

        Tiers(runner.Run(Update("u3", "amara", 0, "2026-07-05T00:00:00Z"))).Should().BeEmpty("rising was reached on 2026-07-01 and is kept 30 days");
        runner.Sweep(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero)).Should().Equal(
            """{"kind":"tier","event":null,"due":"2026-07-31T09:00:00Z","participant":"amara","from":"rising","to":"creator"}""");
    }

    [Fact]
    public void At_one_instant_an_expiry_comes_before_a_keep_end_and_the_tier_it_leaves_is_left_with_it()
    {
        // The points lot and the tier both date from the sale: the lot expires (a release or expiry goes first, §1), the
        // tier is computed after it at that moment, with keep just passed, so the move belongs to the expiry; the keep end
        // then finds nothing to do.
        var runner = new CampaignRunner("""
            womrules: 1
            campaign: loyalty
            tiers_policy: { downgrade: true, keep: 30d }
            expiry: { points: 30d }
            events:
              sale: { total: int }
            tiers:
              - name: member
              - name: silver
                when: participant.points >= 100
            rules:
              - name: sale-points
                on: sale
                rewards:
                  - points: event.total
            """);
        runner.Run(CampaignRunner.Event("s1", "sale", "ann", """{"total": 150}""", at: "2026-03-01T00:00:00Z"));

        runner.Sweep(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)).Should().Equal(
            """{"kind":"expired","event":null,"due":"2026-03-31T00:00:00Z","participant":"ann","points":150}""",
            """{"kind":"tier","event":null,"due":"2026-03-31T00:00:00Z","participant":"ann","from":"silver","to":"member"}""");
    }

    [Fact]
    public void At_one_instant_a_release_comes_before_a_keep_end_so_the_keep_end_sees_the_released_points()
    {
        // Silver reached with the sale, and a gift held 30 days from the same instant; the redemption drops below silver
        // inside keep. Keep ends and the gift is released at one instant: the release first (§1), so silver holds again.
        var runner = new CampaignRunner("""
            womrules: 1
            campaign: loyalty
            tiers_policy: { downgrade: true, keep: 30d }
            events:
              sale: { total: int }
              gift: { total: int }
            tiers:
              - name: member
              - name: silver
                when: participant.points >= 100
            rules:
              - name: sale-points
                on: sale
                rewards:
                  - points: event.total
              - name: gift-points
                on: gift
                rewards:
                  - { points: event.total, pending: 30d }
            """);
        runner.Run(
            CampaignRunner.Event("s1", "sale", "ann", """{"total": 150}""", at: "2026-03-01T00:00:00Z"),
            CampaignRunner.Event("g1", "gift", "ann", """{"total": 50}""", at: "2026-03-01T00:00:00Z"),
            CampaignRunner.Event("r1", "points.redeemed", "ann", """{"points": 100}""", at: "2026-03-01T01:00:00Z"));
        runner.Participant("ann")!.Tier.Should().Be("silver", "kept");

        runner.Sweep(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero))
            .Select(o => JsonDocument.Parse(o).RootElement.GetProperty("kind").GetString())
            .Should().Equal(["released"], "released first, the keep end then finds silver holding");
        runner.Participant("ann")!.Tier.Should().Be("silver");
    }

    [Fact]
    public void Keep_ends_due_at_one_instant_go_in_participant_order()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(
            Update("u1", "zed", 20000, "2026-06-01T09:00:00Z"),
            Update("u2", "amy", 20000, "2026-06-01T09:00:00Z"),
            Update("u3", "zed", 0, "2026-06-02T09:00:00Z"),
            Update("u4", "amy", 0, "2026-06-02T09:00:00Z"));

        runner.Sweep(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero))
            .Select(o => JsonDocument.Parse(o).RootElement.GetProperty("participant").GetString())
            .Should().Equal("amy", "zed");
    }

    [Fact]
    public void Keep_takes_a_positive_duration_and_without_downgrade_it_is_a_warning_at_the_keep()
    {
        Diagnostics("womrules: 1\ncampaign: shop\ntiers_policy: { downgrade: true, keep: 0d }\nevents: { sale: {} }\n", "campaign.yaml")
            .Should().Contain(d => d.StartsWith("campaign.yaml(3,40)", StringComparison.Ordinal) && d.Contains("error WOM3051", StringComparison.Ordinal));
        Diagnostics("campaign shop\ntiers downgrade keep -3d\n", "campaign.wom")
            .Should().Contain(d => d.StartsWith("campaign.wom(2,22)", StringComparison.Ordinal) && d.Contains("error WOM3051", StringComparison.Ordinal));
        Diagnostics("campaign shop\ntiers downgrade keep soon\n", "campaign.wom")
            .Should().Contain(d => d.StartsWith("campaign.wom(2,22)", StringComparison.Ordinal) && d.Contains("error WOM3050", StringComparison.Ordinal));

        foreach (var (text, path, at) in new[]
        {
            ("womrules: 1\ncampaign: shop\ntiers_policy: { keep: 30d }\nevents: { sale: {} }\n", "campaign.yaml", "campaign.yaml(3,23)"),
            ("womrules: 1\ncampaign: shop\ntiers_policy: { downgrade: false, keep: 30d }\nevents: { sale: {} }\n", "campaign.yaml", "campaign.yaml(3,41)"),
            ("campaign shop\ntiers keep 30d\n", "campaign.wom", "campaign.wom(2,12)"),
        })
        {
            var diagnostics = CampaignCompilation.Create(text, path).GetDiagnostics();
            diagnostics.Should().NotContain(d => d.Severity == DiagnosticSeverity.Error, text);
            diagnostics.Select(d => d.ToString()).Should().Contain(d => d.StartsWith(at, StringComparison.Ordinal) && d.Contains("warning WOM3061", StringComparison.Ordinal), text);
        }
    }

    [Theory]
    [InlineData("tiers", "campaign.wom(2,6)", "expected 'downgrade' or 'keep'")]
    [InlineData("tiers downgrade keep", "campaign.wom(2,21)", "expected a value")]
    [InlineData("tiers keep 30d downgrade", "campaign.wom(2,16)", "unexpected 'downgrade'")]
    [InlineData("tiers downgrade keep 30d keep 2d", "campaign.wom(2,26)", "unexpected 'keep'")]
    public void The_dsl_tiers_line_takes_downgrade_then_keep_and_says_where_it_is_malformed(string line, string at, string message)
    {
        Diagnostics("campaign shop\n" + line + "\n\nevent sale\n", "campaign.wom").Should().ContainSingle()
            .Which.Should().StartWith(at).And.Contain("WOM5001").And.Contain(message);
    }

    [Fact]
    public void A_keep_without_downgrade_changes_nothing_tiers_never_go_down()
    {
        var runner = new CampaignRunner(Yaml.Replace("{ downgrade: true, keep: 30d }", "{ keep: 30d }", StringComparison.Ordinal));
        runner.Run(Update("u1", "amara", 250000, "2026-06-01T09:00:00Z"), Update("u2", "amara", 0, "2026-06-02T09:00:00Z"));

        runner.Sweep(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)).Should().BeEmpty();
        Tiers(runner.Run(Update("u3", "amara", 5, "2027-01-02T00:00:00Z"))).Should().BeEmpty();
        runner.Participant("amara")!.Tier.Should().Be("star");
    }

    private static List<string> Diagnostics(string text, string path) =>
        [.. CampaignCompilation.Create(text, path).GetDiagnostics().Select(d => d.ToString())];
}
