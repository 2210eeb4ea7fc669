using WomRules.CSharp.Tests.Support;
using WomRules.Tests.Support;

namespace WomRules.CSharp.Tests;

/// <summary>A compiled C# rule behaves like a native one in the engine: failures skip the rule, atomically.</summary>
public sealed class CSharpRuleBehaviourTests
{
    [Fact]
    public void A_runtime_exception_skips_the_rule_with_reason_error()
    {
        var runner = new CampaignRunner(CSharpCampaigns.WithWhen("Event.Text.Substring(100) == \"x\""), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, "short")).Should().Equal(
            """{"kind":"skipped","event":"e-1","rule":"csharp-rule","participant":"u-1","reason":"error","detail":"the condition could not be evaluated: the expression failed (ArgumentOutOfRangeException)"}""");
    }

    [Fact]
    public void Integer_overflow_is_checked_and_skips_the_rule()
    {
        var runner = new CampaignRunner(CSharpCampaigns.WithWhen("Event.Rating * 4611686018427387904 > 0"), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, "x")).Should().Equal(
            """{"kind":"skipped","event":"e-1","rule":"csharp-rule","participant":"u-1","reason":"error","detail":"the condition could not be evaluated: arithmetic overflow: a value is past the range of its type"}""");
    }

    [Fact]
    public void Division_by_zero_in_an_amount_skips_the_whole_rule()
    {
        // The counter reward must not apply when the points amount fails: a rule fires as a whole or not at all.
        var runner = new CampaignRunner(CSharpCampaigns.WithWhen("true", "100 / (Event.Rating - 5)"), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, "x")).Should().Equal(
            """{"kind":"skipped","event":"e-1","rule":"csharp-rule","participant":"u-1","reason":"error","detail":"the amount could not be computed: division by zero"}""");
        runner.Participant("u-1")!.CounterValues["reviews"].Should().Be(0);
    }

    [Fact]
    public void A_negative_amount_skips_the_rule()
    {
        var runner = new CampaignRunner(CSharpCampaigns.WithWhen("true", "Event.Rating - 10"), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, "x")).Should().ContainSingle().Which.Should().Contain("\"reason\":\"error\"");
    }

    [Fact]
    public void A_rule_reading_the_Referrer_global_does_not_fire_without_a_referrer()
    {
        var runner = new CampaignRunner(CSharpCampaigns.WithWhen("Referrer.Points >= 0"), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, "x")).Should().BeEmpty();
        runner.Run(CSharpCampaigns.Review("e-2", 5, "x", referrer: "u-9")).Should().HaveCount(2);
    }

    [Fact]
    public void Event_Referrer_is_the_id_and_does_not_need_a_referrer()
    {
        var runner = new CampaignRunner(CSharpCampaigns.WithWhen("Event.Referrer == \"\""), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, "x")).Should().HaveCount(2);
    }

    [Fact]
    public void Globals_read_participant_state_tiers_lists_and_attributes()
    {
        var when = """
            Participant.Country == "MY" && Participant.TierRank == Tiers.Bronze && Participant.Tier == "bronze"
              && Participant.Badges.Count == 0 && Event.Tags.Contains("new") && Event.Tags[0] == "new"
              && Event.OrderTotal == 0m && Participant.Credit == 0m && Participant.LifetimePoints == Participant.Points
            """;
        var runner = new CampaignRunner(CSharpCampaigns.WithWhen(when, "Participant.Reviews + 1"), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, "x", tags: "[\"new\"]")).Should().Contain(o => o.Contains("\"points\":1}", StringComparison.Ordinal));
        runner.Run(CSharpCampaigns.Review("e-2", 5, "x", tags: "[\"new\"]")).Should().Contain(o => o.Contains("\"points\":2}", StringComparison.Ordinal));
        runner.Run(CSharpCampaigns.Review("e-3", 5, "x", tags: "[\"old\"]")).Should().BeEmpty();
    }

    [Fact]
    public void Allowed_string_and_math_members_work()
    {
        var when = """
            Math.Abs(-Event.Rating) == 5 && Math.Max(1.5m, 2m) == 2m && Event.Text.ToUpperInvariant().StartsWith("HELLO")
              && Event.Text.IndexOf("o", StringComparison.Ordinal) == 4 && Event.Text.Trim().Length == 5 && string.IsNullOrEmpty("")
              && (int)Math.Floor(Math.Sqrt(16.0)) == 4 && long.MaxValue > 0 && char.IsLetter(Event.Text[0])
            """;
        var runner = new CampaignRunner(CSharpCampaigns.WithWhen(when), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, "hello")).Should().HaveCount(2);
    }
}
