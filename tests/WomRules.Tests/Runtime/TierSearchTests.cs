using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>The tier check compiled as one delegate must keep spec §4.8: highest reached tier wins, tiers never go down, and a condition that fails counts as not reached.</summary>
public sealed class TierSearchTests
{
    private const string Campaign = """
        womrules: 1
        campaign: tiers
        budget: { points: 1000000 }
        events:
          earn: { points: int }
        tiers:
          - name: bronze
          - name: silver
            when: participant.points >= 10
          - name: gold
            when: 100 / (participant.points - 50) > 0
          - name: platinum
            when: participant.points >= 1000
        rules:
          - name: earn
            on: earn
            rewards:
              - points: event.points
        """;

    [Fact]
    public void A_failing_condition_counts_as_not_reached_and_lower_tiers_are_still_checked()
    {
        var runner = new CampaignRunner(Campaign);

        // 50 points: gold's condition divides by zero, so silver is the highest tier reached.
        var outcomes = runner.Run(Event("e-1", "earn", "u-1", """{"points": 50}"""));

        outcomes.Should().Contain(o => o.Contains("\"kind\":\"tier\"", StringComparison.Ordinal) && o.Contains("\"to\":\"silver\"", StringComparison.Ordinal));
        runner.Participant("u-1")!.Tier.Should().Be("silver");
    }

    [Fact]
    public void The_highest_tier_reached_wins_and_tiers_never_go_down()
    {
        var runner = new CampaignRunner(Campaign);

        runner.Run(Event("e-1", "earn", "u-1", """{"points": 1000}"""));
        runner.Participant("u-1")!.Tier.Should().Be("platinum");

        // 1,060 points: gold holds and platinum still holds; nothing changes, and no tier outcome.
        var outcomes = runner.Run(Event("e-2", "earn", "u-1", """{"points": 60}"""));
        outcomes.Should().NotContain(o => o.Contains("\"kind\":\"tier\"", StringComparison.Ordinal));
        runner.Participant("u-1")!.Tier.Should().Be("platinum");
    }

    [Fact]
    public void Gold_is_reached_when_its_condition_holds_above_silver()
    {
        var runner = new CampaignRunner(Campaign);

        runner.Run(Event("e-1", "earn", "u-1", """{"points": 10}"""));
        runner.Participant("u-1")!.Tier.Should().Be("silver");
        var outcomes = runner.Run(Event("e-2", "earn", "u-1", """{"points": 50}"""));

        outcomes.Should().Contain(o => o.Contains("\"from\":\"silver\"", StringComparison.Ordinal) && o.Contains("\"to\":\"gold\"", StringComparison.Ordinal));
    }
}
