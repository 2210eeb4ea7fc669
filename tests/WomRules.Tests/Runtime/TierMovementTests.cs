using System.Text.Json;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>Spec v1.1 §5, one behaviour a test: when tiers are computed, and in which outcome order (§1).</summary>
public sealed class TierMovementTests
{
    private const string Yaml = """
        womrules: 1
        campaign: tiers
        events:
          post: {}
        participant:
          followers: { type: int, default: 0 }
        tiers:
          - name: base
          - name: member
            when: participant.followers >= 0
          - name: gold
            when: participant.points >= 10
        rules:
          - name: post-points
            on: post
            rewards:
              - points: 10
              - { to: referrer, points: 1 }
        """;

    private static (string Kind, string? Participant, string? To) Brief(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return (root.GetProperty("kind").GetString()!, root.TryGetProperty("participant", out var p) ? p.GetString() : null, root.TryGetProperty("to", out var t) ? t.GetString() : null);
    }

    [Fact]
    public void Newcomers_start_in_the_tier_they_qualify_for_before_any_rule_runs_actor_then_referrer_then_changed_tiers()
    {
        var runner = new CampaignRunner(Yaml);
        var outcomes = runner.Run(CampaignRunner.Event("e1", "post", "ann", referrer: "bob")).Select(Brief).ToList();

        outcomes.Should().Equal(
            ("tier", "ann", "member"),
            ("tier", "bob", "member"),
            ("reward", "ann", null),
            ("reward", "bob", null),
            ("tier", "ann", "gold"));
    }

    [Fact]
    public void A_participant_already_seen_gets_no_first_sight_tier_again()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(CampaignRunner.Event("e1", "post", "ann", referrer: "zed"));
        var second = runner.Run(CampaignRunner.Event("e2", "post", "ann", referrer: "bob", at: "2026-03-03T10:00:00Z")).Select(Brief).ToList();

        second.Should().Equal(("tier", "bob", "member"), ("reward", "ann", null), ("reward", "bob", null));
    }

    [Fact]
    public void A_rejected_redemption_by_a_newcomer_gives_no_tier_outcome_and_creates_no_participant()
    {
        var runner = new CampaignRunner(Yaml);
        var outcomes = runner.Run(CampaignRunner.Event("x1", "points.redeemed", "cat", """{"points": 5}""")).Select(Brief).ToList();

        outcomes.Should().Equal(("rejected", null, null));
        runner.Participant("cat").Should().BeNull();
    }

    private const string Downgrading = """
        womrules: 1
        campaign: creators
        tiers_policy: { downgrade: true }
        events:
          sale: { total: int }
        participant:
          followers: { type: int, default: 0 }
        tiers:
          - name: creator
          - name: rising
            when: participant.followers >= 10000
          - name: star
            when: participant.followers >= 100000
          - name: buyer
            when: participant.points >= 100
        rules:
          - name: sale-points
            on: sale
            rewards:
              - points: event.total
        """;

    private static string Update(string id, string actor, long followers, string at) =>
        CampaignRunner.Event(id, "participant.updated", actor, $"{{\"attributes\": {{\"followers\": {followers}}}}}", at: at);

    private static string Sale(string id, string actor, int total, string at) => CampaignRunner.Event(id, "sale", actor, $"{{\"total\": {total}}}", at: at);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void With_downgrade_a_tier_whose_when_fails_moves_to_the_highest_tier_that_holds_and_without_it_never_down(bool downgrade)
    {
        var runner = new CampaignRunner(downgrade ? Downgrading : Downgrading.Replace("tiers_policy: { downgrade: true }\n", "", StringComparison.Ordinal));
        runner.Run(Update("u1", "amara", 250000, "2026-06-01T09:00:00Z")).Select(Brief).Should().Equal(("tier", "amara", "star"));
        var dropped = runner.Run(Update("u2", "amara", 65000, "2026-06-02T09:00:00Z")).Select(Brief).ToList();

        if (downgrade)
        {
            dropped.Should().Equal(("tier", "amara", "rising"));
            runner.Run(Update("u3", "amara", 5, "2026-06-03T09:00:00Z")).Select(Brief).Should().Equal(("tier", "amara", "creator"));
        }
        else
        {
            dropped.Should().BeEmpty();
            runner.Participant("amara")!.Tier.Should().Be("star");
        }
    }

    [Fact]
    public void With_downgrade_a_tier_above_the_current_that_holds_is_still_reached_and_the_downward_move_names_both_tiers()
    {
        var runner = new CampaignRunner(Downgrading);
        runner.Run(Update("u1", "ann", 20000, "2026-06-01T09:00:00Z"));
        var moved = runner.Run(Sale("s1", "ann", 150, "2026-06-02T09:00:00Z"));
        moved.Select(Brief).Last().Should().Be(("tier", "ann", "buyer"));
        var down = runner.Run(CampaignRunner.Event("x1", "points.redeemed", "ann", """{"points": 100}""", at: "2026-06-03T09:00:00Z"));

        using var doc = JsonDocument.Parse(down.Last());
        (doc.RootElement.GetProperty("kind").GetString(), doc.RootElement.GetProperty("from").GetString(), doc.RootElement.GetProperty("to").GetString())
            .Should().Be(("tier", "buyer", "rising"), "a redemption is a change, and with downgrade a tier on points is left when the points are spent");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_reversal_lowers_a_tier_only_with_downgrade(bool downgrade)
    {
        var runner = new CampaignRunner(downgrade ? Downgrading : Downgrading.Replace("tiers_policy: { downgrade: true }\n", "", StringComparison.Ordinal));
        runner.Run(Sale("s1", "bo", 150, "2026-06-01T09:00:00Z")).Select(Brief).Last().Should().Be(("tier", "bo", "buyer"));
        var reversed = runner.Run(CampaignRunner.Event("r1", "event.reversed", "desk", """{"target": "s1"}""", at: "2026-06-02T09:00:00Z")).Select(Brief).ToList();

        reversed.Should().Equal(downgrade ? [("reversed", "bo", null), ("tier", "bo", "creator")] : [("reversed", "bo", null)]);
        runner.Participant("bo")!.Tier.Should().Be(downgrade ? "creator" : "buyer");
    }

    [Fact]
    public void Downgrade_waits_for_a_change_and_writing_an_unchanged_value_is_no_change()
    {
        // The tier's 'when' reads an attribute, so nothing but a change of this participant can make it fail; a
        // same-value update is no change, so it moves nothing even where the tier would be recomputed.
        var runner = new CampaignRunner(Downgrading);
        runner.Run(Update("u1", "cy", 20000, "2026-06-01T09:00:00Z"));
        runner.Run(Update("u2", "cy", 20000, "2026-06-02T09:00:00Z")).Should().BeEmpty();
        runner.Participant("cy")!.Tier.Should().Be("rising");
    }

    [Theory]
    [InlineData("tiers_policy: { downgrade: true, hold: 30d }", "WOM1008")]
    [InlineData("tiers_policy: { downgrade: maybe }", "WOM1015")]
    [InlineData("tiers_policy: [true]", "")]
    public void Tiers_policy_accepts_only_downgrade_true_or_false_and_keep(string line, string id)
    {
        var result = CampaignCompilation.Create("womrules: 1\ncampaign: c\n" + line + "\nevents:\n  post: {}\n", "campaign.yaml").Emit();

        result.Success.Should().BeFalse();
        if (id.Length > 0)
        {
            result.Diagnostics.Should().Contain(d => d.Id == id);
        }
    }

    [Fact]
    public void The_dsl_takes_tiers_downgrade_and_keep_but_not_a_comma_between_them()
    {
        var ok = CampaignCompilation.Create("womrules 1\ncampaign c\ntiers downgrade\n\nevent post\n", "campaign.wom").Emit();
        ok.Success.Should().BeTrue(string.Join("\n", ok.Diagnostics));
        ok.Campaign!.Bound.TierDowngrade.Should().BeTrue();
        ok.Campaign!.Bound.TierKeep.Should().BeNull();

        var kept = CampaignCompilation.Create("womrules 1\ncampaign c\ntiers downgrade keep 30d\n\nevent post\n", "campaign.wom").Emit();
        kept.Success.Should().BeTrue(string.Join("\n", kept.Diagnostics));
        kept.Campaign!.Bound.TierKeep.Should().Be(TimeSpan.FromDays(30));

        var keep = CampaignCompilation.Create("womrules 1\ncampaign c\ntiers downgrade, keep 30d\n\nevent post\n", "campaign.wom").Emit();
        keep.Success.Should().BeFalse();
    }
}
