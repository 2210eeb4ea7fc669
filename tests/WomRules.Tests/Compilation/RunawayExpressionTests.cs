using WomRules.Tests.Support;

namespace WomRules.Tests.Compilation;

/// <summary>
/// Issue 10, defects 5 and 6: a pattern or a string expression that could cost unbounded time or memory is a
/// positioned compile error (WOM3036, WOM3037, WOM3038), in both front ends, through the API and through <c>check</c>.
/// </summary>
public sealed class RunawayExpressionTests() : CliTestFolder("womrules-runaway-")
{
    private const int WhenLine = 8;
    private const int WhenColumn = 11;

    public static string Yaml(string when) => $"""
        womrules: 1
        campaign: runaway
        events:
          post: {"{"} text: string, title: {"{"} type: string, default: t {"}"} {"}"}
        rules:
          - name: r
            on: post
            when: {when}
            rewards: [ {"{"} points: 1 {"}"} ]
        budget: {"{"} points: 1000 {"}"}
        """;

    private static string Dsl(string when) => $"""
        campaign runaway
        event post
          text: string
          title: string = t
        budget 1000 points
        rule r on post
          when {when}
          reward 1 points
        """;

    private static List<Diagnostics.Diagnostic> Errors(string text, string path = "campaign.yaml", CompilationOptions? options = null)
    {
        var compilation = CampaignCompilation.Create(text, path, options);
        return [.. compilation.GetDiagnostics().Where(d => d.IsError)];
    }

    private static string Concatenations(int count) => string.Join(" + ", Enumerable.Repeat("event.text", count)) + " == 'x'";

    [Fact]
    public void The_template_puts_the_condition_where_the_tests_expect_it()
    {
        var lines = Yaml("event.nope").Split('\n');
        lines[WhenLine - 1].IndexOf("event.nope", StringComparison.Ordinal).Should().Be(WhenColumn - 1);
        Errors(Yaml("event.text == 'x'")).Should().BeEmpty();
        Errors(Dsl("event.text == 'x'"), "campaign.wom").Should().BeEmpty();
    }

    [Theory]
    [InlineData("(a{1,1000})+x")]
    [InlineData("(a{1,40}){1,5}x")]
    [InlineData("((a{1,6}){1,6}){1,7}x")]
    [InlineData("(((a{1,3}){1,3}){1,3}){1,3}x")]
    [InlineData("a{1,1001}")]
    [InlineData("(?:a{1,32})*")]
    [InlineData("[a-z]{1,600}|[0-9]{1,401}")]
    public void Patterns_measured_as_slow_are_WOM3036(string pattern) =>
        Errors(Yaml($"event.text matches '{pattern}'")).Should().ContainSingle().Which.Id.Should().Be("WOM3036");

    [Fact]
    public void The_reported_nested_counted_repetition_is_WOM3036_at_the_pattern_literal()
    {
        const string when = "event.text matches '(a{1,50}){1,50}x'";
        var yaml = Errors(Yaml(when)).Should().ContainSingle().Which;
        yaml.Id.Should().Be("WOM3036");
        (yaml.Line, yaml.Column).Should().Be((WhenLine, WhenColumn + "event.text matches ".Length));

        var dsl = Errors(Dsl(when), "campaign.wom").Should().ContainSingle().Which;
        dsl.Id.Should().Be("WOM3036");
        (dsl.Line, dsl.Column).Should().Be((7, 8 + "event.text matches ".Length));
    }

    [Theory]
    [InlineData(@"^\d{4}-\d{2}$")]
    [InlineData("^[a-z]{1,64}$")]
    [InlineData(@"^(\d{1,3}\.){3}\d{1,3}$")]
    [InlineData(@"^[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,190}\.[a-z]{2,24}$")]
    [InlineData(@"^https://shop\.example\.com/")]
    [InlineData(@"(?i)\b(great|good|love)\b.*")]
    [InlineData(@"^([a-z0-9-]+\.)+[a-z]{2,24}$")]
    [InlineData(@"(a{1,10}){1,10}")]
    [InlineData(@"a{1,999}x")]
    public void Typical_patterns_are_accepted(string pattern) =>
        Errors(Yaml($"event.text matches '{pattern}'")).Should().BeEmpty();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_complexity_limit_is_exact_and_an_option(int nesting)
    {
        // Law: a{k} nested n times costs k^(2n-1) (each count inside another counts squared); the largest k under the
        // limit passes, the next one fails.
        var options = new CompilationOptions { MaxPatternComplexity = 200 };
        var k = (int)Math.Floor(Math.Pow(200, 1.0 / ((2 * nesting) - 1)) + 1e-9);
        string Pattern(int bound) => Enumerable.Range(0, nesting).Aggregate("a", (inner, _) => $"({inner}){{{bound}}}");
        Errors(Yaml($"event.text matches '{Pattern(k)}'"), options: options).Should().BeEmpty();
        Errors(Yaml($"event.text matches '{Pattern(k + 1)}'"), options: options).Should().ContainSingle().Which.Id.Should().Be("WOM3036");
    }

    [Fact]
    public void A_pattern_past_the_length_limit_is_WOM3037_at_the_pattern_literal()
    {
        var pattern = new string('a', 1001);
        var error = Errors(Yaml($"event.text matches '{pattern}'")).Should().ContainSingle().Which;
        error.Id.Should().Be("WOM3037");
        error.Column.Should().Be(WhenColumn + "event.text matches ".Length);
        Errors(Yaml($"event.text matches '{new string('a', 1000)}'")).Should().BeEmpty();
        Errors(Yaml("event.text matches 'abcdef'"), options: new CompilationOptions { MaxPatternLength = 5 }).Should().ContainSingle().Which.Id.Should().Be("WOM3037");
    }

    [Fact]
    public void The_reported_4000_concatenations_are_WOM3038_at_the_first_concatenation_past_the_limit()
    {
        var when = Concatenations(4000);
        var yaml = Errors(Yaml(when)).Should().ContainSingle().Which;
        yaml.Id.Should().Be("WOM3038");
        (yaml.Line, yaml.Column).Should().Be((WhenLine, WhenColumn));
        yaml.Span.Length.Should().Be(string.Join(" + ", Enumerable.Repeat("event.text", 17)).Length, "the smallest sub-expression past 16 is the 17 first operands");

        var dsl = Errors(Dsl(when), "campaign.wom").Should().ContainSingle().Which;
        (dsl.Id, dsl.Line, dsl.Column).Should().Be(("WOM3038", 7, 8));
    }

    [Theory]
    [InlineData("event.text + event.title + 'suffix' == 'x'", true)]
    [InlineData("lower(event.text + event.text) + upper(event.text) == 'x'", true)]
    [InlineData("(if event.title == 'a' then event.text + event.text else event.text) + event.text == 'x'", true)]
    [InlineData("event.text == 'a' + 'b' + 'c' + 'd' + 'e' + 'f' + 'g' + 'h' + 'i' + 'j' + 'k' + 'l' + 'm' + 'n' + 'o' + 'p' + 'q' + 'r'", true)]
    [InlineData("event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text == 'x'", true)]
    [InlineData("event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.title == 'x'", false)]
    [InlineData("lower(lower(event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text) + lower(event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text + event.text)) == 'x'", false)]
    public void The_growth_limit_counts_input_strings_with_if_taking_the_larger_branch(string when, bool accepted)
    {
        var errors = Errors(Yaml(when));
        if (accepted)
        {
            errors.Should().BeEmpty();
        }
        else
        {
            errors.Should().ContainSingle().Which.Id.Should().Be("WOM3038");
        }
    }

    [Fact]
    public void The_growth_limit_is_an_option()
    {
        var when = "event.text + event.text + event.text == 'x'";
        Errors(Yaml(when), options: new CompilationOptions { MaxStringGrowth = 2 }).Should().ContainSingle().Which.Id.Should().Be("WOM3038");
        Errors(Yaml(when), options: new CompilationOptions { MaxStringGrowth = 3 }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("event.text matches '(a{1,50}){1,50}x'", "WOM3036")]
    [InlineData("event.text matches '(a+){1,999}x'", "WOM3036")]
    [InlineData("event.text matches '(a?a?a?){1,333}x'", "WOM3036")]
    [InlineData("event.text matches 'LONG'", "WOM3037")]
    [InlineData("CONCATENATIONS", "WOM3038")]
    public void Check_exits_1_with_the_positioned_diagnostic(string shape, string id)
    {
        var when = shape.Replace("LONG", new string('a', 1001), StringComparison.Ordinal).Replace("CONCATENATIONS", Concatenations(4000), StringComparison.Ordinal);
        foreach (var (name, text, line, column) in new[] { ("campaign.yaml", Yaml(when), WhenLine, WhenColumn), ("campaign.wom", Dsl(when), 7, 8) })
        {
            var path = Write(name, text);
            var (exit, output, error) = Run("check", path);
            exit.Should().Be(1, output + error);
            var offset = id == "WOM3038" ? 0 : "event.text matches ".Length;
            (output + error).Should().Contain($"{name}({line},{column + offset}): error {id}:");
        }
    }
}
