using WomRules.Diagnostics;

namespace WomRules.Tests.Compilation;

/// <summary>
/// Issue 12, item 8: mistakes a marketer makes while writing a campaign, each answered with a message that says what to
/// write instead, at the same line and column in YAML and in the DSL, and without follow-on errors.
/// </summary>
public sealed class ActionableDiagnosticTests
{
    private const string YamlHeader = DiagnosticTests.Header;

    private const string DslHeader = """
        campaign diag
        budget 100000 points
        event review.posted
          rating: int
          text: string
        counters reviews
        tier bronze
        tier silver
          when participant.points >= 500

        """;

    private static List<Diagnostic> Compile(string text, string path) => [.. CampaignCompilation.Create(text, path).GetDiagnostics()];

    /// <summary>The rule's 'when' is on line 16 at column 11 in YAML, and on line 11 at column 8 in the DSL.</summary>
    private static (List<Diagnostic> Yaml, List<Diagnostic> Dsl) When(string when, string points = "10") => (
        Compile(YamlHeader + $"rules:\n  - name: r\n    on: review.posted\n    when: {when}\n    rewards:\n      - points: {points}\n", "c.yaml"),
        Compile(DslHeader + $"rule r on review.posted\n  when {when}\n  reward {points} points\n", "c.wom"));

    private static void BothSay((List<Diagnostic> Yaml, List<Diagnostic> Dsl) result, string id, int yamlColumn, int dslColumn, string contains)
    {
        result.Yaml.Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal($"16:{yamlColumn} {id}");
        result.Dsl.Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal($"11:{dslColumn} {id}");
        result.Yaml[0].Message.Should().Contain(contains).And.Be(result.Dsl[0].Message);
    }

    [Theory]
    [InlineData("event.rating => 4", 24, 21, "'=>' is not an operator; write '>=' (at least)")]
    [InlineData("event.rating =< 4", 24, 21, "'=<' is not an operator; write '<=' (at most)")]
    [InlineData("event.rating >= 4 && event.text != ''", 29, 26, "'&&' is not an operator; write 'and'")]
    [InlineData("event.rating >= 4 || event.text != ''", 29, 26, "'||' is not an operator; write 'or'")]
    [InlineData("event.rating >= 4 & event.text != ''", 29, 26, "'&' is not an operator; write 'and'")]
    [InlineData("event.rating >= 4 and !(event.text == '')", 33, 30, "'!' is not an operator; write 'not'")]
    [InlineData("event.rating = 4", 24, 21, "'=' does not compare; write '==' (equal to)")]
    public void Operators_from_other_languages_name_the_one_to_write(string when, int yamlColumn, int dslColumn, string message) =>
        BothSay(When(when), "WOM2001", yamlColumn, dslColumn, message);

    [Fact]
    public void Operator_lookalikes_inside_strings_are_text()
    {
        var (yaml, dsl) = When("event.text != '=> && || = !'");
        yaml.Should().BeEmpty();
        dsl.Should().BeEmpty();
    }

    [Theory]
    [InlineData("event.ratin >= 4", 17, 14, "WOM3010", "'ratin' (did you mean 'rating'?)")]
    [InlineData("event.Rating >= 4", 17, 14, "WOM3010", "'Rating' (did you mean 'rating'?)")]
    [InlineData("participant.review >= 4", 23, 20, "WOM3011", "'review' (did you mean 'reviews'?)")]
    [InlineData("participant.point >= 4", 23, 20, "WOM3011", "'point' (did you mean 'points'?)")]
    [InlineData("participant.tier >= 'silvr'", 31, 28, "WOM3013", "'silvr' is not declared under 'tiers' (did you mean 'silver'?)")]
    [InlineData("evnt.rating >= 4", 11, 8, "WOM3012", "'evnt' is not known (did you mean 'event'?)")]
    [InlineData("lenn(event.text) > 4", 11, 8, "WOM3014", "'lenn' is not a function (did you mean 'len'?)")]
    [InlineData("dicloses(event.text)", 11, 8, "WOM3014", "'dicloses' is not a function (did you mean 'discloses'?)")]
    public void A_misspelled_name_suggests_the_nearest_declared_one(string when, int yamlColumn, int dslColumn, string id, string message) =>
        BothSay(When(when), id, yamlColumn, dslColumn, message);

    [Fact]
    public void A_bare_attribute_name_suggests_where_it_lives()
    {
        BothSay(When("rating >= 4"), "WOM3012", 11, 8, "The name 'rating' is not known (did you mean 'event.rating'?)");
        BothSay(When("reviews >= 4"), "WOM3012", 11, 8, "The name 'reviews' is not known (did you mean 'participant.reviews'?)");
    }

    [Fact]
    public void A_member_of_something_other_than_a_name_is_an_unknown_name() =>
        BothSay(When("(event).rating >= 4"), "WOM3012", 11, 8, "The name 'expression.rating' is not known;");

    [Fact]
    public void A_misspelled_key_suggests_the_key_meant()
    {
        var yaml = Compile(YamlHeader + "rules:\n  - name: r\n    on: review.posted\n    rewards:\n      - points: 1\n    limt: { count: 1 }\n", "c.yaml");
        yaml.Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("18:5 WOM1008");
        yaml.First(d => d.IsError).Message.Should().StartWith("The key 'limt' is not known here (did you mean 'limit'?); expected one of:");
    }

    [Fact]
    public void A_misspelled_event_type_in_a_rule_does_not_also_leave_the_type_meant_unused()
    {
        var yaml = Compile(YamlHeader + "rules:\n  - name: r\n    on: review.postd\n    rewards:\n      - points: 1\n", "c.yaml");
        yaml.Select(d => d.Id).Should().Contain("WOM3009").And.NotContain("WOM4006");
    }

    [Fact]
    public void A_bad_limit_in_the_dsl_is_one_error_too() =>
        Compile("campaign diag\nevent review.posted\nrule r on review.posted\n  reward 10 points\n  limit 0 per campaign\n", "c.wom")
            .Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("5:9 WOM1015");

    [Theory]
    [InlineData("event.nope >= 4", "WOM3010")]
    [InlineData("participant.karma >= 4", "WOM3011")]
    public void A_name_far_from_every_declared_one_suggests_nothing(string when, string id)
    {
        var (yaml, _) = When(when);
        yaml.Select(d => d.Id).Should().Equal(id);
        yaml[0].Message.Should().NotContain("did you mean");
    }

    [Fact]
    public void A_misspelled_counter_and_event_type_in_a_rule_suggest_the_declared_ones()
    {
        var yaml = Compile(YamlHeader + "rules:\n  - name: r\n    on: review.postd\n    rewards:\n      - counter: review\n", "c.yaml");
        yaml.Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Contain("15:9 WOM3009");
        yaml.First(d => d.Id == "WOM3009").Message.Should().Contain("'review.postd' is not declared under 'events' (did you mean 'review.posted'?)");

        var counter = Compile(YamlHeader + "rules:\n  - name: r\n    on: review.posted\n    rewards:\n      - counter: review\n", "c.yaml");
        counter.Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("17:18 WOM3024");
        counter.First(d => d.IsError).Message.Should().Contain("'review' is not declared under 'counters' (did you mean 'reviews'?)");
    }

    [Fact]
    public void An_unknown_type_suggests_the_one_meant_and_its_attribute_causes_no_follow_on_error()
    {
        var yaml = Compile(YamlHeader.Replace("rating: int", "rating: integer") + "rules:\n  - name: r\n    on: review.posted\n    when: event.rating >= 4\n    rewards:\n      - points: event.rating\n", "c.yaml");
        yaml.Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("6:13 WOM3004");
        yaml[0].Message.Should().Contain("'integer' is not an attribute type (did you mean 'int'?)");

        var dsl = Compile(DslHeader.Replace("rating: int", "rating: integer") + "rule r on review.posted\n  when event.rating >= 4\n  reward event.rating points\n", "c.wom");
        dsl.Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("4:11 WOM3004");
        dsl[0].Message.Should().Be(yaml[0].Message);
    }

    [Theory]
    [InlineData("boolean", "bool")]
    [InlineData("text", "string")]
    [InlineData("number", "decimal")]
    [InlineData("float", "decimal")]
    [InlineData("datetime", "timestamp")]
    [InlineData("array", "list")]
    public void Type_names_of_other_languages_suggest_the_campaign_type(string written, string meant)
    {
        var yaml = Compile(YamlHeader.Replace("rating: int", "rating: " + written) + "rules:\n  - name: r\n    on: review.posted\n    rewards:\n      - points: 1\n", "c.yaml");
        yaml.Select(d => d.Id).Should().Equal("WOM3004");
        yaml[0].Message.Should().Contain($"(did you mean '{meant}'?)");
    }

    [Fact]
    public void A_participant_attribute_with_an_unknown_type_causes_no_follow_on_error()
    {
        var yaml = Compile(YamlHeader.Replace("counters:", "participant:\n  country: { type: str, default: '' }\ncounters:") +
            "rules:\n  - name: r\n    on: review.posted\n    when: participant.country == 'MY'\n    rewards:\n      - points: 1\n", "c.yaml");
        yaml.Select(d => d.Id).Should().Equal("WOM3004");
    }

    [Fact]
    public void A_bad_limit_is_one_error_and_the_rule_is_not_also_reported_as_unlimited()
    {
        const string Campaign = """
            womrules: 1
            campaign: diag
            events:
              review.posted: {}
            rules:
              - name: r
                on: review.posted
                rewards:
                  - points: 10
                limit: { count: 0, per: campaign }

            """;
        Compile(Campaign, "c.yaml").Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("10:21 WOM1015");
        Compile(Campaign.Replace("count: 0, per: campaign", "count: 3, per: fortnight"), "c.yaml").Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("10:29 WOM1015");
        Compile(Campaign.Replace("{ count: 0, per: campaign }", "{ per: day }"), "c.yaml").Select(d => d.Id).Should().Equal("WOM1012");

        // Without a limit, the warning stays.
        Compile(Campaign.Replace("    limit: { count: 0, per: campaign }\n", ""), "c.yaml").Select(d => d.Id).Should().Equal("WOM4001");
    }

    [Theory]
    [InlineData("points: -5", "18:17")]
    [InlineData("credit: -2.50", "18:17")]
    [InlineData("{ counter: reviews, by: -1 }", "18:33")]
    [InlineData("points: if event.rating > 3 then 10 else -5", "18:50")]
    public void A_negative_literal_amount_is_an_error_at_check(string reward, string position)
    {
        var yaml = Compile(YamlHeader + $"rules:\n  - name: r\n    on: review.posted\n    when: true\n    rewards:\n      - {reward}\n", "c.yaml");
        yaml.Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal(position + " WOM3035");
        yaml.First(d => d.IsError).Message.Should().Contain("must not be negative").And.Contain("event.reversed");
    }

    [Fact]
    public void A_negative_literal_amount_is_an_error_at_check_in_the_dsl()
    {
        var dsl = Compile(DslHeader + "rule r on review.posted\n  reward -5 points\n", "c.wom");
        dsl.Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("11:10 WOM3035");
    }

    [Fact]
    public void An_amount_that_is_zero_or_computed_is_not_reported()
    {
        var yaml = Compile(YamlHeader + "rules:\n  - name: r\n    on: review.posted\n    rewards:\n      - points: 0\n      - points: event.rating - 3\n", "c.yaml");
        yaml.Should().BeEmpty();
    }

    [Theory]
    [InlineData("event.text == 5", "This int is compared with a string")]
    [InlineData("event.rating == 'x'", "This string is compared with an int")]
    [InlineData("event.text == 2.5", "This decimal is compared with a string")]
    [InlineData("not event.rating", "cannot take an int here")]
    [InlineData("event.rating", "this expression is an int")]
    [InlineData("len(event.rating) > 1", "Argument 1 of 'len' is an int")]
    [InlineData("(if true then 1 else 'x') == 1", "The 'then' branch is an int and the 'else' branch a string")]
    public void Type_names_in_messages_take_the_right_article(string when, string message)
    {
        var (yaml, dsl) = When(when);
        yaml.Should().ContainSingle().Which.Message.Should().Contain(message);
        dsl.Should().ContainSingle().Which.Message.Should().Contain(message);
        yaml[0].Message.Should().NotContain(" a int").And.NotContain(" a invalid");
    }
}
