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
}
