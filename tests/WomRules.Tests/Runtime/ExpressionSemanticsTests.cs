using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>Every operator and function of spec §3, evaluated through both evaluators.</summary>
public sealed class ExpressionSemanticsTests
{
    private const string Attributes = """{"n": 7, "m": -3, "d": 2.5, "s": "Hello World", "tags": ["a", "b"], "flag": true}""";

    private static string CampaignWith(string when, string points = "1") => $$"""
        womrules: 1
        campaign: probe
        budget: { points: 1000000000 }
        events:
          probe: { n: int, m: int, d: decimal, s: string, tags: list, flag: bool }
        participant:
          country: { type: string, default: "MY" }
        counters: [hits]
        tiers:
          - name: bronze
          - name: silver
            when: participant.points >= 1000
          - name: gold
            when: participant.points >= 100000
        rules:
          - name: probe
            on: probe
            when: '{{when.Replace("'", "''")}}'
            rewards:
              - points: '{{points.Replace("'", "''")}}'
        """;

    private static bool Holds(string when, string attributes = Attributes)
    {
        var runner = new CampaignRunner(CampaignWith(when));
        var outcomes = runner.Run(Event("e-1", "probe", "u-1", attributes));
        outcomes.Should().NotContain(o => o.Contains("\"reason\":\"error\"", StringComparison.Ordinal), "the condition should evaluate without failing");
        return outcomes.Count == 1;
    }

    private static long Value(string points, string attributes = Attributes)
    {
        var runner = new CampaignRunner(CampaignWith("true", points));
        var outcomes = runner.Run(Event("e-1", "probe", "u-1", attributes));
        outcomes.Should().ContainSingle();
        return runner.Participant("u-1")!.Points;
    }

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("event.n - 2 - 1", 4)]
    [InlineData("event.n / 2", 3)] // int division
    [InlineData("event.n % 4", 3)]
    [InlineData("-event.m", 3)]
    [InlineData("- -event.n", 7)]
    [InlineData("round(event.d * 2)", 5)]
    [InlineData("round(2.5)", 3)] // half away from zero
    [InlineData("round(0 - 2.5) + 10", 7)]
    [InlineData("round(event.n)", 7)]
    [InlineData("abs(event.m)", 3)]
    [InlineData("min(event.n, 4)", 4)]
    [InlineData("max(event.n, 4)", 7)]
    [InlineData("round(max(event.d, 1))", 3)]
    [InlineData("len(event.s)", 11)]
    [InlineData("len(event.tags)", 2)]
    [InlineData("if event.flag then 10 else 20", 10)]
    [InlineData("if not event.flag then 10 else 20", 20)]
    [InlineData("round(event.n * event.d)", 18)] // int op decimal gives decimal: 17.5 rounds to 18
    public void Arithmetic_and_functions(string expression, long expected) => Value(expression).Should().Be(expected);

    [Theory]
    [InlineData("event.n == 7", true)]
    [InlineData("event.n != 7", false)]
    [InlineData("event.n < 8", true)]
    [InlineData("event.n <= 7", true)]
    [InlineData("event.n > 7", false)]
    [InlineData("event.n >= 7.0", true)]
    [InlineData("event.d > 2", true)]
    [InlineData("event.s == 'Hello World'", true)]
    [InlineData("event.s < 'Hello world'", true)] // ordinal: 'W' < 'w'
    [InlineData("event.flag == true", true)]
    [InlineData("\"a\" in event.tags", true)]
    [InlineData("\"A\" in event.tags", false)] // case-sensitive
    [InlineData("'World' in event.s", true)]
    [InlineData("event.tags contains 'b'", true)]
    [InlineData("event.s contains 'world'", false)] // case-sensitive
    [InlineData("event.s contains 'World'", true)]
    [InlineData("event.tags contains_any ['x', 'b']", true)]
    [InlineData("event.tags contains_any ['x', 'y']", false)]
    [InlineData("event.s contains_any ['xyz', 'lo W']", true)]
    [InlineData("event.s starts_with 'Hello'", true)]
    [InlineData("event.s starts_with 'hello'", false)]
    [InlineData("event.s ends_with 'World'", true)]
    [InlineData("event.s matches '^H\\w+ W'", true)]
    [InlineData("event.s matches '^world'", false)]
    [InlineData("lower(event.s) == 'hello world'", true)]
    [InlineData("upper(event.s) == 'HELLO WORLD'", true)]
    [InlineData("event.s + '!' == 'Hello World!'", true)]
    [InlineData("event.flag and event.n > 100", false)]
    [InlineData("event.flag or event.n > 100", true)]
    [InlineData("not event.flag", false)]
    [InlineData("not event.flag or event.n == 7", true)] // not binds tighter than or
    [InlineData("participant.country == 'MY'", true)]
    [InlineData("participant.tier == 'bronze'", true)]
    [InlineData("participant.tier < 'silver'", true)]
    [InlineData("participant.tier >= 'gold'", false)]
    [InlineData("participant.points == 0 and participant.lifetime_points == 0 and participant.credit == 0", true)]
    [InlineData("participant.hits == 0", true)]
    [InlineData("len(participant.badges) == 0", true)]
    [InlineData("event.type == 'probe' and event.actor == 'u-1' and event.referrer == ''", true)]
    public void Comparisons_and_logic(string expression, bool expected) => Holds(expression).Should().Be(expected);

    [Fact]
    public void And_or_short_circuit_so_a_failing_right_side_is_never_evaluated()
    {
        Holds("event.n != 0 and 1 / event.n > 0", """{"n": 0, "m": 0, "d": 0, "s": "", "tags": [], "flag": false}""").Should().BeFalse();
        Holds("event.n == 0 or 1 / event.n > 0", """{"n": 0, "m": 0, "d": 0, "s": "", "tags": [], "flag": false}""").Should().BeTrue();
    }

    [Fact]
    public void A_failing_condition_skips_the_rule_with_error()
    {
        var runner = new CampaignRunner(CampaignWith("10 / event.m > 0"));
        runner.Run(Event("e-1", "probe", "u-1", Attributes.Replace("\"m\": -3", "\"m\": 0")))
            .Should().Equal("""{"kind":"skipped","event":"e-1","rule":"probe","participant":"u-1","reason":"error","detail":"the condition could not be evaluated: division by zero"}""");
    }

    [Theory]
    [InlineData("Love it #ad", true)]
    [InlineData("#AD!", true)]
    [InlineData("#Ad, gifted", true)]
    [InlineData("what an #adventure", false)]
    [InlineData("my#ad", false)]
    [InlineData("#ad_free", false)]
    [InlineData("(#sponsored)", true)]
    [InlineData("Paid Partnership with Acme", true)]
    [InlineData("I WORK FOR Acme", true)]
    [InlineData("好用广告推荐", true)] // CJK marker: no token boundary needed
    [InlineData("#iklan produk", true)]
    [InlineData("#sp thanks", false)] // ambiguous markers are not defaults
    [InlineData("#collab", false)]
    [InlineData("", false)]
    public void Discloses_with_default_markers(string text, bool expected) =>
        Holds("discloses(event.s)", $$"""{"n": 0, "m": 0, "d": 0, "s": "{{text}}", "tags": [], "flag": false}""").Should().Be(expected);

    [Theory]
    [InlineData("#ad at the start, then a long review text", 10, true)]
    [InlineData("A long review text that buries it at the end #ad", 10, false)]
    [InlineData("0123456789#ad", 10, false)] // begins at index 10: outside the first 10 characters
    [InlineData("01234567 #ad", 10, true)] // begins at index 9
    public void Discloses_within_requires_the_marker_to_begin_early(string text, int within, bool expected) =>
        Holds($"discloses(event.s, {within})", $$"""{"n": 0, "m": 0, "d": 0, "s": "{{text}}", "tags": [], "flag": false}""").Should().Be(expected);

    [Theory]
    [InlineData("great stuff #partner", true)]
    [InlineData("great stuff #ad", false)] // custom markers replace the defaults
    public void Discloses_with_custom_markers(string text, bool expected) =>
        Holds("discloses(event.s, ['#partner'])", $$"""{"n": 0, "m": 0, "d": 0, "s": "{{text}}", "tags": [], "flag": false}""").Should().Be(expected);

    [Fact]
    public void Discloses_with_markers_and_within() =>
        Holds("discloses(event.s, ['#sponsored'], 5)", """{"n": 0, "m": 0, "d": 0, "s": "hey #sponsored", "tags": [], "flag": false}""").Should().BeTrue();

    [Fact]
    public void Matches_runs_without_catastrophic_backtracking()
    {
        // With a backtracking engine this input would not finish in the lifetime of the test run.
        var text = new string('a', 5000) + "!";
        Holds("event.s matches '^(a+)+$'", $$"""{"n": 0, "m": 0, "d": 0, "s": "{{text}}", "tags": [], "flag": false}""").Should().BeFalse();
    }
}
