using System.Globalization;
using System.Text;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>Spec v1.1 §5 <c>participant.tier_since</c>: when it is set, what it takes, and that the state file keeps it.</summary>
public sealed class TierSinceTests
{
    private const string Yaml = """
        womrules: 1
        campaign: since
        tiers_policy: { downgrade: true }
        events:
          post: { n: int }
        participant:
          followers: { type: int, default: 0 }
        tiers:
          - name: creator
          - name: rising
            when: participant.followers >= 10000 or participant.points >= 100
        rules:
          - name: post-points
            on: post
            rewards:
              - points: event.n
        """;

    private static DateTimeOffset T(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);

    private static string Post(string id, string actor, int n, string at, string? referrer = null) =>
        CampaignRunner.Event(id, "post", actor, $"{{\"n\": {n}}}", referrer, at);

    private static string Update(string id, string actor, int followers, string at) =>
        CampaignRunner.Event(id, "participant.updated", actor, $"{{\"attributes\": {{\"followers\": {followers}}}}}", at: at);

    [Fact]
    public void A_newcomers_tier_since_is_its_first_sight_and_events_that_move_no_tier_keep_it()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Post("p1", "ann", 5, "2026-03-01T09:00:00Z", referrer: "bob"), Post("p2", "ann", 5, "2026-03-05T09:00:00Z"));

        runner.Participant("ann")!.TierSince.Should().Be(T("2026-03-01T09:00:00Z"));
        runner.Participant("bob")!.TierSince.Should().Be(T("2026-03-01T09:00:00Z"), "a referrer seen first is first seen too");
    }

    [Fact]
    public void A_tier_move_up_or_down_sets_tier_since_to_its_time_and_requalifying_does_not()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Post("p1", "ann", 5, "2026-03-01T09:00:00Z"), Update("u1", "ann", 20000, "2026-03-02T09:00:00Z"));
        runner.Participant("ann")!.TierSince.Should().Be(T("2026-03-02T09:00:00Z"));

        // Still rising after each of these (followers or points keep it), so no move and no new tier_since.
        runner.Run(Update("u2", "ann", 30000, "2026-03-03T09:00:00Z"), Post("p2", "ann", 200, "2026-03-04T09:00:00Z"), Update("u3", "ann", 0, "2026-03-05T09:00:00Z"));
        runner.Participant("ann")!.TierSince.Should().Be(T("2026-03-02T09:00:00Z"));

        runner.Run(CampaignRunner.Event("x1", "points.redeemed", "ann", """{"points": 150}""", at: "2026-03-06T09:00:00Z"));
        var ann = runner.Participant("ann")!;
        (ann.Tier, ann.TierSince).Should().Be(("creator", T("2026-03-06T09:00:00Z")));
    }

    [Fact]
    public void A_late_event_that_moves_a_tier_sets_tier_since_to_the_clock_not_to_its_own_time()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Post("p1", "ann", 5, "2026-03-10T09:00:00Z"), Update("u1", "bob", 20000, "2026-03-01T09:00:00Z"));

        runner.Participant("bob")!.TierSince.Should().Be(T("2026-03-10T09:00:00Z"), "the clock is the latest accepted 'at' (spec v1.1 §1)");
    }

    [Fact]
    public void The_state_file_keeps_tier_since_and_a_participant_without_one_stays_without()
    {
        var campaign = CampaignRunner.Compile(Yaml);
        var engine = new CampaignEngine(campaign);
        engine.ProcessJson(Update("u1", "ann", 20000, "2026-03-02T09:00:00.25Z"));
        engine.SetParticipantAttributes("cy", new Dictionary<string, object?> { ["followers"] = 5 });
        engine.GetParticipant("cy")!.TierSince.Should().BeNull("no event has named cy yet");

        using var stream = new MemoryStream();
        ((InMemoryParticipantStore)engine.Store).WriteTo(stream, campaign);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        text.Should().Contain("\"tier_since\": \"2026-03-02T09:00:00.25Z\"");

        var read = InMemoryParticipantStore.ReadFrom(new MemoryStream(stream.ToArray()), campaign);
        read.Find("ann")!.TierSince.Should().Be(T("2026-03-02T09:00:00.25Z"));
        read.Find("cy")!.TierSince.Should().BeNull();
    }
}
