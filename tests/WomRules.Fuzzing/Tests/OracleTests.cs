using System.Text.Json;

namespace WomRules.Fuzzing.Tests;

/// <summary>Each property catches what it is meant to, and passes what is fine: the fuzzer's own regression tests.</summary>
public sealed class OracleTests
{
    private const string Path = "/tmp/x/campaign.yaml";

    private static CliResult Result(int? exit, string stdout = "", string stderr = "", bool timedOut = false, string? crash = null) =>
        new(["check", Path], exit, stdout, stderr, TimeSpan.FromSeconds(timedOut ? 10 : 0.1), timedOut, crash);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Exit_codes_0_1_and_2_pass(int exit) => Oracle.Basic(Result(exit)).Should().BeEmpty();

    [Theory]
    [InlineData(3)]
    [InlineData(134)]
    [InlineData(-1)]
    public void Any_other_exit_code_is_a_finding(int exit) =>
        Oracle.Basic(Result(exit)).Should().ContainSingle(f => f.Property == Properties.ExitCode);

    [Fact]
    public void An_escaped_exception_is_a_crash() =>
        Oracle.Basic(Result(null, crash: "System.InvalidOperationException: boom\n   at X.Y()")).Should().Contain(f => f.Property == Properties.Crash);

    [Fact]
    public void A_timeout_is_a_hang() => Oracle.Basic(Result(null, timedOut: true)).Should().ContainSingle(f => f.Property == Properties.Hang);

    [Theory]
    [InlineData("   at WomRules.Runtime.StateFile.Read(Stream stream) in /src/StateFile.cs:line 3")]
    [InlineData("womrules: System.FormatException: bad")]
    [InlineData("Unhandled exception.")]
    public void Stack_traces_in_output_are_findings(string line)
    {
        Oracle.Basic(Result(2, stderr: line + "\n")).Should().ContainSingle(f => f.Property == Properties.StackTrace);
        Oracle.Basic(Result(0, stdout: line + "\n")).Should().ContainSingle(f => f.Property == Properties.StackTrace);
    }

    [Fact]
    public void Ordinary_messages_are_not_stack_traces() =>
        Oracle.Basic(Result(1, "x.yaml(3,1): error WOM1001: The YAML is malformed: look at the line above it.\n", "womrules: cannot read the state file 'a': at line 3.\n"))
            .Should().BeEmpty();

    [Fact]
    public void Positioned_diagnostics_of_the_file_pass()
    {
        var result = Result(1, $"{Path}(3,7): error WOM1001: The YAML is malformed.\n{Path}(9,1): warning WOM4001: No limit.\n", $"{Path}: 1 error(s), 1 warning(s)\n");
        Oracle.Diagnostics(result, result.Stdout, Path).Should().BeEmpty();
        Oracle.CheckCounts(result, Path).Should().BeEmpty();
    }

    [Theory]
    [InlineData("error WOM1001: no position")]
    [InlineData("/tmp/x/other.yaml(1,1): error WOM0000: forged for another file")]
    [InlineData("/tmp/x/campaign.yaml(0,1): error WOM1001: before the file")]
    [InlineData("/tmp/x/campaign.yaml(1,1): error WOM1001: a key \u001b[2J cleared the screen")]
    [InlineData("/tmp/x/campaign.yaml(1,1): error WOM1001: a line\u2028break")]
    public void Unpositioned_forged_or_raw_diagnostics_are_findings(string line)
    {
        var result = Result(1, line + "\n");
        Oracle.Diagnostics(result, result.Stdout, Path).Should().Contain(f => f.Property == Properties.DiagnosticPosition);
    }

    [Fact]
    public void A_diagnostic_split_over_two_lines_breaks_check_s_count()
    {
        var result = Result(1, $"{Path}(3,7): error WOM1006: The key 'a\n{Path}(1,1): error WOM0000: forged' appears twice.\n", $"{Path}: 1 error(s), 0 warning(s)\n");
        Oracle.CheckCounts(result, Path).Should().ContainSingle(f => f.Property == Properties.DiagnosticPosition);
    }

    [Fact]
    public void User_text_quoted_inside_a_warning_is_not_counted_as_an_error()
    {
        var result = Result(0, $"{Path}(3,7): warning WOM4003: no rule grants the badge 'b0x.yaml(1,1): error WOM0000: forged'.\n", $"{Path}: 0 error(s), 1 warning(s)\n");
        Oracle.CheckCounts(result, Path).Should().BeEmpty();
    }

    [Fact]
    public void Outcome_lines_must_be_json_objects()
    {
        Oracle.Outcomes(Result(0, "{\"kind\":\"reward\",\"points\":5}\nnot json\n[1]\n"), out var outcomes)
            .Select(f => f.Property).Should().Equal(Properties.OutcomeJson, Properties.OutcomeJson);
        outcomes.Should().ContainSingle();
    }

    [Fact]
    public void Rewards_within_the_budget_pass()
    {
        var outcomes = Parse("""{"kind":"reward","points":600}""", """{"kind":"reward","points":400,"credit":"10.00"}""", """{"kind":"redeemed","points":900000}""");
        Oracle.Budget(Result(0), outcomes, 1000, 10m, """{"budget_used":{"points":1000,"credit":"10.00"}}""").Should().BeEmpty();
    }

    [Fact]
    public void Rewards_over_the_budget_are_findings_with_exact_totals()
    {
        var outcomes = Parse("""{"kind":"reward","points":500}""", """{"kind":"reward","points":9223372036854775807}""");
        Oracle.Budget(Result(0), outcomes, 1_000_000, null, null).Should().ContainSingle(f => f.Property == Properties.Budget)
            .Which.Detail.Should().Contain("9223372036854776307 points in total");
    }

    [Fact]
    public void Credit_over_the_budget_and_negative_amounts_are_findings()
    {
        var outcomes = Parse("""{"kind":"reward","credit":"15.50"}""", """{"kind":"reward","points":-4}""");
        Oracle.Budget(Result(0), outcomes, 100, 10m, null).Select(f => f.Detail).Should().HaveCount(2)
            .And.Contain(d => d.Contains("negative", StringComparison.Ordinal)).And.Contain(d => d.Contains("credit in total", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"budget_used":{"points":-4,"credit":"0"}}""")]
    [InlineData("""{"budget_used":{"points":1001,"credit":"0"}}""")]
    [InlineData("""{"budget_used":{"points":0,"credit":"10.01"}}""")]
    public void A_saved_budget_used_outside_the_budget_is_a_finding(string state) =>
        Oracle.Budget(Result(0), [], 1000, 10m, state).Should().ContainSingle(f => f.Property == Properties.Budget);

    [Fact]
    public void Escape_shows_every_break_and_control_character()
    {
        Oracle.Escape("a\u001b[2J\n\u2028\u0085\ud800b").Should().Be("a\\u001b[2J\\u000a\\u2028\\u0085\\ud800b");
    }

    private static List<JsonElement> Parse(params string[] lines) => [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
}
