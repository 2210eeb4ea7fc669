using System.Text;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Spec v1.1 §1, the clock: the latest <c>at</c> of an event accepted past step 3 or the time of a sweep, never
/// back; kept in the state file; and the time format of outcomes.
/// </summary>
public sealed class ClockTests
{
    private const string Yaml = """
        womrules: 1
        campaign: clock
        active: { until: 2026-06-01T00:00:00Z }
        events:
          sale: { total: int }
        rules:
          - { name: sale-bonus, on: sale, rewards: [ { points: event.total } ] }
        """;

    private static readonly CompiledCampaign Campaign = CampaignRunner.Compile(Yaml);

    [Fact]
    public void The_clock_is_the_latest_at_of_accepted_events_and_never_goes_back()
    {
        var engine = new CampaignEngine(Campaign);
        engine.Clock.Should().BeNull("nothing was accepted yet");
        engine.ProcessJson(CampaignRunner.Event("e1", "sale", "u1", """{"total": 5}""", at: "2026-03-05T10:00:00Z"));
        engine.ProcessJson(CampaignRunner.Event("e2", "sale", "u1", """{"total": 5}""", at: "2026-03-02T10:00:00Z"));
        engine.Clock.Should().Be(DateTimeOffset.Parse("2026-03-05T10:00:00Z"), "a late event is evaluated but does not move the clock back");
        engine.AdvanceTo(DateTimeOffset.Parse("2026-03-01T00:00:00Z")).Should().BeEmpty();
        engine.Clock.Should().Be(DateTimeOffset.Parse("2026-03-05T10:00:00Z"), "a sweep to an earlier time does nothing");
    }

    [Fact]
    public void A_sweep_moves_the_clock_even_past_active_until()
    {
        var engine = new CampaignEngine(Campaign);
        engine.AdvanceTo(DateTimeOffset.Parse("2026-12-31T01:00:00+01:00")).Should().BeEmpty("nothing is due");
        engine.Clock.Should().Be(DateTimeOffset.Parse("2026-12-31T00:00:00Z"));
    }

    [Fact]
    public void An_event_rejected_for_its_content_moves_the_clock_and_one_rejected_before_moves_nothing()
    {
        var engine = new CampaignEngine(Campaign);
        engine.ProcessJson(CampaignRunner.Event("r1", "points.redeemed", "u1", """{"points": 50}""", at: "2026-03-04T00:00:00Z"))
            .Should().ContainSingle().Which.Should().BeOfType<RejectedOutcome>();
        engine.Clock.Should().Be(DateTimeOffset.Parse("2026-03-04T00:00:00Z"), "a redemption over the balance is rejected after step 3");
        engine.GetParticipant("u1").Should().BeNull("it creates no participant");

        engine.ProcessJson(CampaignRunner.Event("r2", "sale", "u1", """{"total": "many"}""", at: "2026-03-09T00:00:00Z"))
            .Should().ContainSingle().Which.Should().BeOfType<RejectedOutcome>();
        engine.ProcessJson(CampaignRunner.Event("r3", "sale", "u1", """{"total": 1}""", at: "2026-07-01T00:00:00Z")).Should().BeEmpty("outside 'active'");
        engine.ProcessJson(CampaignRunner.Event("r4", "unknown.type", "u1", at: "2026-08-01T00:00:00Z")).Should().BeEmpty();
        engine.Clock.Should().Be(DateTimeOffset.Parse("2026-03-04T00:00:00Z"), "bad attributes, ignored types and inactive times are not accepted");
    }

    [Fact]
    public void The_state_file_carries_the_clock_of_a_sweep()
    {
        var engine = new CampaignEngine(Campaign);
        engine.ProcessJson(CampaignRunner.Event("e1", "sale", "u1", """{"total": 5}""", at: "2026-03-05T10:00:00Z"));
        engine.AdvanceTo(DateTimeOffset.Parse("2026-04-01T00:00:00.25Z"));
        var saved = Save(engine);
        saved.Should().Contain("\"clock\": \"2026-04-01T00:00:00.25Z\"");

        var resumed = new CampaignEngine(Campaign, InMemoryParticipantStore.ReadFrom(new MemoryStream(Encoding.UTF8.GetBytes(saved)), Campaign));
        resumed.Clock.Should().Be(engine.Clock);
        Save(resumed).Should().Be(saved);
    }

    [Fact]
    public void A_state_file_whose_clock_is_before_its_latest_event_is_refused_with_its_path()
    {
        var engine = new CampaignEngine(Campaign);
        engine.ProcessJson(CampaignRunner.Event("e1", "sale", "u1", """{"total": 5}""", at: "2026-03-05T10:00:00Z"));
        var saved = Save(engine);
        foreach (var (bad, expected) in new[] { ("2026-03-05T09:59:59Z", "earlier than the ledger's latest event"), ("yesterday", "ISO 8601") })
        {
            var edited = saved.Replace("\"clock\": \"2026-03-05T10:00:00Z\"", $"\"clock\": \"{bad}\"", StringComparison.Ordinal);
            edited.Should().NotBe(saved);
            var read = () => StateFile.Read(StateFileText.Read(new MemoryStream(Encoding.UTF8.GetBytes(edited))), Campaign, verifyChecksum: false);
            read.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("clock").And.Contain(expected);
        }
    }

    [Theory]
    [InlineData("2026-05-19T18:00:00Z", "2026-05-19T18:00:00Z")]
    [InlineData("2026-05-19T18:00:00.5Z", "2026-05-19T18:00:00.5Z")]
    [InlineData("2026-05-19T18:00:00.1234567Z", "2026-05-19T18:00:00.1234567Z")]
    [InlineData("2026-05-19T20:00:00.120+02:00", "2026-05-19T18:00:00.12Z")]
    public void Times_in_outcomes_have_a_fraction_only_when_it_is_not_zero(string time, string written)
    {
        TimestampText.Format(DateTimeOffset.Parse(time).UtcDateTime).Should().Be(written);
    }

    private static string Save(CampaignEngine engine)
    {
        using var stream = new MemoryStream();
        ((InMemoryParticipantStore)engine.Store).WriteTo(stream, Campaign);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
