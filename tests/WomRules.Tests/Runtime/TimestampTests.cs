using System.Text.Json;
using CsCheck;
using WomRules.Runtime;
using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>Spec v1.1 §10: timestamps, their comparisons and time arithmetic, through both evaluators (the runner checks they agree).</summary>
public sealed class TimestampTests
{
    private const string Yaml = """
        womrules: 1
        campaign: times
        events:
          question.answered:
            asked_at: timestamp
        participant:
          joined: { type: timestamp, default: "2026-01-01T08:00:00+08:00" }
        tiers:
          - name: base
        budget: { points: 100000 }
        rules:
          - name: fast
            on: question.answered
            when: event.asked_at <= event.at and hours_between(event.asked_at, event.at) <= 1.5 and event.at < date("2026-10-09")
            rewards:
              - points: 40
          - name: report
            on: question.answered
            rewards:
              - alert:
                  name: report
                  data:
                    hours: hours_between(event.asked_at, event.at)
                    days: days_between(event.asked_at, event.at)
                    asked_at: event.asked_at
                    at: event.at
                    since: participant.tier_since
                    joined: participant.joined
        """;

    private static string Answer(string id, string asked, string at) =>
        Event(id, "question.answered", "u-1", $$"""{"asked_at": "{{asked}}"}""", at: at);

    private static JsonElement Data(IEnumerable<string> outcomes) =>
        outcomes.Select(o => JsonDocument.Parse(o).RootElement).Single(o => o.TryGetProperty("alert", out _)).GetProperty("data");

    [Fact]
    public void Timestamps_are_written_in_utc_with_a_fraction_only_when_there_is_one()
    {
        var data = Data(new CampaignRunner(Yaml).Run(Answer("e-1", "2026-10-01T17:20:00.5+08:00", "2026-10-01T10:00:00Z")));

        data.GetProperty("asked_at").GetString().Should().Be("2026-10-01T09:20:00.5Z");
        data.GetProperty("at").GetString().Should().Be("2026-10-01T10:00:00Z");
        data.GetProperty("since").GetString().Should().Be("2026-10-01T10:00:00Z", "a newcomer reaches its first tier at the event's time");
        data.GetProperty("joined").GetString().Should().Be("2026-01-01T00:00:00Z", "a default with an offset is stored as UTC");
    }

    [Fact]
    public void The_between_functions_are_the_exact_difference_rounded_half_away_from_zero_to_six_places()
    {
        var runner = new CampaignRunner(Yaml);
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var i = 0;

        // Seconds either side of zero; the law is checked on the written decimals, through both evaluators. One thread:
        // the samples share one runner (one engine) and its event ids.
        Gen.Long[-400L * 86400, 400L * 86400].Sample(seconds =>
        {
            var at = start.AddSeconds(seconds);
            var data = Data(runner.Run(Answer("e-" + i++, TimestampText.Format(start), TimestampText.Format(at))));
            var hours = decimal.Parse(data.GetProperty("hours").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var days = decimal.Parse(data.GetProperty("days").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Math.Abs((hours * 3600) - seconds).Should().BeLessThanOrEqualTo(0.0000005m * 3600, "hours are within half a millionth of the exact value");
            Math.Abs((days * 86400) - seconds).Should().BeLessThanOrEqualTo(0.0000005m * 86400, "days are within half a millionth of the exact value");
            decimal.Round(hours, 6).Should().Be(hours, "six places at most");
            (seconds % 3600 == 0 ? hours * 3600 == seconds : true).Should().BeTrue("whole hours are exact");
        }, iter: 200, threads: 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Halves_round_away_from_zero(int sign)
    {
        // 0.0018 s is 0.0000005 hours exactly: a half at the seventh place.
        var a = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var b = a.AddTicks(sign * 18_000);
        TimeFunctions.HoursBetween(a, b).Should().Be(sign * 0.000001m);
        TimeFunctions.HoursBetween(b, a).Should().Be(-sign * 0.000001m, "b - a changes sign, the rounding does not favour either side");
    }

    [Fact]
    public void Timestamps_compare_in_time_order_whatever_offset_they_were_written_with()
    {
        var runner = new CampaignRunner(Yaml);

        // 18:00+08:00 is 10:00Z: an hour before 11:00Z, whichever way it is written.
        runner.Run(Answer("e-1", "2026-10-01T18:00:00+08:00", "2026-10-01T11:00:00Z")).Should().Contain(o => o.Contains("\"points\":40"));
        runner.Run(Answer("e-2", "2026-10-01T12:00:00+00:00", "2026-10-01T11:00:00Z")).Should().NotContain(o => o.Contains("\"points\""), "asked after the answer");
        runner.Run(Answer("e-3", "2026-10-09T00:00:00Z", "2026-10-09T00:00:00Z")).Should().NotContain(o => o.Contains("\"points\""), "date(...) is midnight UTC, and < excludes it");
    }

    [Theory]
    [InlineData("2026-10-01T10:00:00")]
    [InlineData("2026-10-01")]
    [InlineData("2026-02-30T10:00:00Z")]
    [InlineData("2026-10-01T10:00:00.12345678Z")]
    public void A_timestamp_without_an_offset_or_that_names_no_instant_is_rejected(string asked)
    {
        var outcomes = new CampaignRunner(Yaml).Run(Answer("e-1", asked, "2026-10-01T10:00:00Z"));

        outcomes.Should().Equal("""{"kind":"rejected","event":"e-1","reason":"attribute 'asked_at' must be a timestamp (ISO 8601 with an offset, such as 2026-03-01T09:00:00Z)"}""");
    }

    [Theory]
    [InlineData("when: event.at < date(\"2026-02-30\")", "9:27 WOM3069")]
    [InlineData("when: event.at < date(event.type)", "9:27 WOM3069")]
    [InlineData("when: event.at < 3", "9:22 WOM3016")]
    [InlineData("when: hours_between(event.at, 3) > 1", "9:35 WOM3018")]
    public void A_mistake_with_time_is_reported_where_it_is(string when, string expected)
    {
        var text = $$"""
            womrules: 1
            campaign: mistakes
            events:
              review.posted:
                rating: int
            rules:
              - name: r
                on: review.posted
                {{when}}
                rewards: [ { alert: a } ]
            """;

        CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal(expected);
    }

    [Fact]
    public void A_bad_date_in_the_dsl_is_reported_where_it_is()
    {
        const string text = """
            womrules 1
            campaign mistakes
            event review.posted
              rating: int
            rule r on review.posted
              when event.at >= date("2026-13-01")
              reward alert a
            """;

        CampaignCompilation.Create(text, "c.wom").GetDiagnostics().Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("6:25 WOM3069");
    }

    [Fact]
    public void A_participant_timestamp_set_by_participant_updated_survives_the_state_file()
    {
        var campaign = Compile(Yaml);
        var engine = new CampaignEngine(campaign);
        engine.ProcessJson(Event("u-1", "participant.updated", "ann", """{"attributes": {"joined": "2026-02-01T09:30:00.25-05:00"}}""")).Should().NotContain(o => o.Kind == "rejected");
        engine.ProcessJson(Event("u-2", "participant.updated", "bo", """{"attributes": {"joined": "2026-02-01"}}""")).Should().ContainSingle(o => o.Kind == "rejected", "a date alone is no timestamp");

        using var stream = new MemoryStream();
        ((InMemoryParticipantStore)engine.Store).WriteTo(stream, campaign);
        System.Text.Encoding.UTF8.GetString(stream.ToArray()).Should().Contain("\"joined\": \"2026-02-01T14:30:00.25Z\"");
        var read = InMemoryParticipantStore.ReadFrom(new MemoryStream(stream.ToArray()), campaign);

        read.Find("ann")!.Attributes["joined"].Should().Be(new DateTime(2026, 2, 1, 14, 30, 0, 250, DateTimeKind.Utc));
    }

    [Fact]
    public void Time_expressions_survive_conversion_both_ways()
    {
        var dsl = Forms.Print(Yaml, CampaignFormat.Yaml, CampaignFormat.Dsl);
        Forms.ShouldBeSameTree(Forms.Parse(Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml), CampaignFormat.Yaml), Forms.Parse(Yaml, CampaignFormat.Yaml), dsl);
    }
}
