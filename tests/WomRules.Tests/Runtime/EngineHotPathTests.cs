using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// The engine's allocation-lean paths (copy on first write, reused scratch, the overloads that append to a caller's
/// collection) must behave exactly like the plain ones.
/// </summary>
public sealed class EngineHotPathTests
{
    private const string Campaign = """
        womrules: 1
        campaign: hot-path
        events:
          referral.converted:
            order_total: decimal
          review.posted:
            rating: int
            text: string
        participant:
          country: { type: string, default: "" }
        counters: [referrals]
        tiers:
          - name: bronze
          - name: silver
            when: participant.lifetime_points >= 500
        budget: { points: 1000000 }
        disclosures:
          - name: disclose
            on: [review.posted]
            require: discloses(event.text)
            action: withhold
        rules:
          - name: referral
            on: referral.converted
            when: event.order_total >= 20
            rewards:
              - { to: referrer, points: 500, counter: referrals }
            limit: { count: 2, per: month, of: referrer }
          - name: review
            on: review.posted
            when: event.rating >= 4
            rewards:
              - { points: 10, badge: reviewer }
        """;

    private static readonly string[] Lines =
    [
        CampaignRunner.Event("e-1", "referral.converted", "u-2", """{"order_total": 49.90}""", referrer: "u-1"),
        CampaignRunner.Event("e-2", "referral.converted", "u-3", """{"order_total": 5}""", referrer: "u-1"),
        CampaignRunner.Event("e-3", "referral.converted", "u-4", """{"order_total": 25}""", referrer: "u-1"),
        CampaignRunner.Event("e-4", "referral.converted", "u-5", """{"order_total": 25}""", referrer: "u-1"),
        CampaignRunner.Event("e-5", "review.posted", "u-1", """{"rating": 5, "text": "great #ad"}"""),
        CampaignRunner.Event("e-6", "review.posted", "u-1", """{"rating": 5, "text": "great"}"""),
        CampaignRunner.Event("e-7", "referral.converted", "u-6", """{"order_total": 30}""", referrer: "u-6"),
        CampaignRunner.Event("e-1", "review.posted", "u-1", """{"rating": 5, "text": "again #ad"}"""),
        "not json",
    ];

    [Fact]
    public void A_state_handed_out_is_a_snapshot_that_later_events_do_not_change()
    {
        var engine = new CampaignEngine(CampaignRunner.Compile(Campaign));
        engine.ProcessJson(Lines[0]);
        var before = engine.GetParticipant("u-1")!;
        var text = CampaignRunner.StateText(before);

        engine.ProcessJson(Lines[2]);
        engine.ProcessJson(Lines[4]);

        CampaignRunner.StateText(before).Should().Be(text);
        engine.GetParticipant("u-1")!.Points.Should().Be(1010);
        engine.GetParticipant("u-1")!.Tier.Should().Be("silver");
    }

    [Fact]
    public void Badges_attributes_and_limit_usage_of_a_snapshot_stay_as_they_were()
    {
        var engine = new CampaignEngine(CampaignRunner.Compile(Campaign));
        engine.SetParticipantAttributes("u-1", new Dictionary<string, object?> { ["country"] = "MY" });
        engine.ProcessJson(Lines[0]);
        var before = engine.GetParticipant("u-1")!;

        engine.SetParticipantAttributes("u-1", new Dictionary<string, object?> { ["country"] = "SG" });
        engine.ProcessJson(Lines[2]);
        engine.ProcessJson(Lines[3]);
        engine.ProcessJson(Lines[4]);

        before.Badges.Should().BeEmpty();
        before.Attributes["country"].Should().Be("MY");
        before.LimitUsage(false)["referral"].Values.Should().Equal(1L);
        var after = engine.GetParticipant("u-1")!;
        after.Badges.Should().Equal("reviewer");
        after.Attributes["country"].Should().Be("SG");
        after.LimitUsage(false)["referral"].Values.Should().Equal(2L);
    }

    [Fact]
    public void An_event_that_changes_nothing_still_creates_its_participants()
    {
        var engine = new CampaignEngine(CampaignRunner.Compile(Campaign));
        engine.ProcessJson(Lines[1]).Should().BeEmpty();

        engine.GetParticipant("u-3").Should().NotBeNull();
        engine.GetParticipant("u-1")!.Points.Should().Be(0);
    }

    [Fact]
    public void Appending_to_a_collection_gives_the_same_outcomes_as_the_returned_list()
    {
        var plain = new CampaignEngine(CampaignRunner.Compile(Campaign));
        var lean = new CampaignEngine(CampaignRunner.Compile(Campaign));
        var collected = new List<Outcome> { new DuplicateOutcome("already-there") };
        var expected = new List<string> { collected[0].ToJson() };

        foreach (var line in Lines)
        {
            var outcomes = plain.ProcessJson(line);
            expected.AddRange(outcomes.Select(o => o.ToJson()));
            lean.ProcessJson(line, collected).Should().Be(outcomes.Count);
        }

        collected.Select(o => o.ToJson()).Should().Equal(expected);
        expected.Should().Contain(o => o.Contains("\"kind\":\"reward\"", StringComparison.Ordinal));
        expected.Should().Contain(o => o.Contains("\"reason\":\"limit\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Objects_and_json_lines_give_the_same_outcomes()
    {
        var fromJson = new CampaignEngine(CampaignRunner.Compile(Campaign));
        var fromObjects = new CampaignEngine(CampaignRunner.Compile(Campaign));
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var events = new[]
        {
            new EngagementEvent("e-1", "referral.converted", at, "u-2", "u-1", new Dictionary<string, object?> { ["order_total"] = 49.90m }),
            new EngagementEvent("e-2", "referral.converted", at, "u-3", "u-1", new Dictionary<string, object?> { ["order_total"] = 5L }),
            new EngagementEvent("e-3", "referral.converted", at, "u-4", "u-1", new Dictionary<string, object?> { ["order_total"] = 25 }),
            new EngagementEvent("e-4", "referral.converted", at, "u-5", "u-1", new Dictionary<string, object?> { ["order_total"] = 25L }),
            new EngagementEvent("e-5", "review.posted", at, "u-1", null, new Dictionary<string, object?> { ["rating"] = 5L, ["text"] = "great #ad" }),
            new EngagementEvent("e-6", "review.posted", at, "u-1", null, new Dictionary<string, object?> { ["rating"] = 5, ["text"] = "great" }),
            new EngagementEvent("e-7", "referral.converted", at, "u-6", "u-6", new Dictionary<string, object?> { ["order_total"] = 30m }),
            new EngagementEvent("e-1", "review.posted", at, "u-1", null, new Dictionary<string, object?> { ["rating"] = 5L, ["text"] = "again #ad" }),
        };
        var collected = new List<Outcome>();

        for (var i = 0; i < events.Length; i++)
        {
            var expected = fromJson.ProcessJson(Lines[i]).Select(o => o.ToJson()).ToList();
            collected.Clear();
            fromObjects.Process(events[i], collected);
            collected.Select(o => o.ToJson()).Should().Equal(expected, "event {0} should give the same outcomes either way", i);
        }

        CampaignRunner.StateText(fromObjects.GetParticipant("u-1")!).Should().Be(CampaignRunner.StateText(fromJson.GetParticipant("u-1")!));
        CampaignRunner.StateText(fromObjects.GetParticipant("u-6")!).Should().Be(CampaignRunner.StateText(fromJson.GetParticipant("u-6")!));
    }
}
