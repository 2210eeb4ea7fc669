using System.Text.Json;
using WomRules.Diagnostics;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>Spec v1.1 §5, the built-in <c>participant.updated</c>: one behaviour a test.</summary>
public sealed class ParticipantUpdatedTests
{
    private const string Yaml = """
        womrules: 1
        campaign: creators
        events:
          collab: {}
        participant:
          followers: { type: int, default: 0 }
          verified: { type: bool, default: false }
          topics: { type: list, default: [] }
        tiers:
          - name: creator
          - name: rising
            when: participant.followers >= 10000
          - name: star
            when: participant.followers >= 100000 and participant.verified
        rules:
          - name: pay
            on: collab
            rewards:
              - points: if participant.tier >= 'star' then 300 else 40
        """;

    private static string Update(string id, string actor, string values, string at = "2026-03-01T09:00:00Z", string? referrer = null) =>
        CampaignRunner.Event(id, "participant.updated", actor, $"{{\"attributes\": {values}}}", referrer, at);

    private static string Collab(string id, string actor, string at = "2026-03-02T09:00:00Z") => CampaignRunner.Event(id, "collab", actor, at: at);

    private static Dictionary<string, string?> Fields(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText());
    }

    [Fact]
    public void A_newcomer_seeded_by_an_update_starts_in_its_tier_with_one_outcome_and_the_first_rule_sees_it()
    {
        var runner = new CampaignRunner(Yaml);
        var seeded = runner.Run(Update("u1", "kol", """{"followers": 450000, "verified": true}""")).Select(Fields).ToList();

        seeded.Should().ContainSingle();
        seeded[0].Should().Contain(new Dictionary<string, string?> { ["kind"] = "tier", ["event"] = "u1", ["participant"] = "kol", ["from"] = "creator", ["to"] = "star" });
        runner.Participant("kol")!.Attributes["followers"].Should().Be(450000L);
        runner.Run(Collab("c1", "kol")).Select(Fields).Single()["points"].Should().Be("300");
    }

    [Fact]
    public void An_update_of_a_known_participant_moves_its_tier_up_on_the_update_itself()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Collab("c1", "ann"));
        var moved = runner.Run(Update("u1", "ann", """{"followers": 12000}""", at: "2026-03-03T09:00:00Z")).Select(Fields).ToList();

        moved.Should().ContainSingle().Which.Should().Contain(new Dictionary<string, string?> { ["kind"] = "tier", ["event"] = "u1", ["from"] = "creator", ["to"] = "rising" });
    }

    [Fact]
    public void An_update_runs_no_rule_and_a_newcomer_that_qualifies_for_nothing_gives_no_outcome_but_is_created()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Update("u1", "bo", """{"topics": ["food"]}""", referrer: "cy")).Should().BeEmpty();

        var bo = runner.Participant("bo")!;
        (bo.Points, bo.Tier).Should().Be((0L, "creator"));
        ((string[])bo.Attributes["topics"]!).Should().Equal("food");
        runner.Participant("cy").Should().BeNull("the referrer of an update is not a participant of it");
    }

    [Theory]
    [InlineData("""{"follower": 1}""", "not a declared participant attribute")]
    [InlineData("""{"points": 1}""", "not a declared participant attribute")]
    [InlineData("""{"followers": "many"}""", "must be an int")]
    [InlineData("""{"verified": 1}""", "must be a bool")]
    [InlineData("""[1]""", "must be an object")]
    [InlineData("""{"followers": 1, "followers": 2}""", "Duplicate property")]
    public void An_undeclared_name_or_a_wrong_value_is_rejected_changes_nothing_and_records_no_id(string values, string reason)
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Update("u0", "ann", """{"followers": 20000}"""));
        var rejected = runner.Run(Update("u1", "ann", values, at: "2026-03-02T09:00:00Z")).Select(Fields).ToList();

        rejected.Should().ContainSingle().Which["kind"].Should().Be("rejected");
        rejected[0]["reason"].Should().Contain(reason);
        runner.Participant("ann")!.Attributes["followers"].Should().Be(20000L);
        runner.Run(Update("u1", "ann", """{"followers": 30000}""", at: "2026-03-02T09:00:00Z")).Should().BeEmpty("the id was not recorded, so it can be sent again");
        runner.Participant("ann")!.Attributes["followers"].Should().Be(30000L);
    }

    [Fact]
    public void A_null_value_leaves_the_attribute_as_it_is()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Update("u0", "ann", """{"followers": 20000}"""));
        runner.Run(Update("u1", "ann", """{"followers": null, "verified": true}""", at: "2026-03-02T09:00:00Z"));

        var ann = runner.Participant("ann")!;
        (ann.Attributes["followers"], ann.Attributes["verified"]).Should().Be((20000L, true));
    }

    [Fact]
    public void An_update_given_as_an_object_reads_like_the_json_line()
    {
        var runner = new CampaignRunner(Yaml);
        var outcomes = runner.Engine.Process(new EngagementEvent(
            "u1",
            "participant.updated",
            DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            "kol",
            null,
            new Dictionary<string, object?> { ["attributes"] = new Dictionary<string, object?> { ["followers"] = 150000, ["verified"] = true } }));

        outcomes.Should().ContainSingle().Which.Should().BeOfType<TierOutcome>().Which.To.Should().Be("star");
        runner.Engine.Process(new EngagementEvent(
            "u2",
            "participant.updated",
            DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            "kol",
            null,
            new Dictionary<string, object?> { ["attributes"] = new Dictionary<string, object?> { ["nope"] = 1 } })).Should().ContainSingle().Which.Should().BeOfType<RejectedOutcome>();
    }

    [Fact]
    public void A_reversal_of_an_update_is_accepted_without_an_outcome_and_changes_nothing()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Update("u1", "ann", """{"followers": 20000}"""));
        runner.Run(CampaignRunner.Event("r1", "event.reversed", "desk", """{"target": "u1"}""", at: "2026-03-02T09:00:00Z")).Should().BeEmpty();
        runner.Participant("ann")!.Attributes["followers"].Should().Be(20000L);
        runner.Run(CampaignRunner.Event("r2", "event.reversed", "desk", """{"target": "u1"}""", at: "2026-03-02T10:00:00Z")).Select(Fields).Single()["kind"].Should().Be("rejected");
    }

    [Theory]
    [InlineData("rules:\n  - name: r\n    on: participant.updated\n    rewards:\n      - points: 1\n", "rule")]
    [InlineData("disclosures:\n  - name: d\n    on: [participant.updated]\n    require: true\n", "disclosure")]
    public void A_rule_or_disclosure_on_participant_updated_is_WOM3060_at_its_on(string section, string what)
    {
        var yaml = "womrules: 1\ncampaign: c\nevents:\n  post: {}\n" + section;
        var result = CampaignCompilation.Create(yaml, "campaign.yaml").Emit();

        var diagnostic = result.Diagnostics.Should().ContainSingle(d => d.Id == "WOM3060").Subject;
        diagnostic.Message.Should().Contain("A " + what + " cannot be on 'participant.updated'");
        yaml[diagnostic.Span.Start..diagnostic.Span.End].Should().Be("participant.updated");
    }

    [Fact]
    public void Declaring_participant_updated_is_WOM3034()
    {
        var result = CampaignCompilation.Create("womrules: 1\ncampaign: c\nevents:\n  participant.updated: {}\n", "campaign.yaml").Emit();
        result.Diagnostics.Should().Contain(d => d.Id == DiagnosticDescriptors.BuiltInEventDeclared.Id);
    }
}
