using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Examples;

/// <summary>The ten-line library example of README.md, kept compiling and correct.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_runs()
    {
        var path = Path.Combine(RepositoryPaths.Examples, "referral", "campaign.yaml");

        var compilation = CampaignCompilation.FromFile(path);
        compilation.GetDiagnostics().Should().BeEmpty();
        var campaign = compilation.Emit().Campaign ?? throw new InvalidOperationException("campaign has errors");

        var engine = new CampaignEngine(campaign);
        var outcomes = engine.Process(new EngagementEvent("e-1", "referral.converted", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero),
            Actor: "u-2", Referrer: "u-1", Attributes: new Dictionary<string, object?> { ["order_total"] = 49.90m }));

        outcomes.Select(o => o.ToJson()).Should().Equal(
            """{"kind":"reward","event":"e-1","rule":"referral-double-sided","participant":"u-1","points":500}""",
            """{"kind":"reward","event":"e-1","rule":"referral-double-sided","participant":"u-1","counter":"referrals","by":1}""",
            """{"kind":"reward","event":"e-1","rule":"referral-double-sided","participant":"u-2","credit":"10.00","pending_until":"2026-03-16T10:00:00Z"}""",
            """{"kind":"reward","event":"e-1","rule":"first-referral-badge","participant":"u-1","badge":"connector"}""");
        engine.GetParticipant("u-1")!.Points.Should().Be(500);
        outcomes.OfType<RewardOutcome>().First().Points.Should().Be(500);
    }

    [Fact]
    public void Host_supplied_attributes_are_type_checked()
    {
        var campaign = CampaignRunner.Compile(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "influencer", "campaign.yaml")));
        var engine = new CampaignEngine(campaign);
        engine.SetParticipantAttributes("u-1", new Dictionary<string, object?> { ["country"] = "SG", ["verified"] = true });
        engine.GetParticipant("u-1")!.Attributes["country"].Should().Be("SG");
        engine.Store.HasSeenEvent("u-1").Should().BeFalse();

        var wrongType = () => engine.SetParticipantAttributes("u-1", new Dictionary<string, object?> { ["verified"] = "yes" });
        wrongType.Should().Throw<ArgumentException>().WithMessage("*verified*bool*");
        var unknown = () => engine.SetParticipantAttributes("u-1", new Dictionary<string, object?> { ["shoe_size"] = 42 });
        unknown.Should().Throw<ArgumentException>().WithMessage("*shoe_size*");
    }
}
