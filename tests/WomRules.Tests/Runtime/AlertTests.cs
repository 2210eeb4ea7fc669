using System.Text.Json;
using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>Spec v1.1 §6: alerts with a severity and data, in both forms, through both evaluators (the runner checks they agree).</summary>
public sealed class AlertTests
{
    private const string Yaml = """
        womrules: 1
        campaign: alerts
        events:
          review.posted:
            rating: int
            text: string
            tags: { type: list, default: [] }
        participant:
          score: { type: decimal, default: 1.5 }
        tiers:
          - name: base
          - name: gold
            when: participant.score > 100
        budget: { points: 1000 }
        rules:
          - name: negative
            on: review.posted
            when: event.rating <= 2
            rewards:
              - alert: { name: negative-review, severity: critical, data: { rating: event.rating, text: event.text, half: participant.score / 2, low: event.rating < 2, tier: participant.tier, tags: event.tags } }
              - alert: plain
              - points: 5
                alert: { name: with-points, severity: low }
        """;

    private const string Dsl = """
        womrules 1
        campaign alerts

        event review.posted
          rating: int
          text: string
          tags: list = []

        participant
          score: decimal = 1.5

        tier base
        tier gold
          when participant.score > 100

        budget 1000 points

        rule negative on review.posted
          when event.rating <= 2
          reward alert negative-review severity critical, data rating = event.rating, data text = event.text, data half = participant.score / 2, data low = event.rating < 2, data tier = participant.tier, data tags = event.tags
          reward alert plain
          reward 5 points, alert with-points severity low
        """;

    private static string Review(string id, int rating) =>
        Event(id, "review.posted", "u-1", $$"""{"rating": {{rating}}, "text": "too slow", "tags": ["late", "rude"]}""");

    private static JsonElement[] Alerts(IEnumerable<string> outcomes) =>
        [.. outcomes.Select(o => JsonDocument.Parse(o).RootElement).Where(o => o.TryGetProperty("alert", out _))];

    [Fact]
    public void An_alert_carries_its_severity_and_its_data_in_the_order_written()
    {
        var alert = Alerts(new CampaignRunner(Yaml).Run(Review("e-1", 1)))[0];

        alert.GetProperty("kind").GetString().Should().Be("reward");
        alert.GetProperty("alert").GetString().Should().Be("negative-review");
        alert.GetProperty("severity").GetString().Should().Be("critical");
        var data = alert.GetProperty("data");
        data.EnumerateObject().Select(p => p.Name).Should().Equal("rating", "text", "half", "low", "tier", "tags");
        data.GetProperty("rating").ValueKind.Should().Be(JsonValueKind.Number, "ints are numbers");
        data.GetProperty("half").GetString().Should().Be("0.75", "decimals are strings, as elsewhere in outcomes");
        data.GetProperty("low").ValueKind.Should().Be(JsonValueKind.True);
        data.GetProperty("tier").GetString().Should().Be("base", "a tier is written by its name");
        data.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("late", "rude");
    }

    [Fact]
    public void Every_alert_has_a_severity_medium_by_default_and_data_only_when_given()
    {
        var alerts = Alerts(new CampaignRunner(Yaml).Run(Review("e-1", 2)));

        alerts.Select(a => a.GetProperty("severity").GetString()).Should().Equal("critical", "medium", "low");
        alerts.Select(a => a.TryGetProperty("data", out _)).Should().Equal(true, false, false);
    }

    [Fact]
    public void The_dsl_form_gives_the_same_outcomes_as_the_yaml_form()
    {
        var events = new[] { Review("e-1", 1), Review("e-2", 2), Review("e-3", 5) };

        new CampaignRunner(Dsl, path: "campaign.wom").Run(events).Should().Equal(new CampaignRunner(Yaml).Run(events));
    }

    [Fact]
    public void Converting_either_form_and_back_keeps_the_tree()
    {
        foreach (var (text, from, to) in new[] { (Yaml, CampaignFormat.Yaml, CampaignFormat.Dsl), (Dsl, CampaignFormat.Dsl, CampaignFormat.Yaml) })
        {
            var there = Forms.Print(text, from, to);
            var back = Forms.Print(there, to, from);
            Forms.ShouldBeSameTree(Forms.Parse(there, to), Forms.Parse(text, from), "converting keeps every alert's severity and data:\n" + there);
            Forms.ShouldBeSameTree(Forms.Parse(back, from), Forms.Parse(text, from), "and back:\n" + back);
            Forms.Print(back, from, from).Should().Be(back, "fmt is idempotent on the printed form");
        }
    }

    [Fact]
    public void A_data_value_that_cannot_be_computed_skips_the_whole_rule_naming_the_key()
    {
        const string campaign = """
            womrules: 1
            campaign: overflow
            events:
              review.posted:
                rating: int
            budget: { points: 1000 }
            rules:
              - name: loud
                on: review.posted
                rewards:
                  - points: 5
                  - alert: { name: big, data: { fine: event.rating, huge: event.rating * 9223372036854775807 } }
            """;

        var outcomes = new CampaignRunner(campaign).Run(Event("e-1", "review.posted", "u-1", """{"rating": 2}"""));

        outcomes.Should().ContainSingle();
        var skipped = JsonDocument.Parse(outcomes[0]).RootElement;
        skipped.GetProperty("kind").GetString().Should().Be("skipped");
        skipped.GetProperty("reason").GetString().Should().Be("error");
        skipped.GetProperty("detail").GetString().Should().Contain("'huge'");
    }

    [Fact]
    public void A_string_data_value_obeys_the_string_growth_bound()
    {
        const string campaign = """
            womrules: 1
            campaign: growth
            events:
              review.posted:
                text: string
            rules:
              - name: loud
                on: review.posted
                rewards:
                  - alert: { name: big, data: { t: event.text + event.text + event.text } }
            """;

        var diagnostics = CampaignCompilation.Create(campaign, "c.yaml", CompilationOptions.Default with { MaxStringGrowth = 2 }).GetDiagnostics();

        diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("10:40 WOM3038");
    }

    [Theory]
    [InlineData("alert: { name: a, severity: urgent }", "9:46 WOM3065")]
    [InlineData("alert: { name: a, data: [event.rating] }", "9:42 WOM1009")]
    [InlineData("alert: { name: a, data: { 2x: event.rating } }", "9:44 WOM3066")]
    [InlineData("alert: { name: a, data: { r: event.ratin } }", "9:53 WOM3010")]
    [InlineData("alert: { name: a, data: { r: event.rating + } }", "9:61 WOM2001")]
    [InlineData("alert: { name: a, level: high }", "9:36 WOM1008")]
    [InlineData("alert: { severity: low }", "9:25 WOM1012")]
    public void A_mistake_in_a_yaml_alert_is_reported_where_it_is(string alert, string expected)
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
                rewards: [ { {{alert}} } ]
            """;

        CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal(expected);
    }

    [Theory]
    [InlineData("reward alert a severity urgent", "7:27 WOM3065")]
    [InlineData("reward alert a, data 2x = event.rating", "7:24 WOM3066")]
    [InlineData("reward alert a, data r = event.ratin", "7:34 WOM3010")]
    [InlineData("reward 5 points, data r = event.rating", "7:20 WOM3067")]
    [InlineData("reward alert a, data r = 1, data r = 2", "7:36 WOM5006")]
    public void A_mistake_in_a_dsl_alert_is_reported_where_it_is(string reward, string expected)
    {
        var text = $$"""
            womrules 1
            campaign mistakes
            event review.posted
              rating: int
            budget 100 points
            rule r on review.posted
              {{reward}}
            """;

        CampaignCompilation.Create(text, "c.wom").GetDiagnostics().Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal(expected);
    }
}
