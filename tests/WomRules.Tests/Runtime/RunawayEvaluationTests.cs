using System.Diagnostics;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Issue 10, defects 5 and 6 at run time: a <c>matches</c> past its timeout and a string past the cap make the rule
/// <c>skipped</c> with reason <c>error</c>, in both evaluators; a disclosure that fails the same way fails closed.
/// </summary>
public sealed class RunawayEvaluationTests
{
    private static string Campaign(string when, string disclosureRequire = "true") => $"""
        womrules: 1
        campaign: runaway
        events:
          post: {"{"} text: string {"}"}
        disclosures:
          - name: check
            on: post
            require: {disclosureRequire}
            action: flag
            message: flagged
        rules:
          - name: r
            on: post
            when: {when}
            rewards: [ {"{"} points: 1 {"}"} ]
          - name: other
            on: post
            rewards: [ {"{"} points: 2 {"}"} ]
        budget: {"{"} points: 1000000 {"}"}
        """;

    private static string Post(string id, string text) => CampaignRunner.Event(id, "post", "u-1", $$"""{"text": "{{text}}"}""");

    // Ambiguous nested counted repetition: 999, within the default complexity limit, but seconds to build its automaton.
    private const string SlowPattern = "(a{1,3}){1,111}x";

    private static readonly CompilationOptions ShortTimeout = new() { RegexMatchTimeout = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public void A_match_past_its_timeout_skips_the_rule_with_error_and_leaves_the_others()
    {
        var runner = new CampaignRunner(Campaign($"event.text matches '{SlowPattern}'"), ShortTimeout);
        var watch = Stopwatch.StartNew();
        var outcomes = runner.Run(Post("e-1", new string('a', 200_000)));
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the timeout bounds each match");
        outcomes.Should().Contain(o => o.Contains("\"kind\":\"skipped\"") && o.Contains("\"rule\":\"r\"") && o.Contains("\"reason\":\"error\""));
        outcomes.Should().Contain(o => o.Contains("\"rule\":\"other\"") && o.Contains("\"points\":2"));
        outcomes.Should().NotContain(o => o.Contains("\"rule\":\"r\"") && o.Contains("\"kind\":\"reward\""));
    }

    [Fact]
    public void A_disclosure_whose_match_times_out_fails_closed()
    {
        var runner = new CampaignRunner(Campaign("true", $"event.text matches '{SlowPattern}'"), ShortTimeout);
        var outcomes = runner.Run(Post("e-1", new string('a', 200_000)));
        outcomes.Should().Contain(o => o.Contains("\"kind\":\"violation\"") && o.Contains("\"rule\":\"check\""));
    }

    [Fact]
    public void The_pattern_is_built_with_the_timeout_option()
    {
        var compiled = CampaignRunner.Compile(Campaign("event.text matches 'a'"), options: ShortTimeout);
        var rule = compiled.Bound.Rules.Single(r => r.Name == "r");
        var matches = (Binding.BoundMatches)rule.When!;
        matches.Pattern.MatchTimeout.Should().Be(ShortTimeout.RegexMatchTimeout);
        CampaignRunner.Compile(Campaign("event.text matches 'a'")).Bound.Rules.Select(r => r.When).OfType<Binding.BoundMatches>().Single()
            .Pattern.MatchTimeout.Should().Be(CompilationOptions.Default.RegexMatchTimeout).And.BePositive();
    }

    [Theory]
    [InlineData("event.text + event.text != 'x'", 600_000)]
    [InlineData("lower(event.text) + upper(event.text) != 'x'", 600_000)]
    [InlineData("lower(event.text) != 'x'", 1_048_000)]
    public void A_string_past_the_cap_skips_the_rule_with_error(string when, int length)
    {
        var options = new CompilationOptions { MaxStringLength = 1_000_000 };
        var runner = new CampaignRunner(Campaign(when), options);
        var text = new string('a', length);
        var built = when.StartsWith("lower(event.text) !=", StringComparison.Ordinal) ? length : 2 * length;
        built.Should().BeGreaterThan(options.MaxStringLength);
        var outcomes = runner.Run(Post("e-1", text));
        outcomes.Should().Contain(o => o.Contains("\"rule\":\"r\"") && o.Contains("\"reason\":\"error\""));
        outcomes.Should().Contain(o => o.Contains("\"rule\":\"other\"") && o.Contains("\"points\":2"));

        // Under the cap the same rule pays.
        runner.Run(Post("e-2", new string('a', 1000))).Should().Contain(o => o.Contains("\"rule\":\"r\"") && o.Contains("\"points\":1"));
    }

    [Fact]
    public void The_default_cap_refuses_doubling_an_event_near_the_line_limit()
    {
        var runner = new CampaignRunner(Campaign("event.text + event.text != 'x'"));
        var outcomes = runner.Run(Post("e-1", new string('a', 600_000)));
        outcomes.Should().Contain(o => o.Contains("\"rule\":\"r\"") && o.Contains("\"reason\":\"error\""));
    }

    [Fact]
    public void One_evaluation_builds_at_most_growth_times_the_cap_in_all()
    {
        // Each string is under the cap, but 3 x 40 = 120 characters exceed 2 x 50 in one evaluation.
        var options = new CompilationOptions { MaxStringLength = 50, MaxStringGrowth = 2 };
        var when = "lower(event.text) != 'x' and lower(event.text) != 'y' and lower(event.text) != 'z'";
        var runner = new CampaignRunner(Campaign(when), options);
        runner.Run(Post("e-1", new string('a', 40))).Should().Contain(o => o.Contains("\"rule\":\"r\"") && o.Contains("\"reason\":\"error\""));
        runner.Run(Post("e-2", new string('a', 30))).Should().Contain(o => o.Contains("\"rule\":\"r\"") && o.Contains("\"points\":1"), "3 x 30 is under 100");
    }

    [Fact]
    public void Womrules_run_skips_a_rule_that_would_double_an_event_near_the_line_limit()
    {
        var folder = Directory.CreateTempSubdirectory("womrules-runaway-run-").FullName;
        try
        {
            var campaign = Path.Combine(folder, "campaign.yaml");
            var events = Path.Combine(folder, "events.jsonl");
            File.WriteAllText(campaign, Campaign("event.text + event.text != 'x'"));
            File.WriteAllText(events, Post("e-1", new string('a', 600_000)) + "\n" + Post("e-2", "short") + "\n");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = WomRules.Cli.CommandLine.Run(["run", campaign, events], stdout, stderr);
            exit.Should().Be(0, stderr.ToString());
            var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Should().Contain(o => o.Contains("\"event\":\"e-1\"") && o.Contains("\"rule\":\"r\"") && o.Contains("\"reason\":\"error\""));
            lines.Should().Contain(o => o.Contains("\"event\":\"e-2\"") && o.Contains("\"rule\":\"r\"") && o.Contains("\"points\":1"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
