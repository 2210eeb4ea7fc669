using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary>The CLI of spec §5 and §6, run in-process: output shape, exit codes, atomic state files.</summary>
public sealed class CommandLineTests() : CliTestFolder("womrules-cli-")
{
    private const string Campaign = """
        womrules: 1
        campaign: cli
        budget: { points: 1000 }
        events:
          ping: { n: int }
        rules:
          - { name: grant, on: ping, rewards: [ { points: event.n } ] }
        """;

    [Fact]
    public void Check_prints_compiler_style_diagnostics_and_exits_1_on_errors()
    {
        var path = Write("bad.yaml", Campaign.Replace("points: event.n", "points: event.nope"));
        var (exit, output, _) = Run("check", path);
        exit.Should().Be(1);
        output.Should().Be($"{path}(7,57): error WOM3010: The event type 'ping' has no attribute 'nope'; declare it under 'events.ping' or fix the spelling.\n");
    }

    [Fact]
    public void Check_exits_0_on_a_clean_campaign()
    {
        var (exit, output, _) = Run("check", Write("ok.yaml", Campaign));
        exit.Should().Be(0);
        output.Should().BeEmpty();
    }

    [Fact]
    public void Check_exits_0_with_warnings_only()
    {
        var (exit, output, _) = Run("check", Write("warn.yaml", Campaign.Replace("budget: { points: 1000 }\n", "")));
        exit.Should().Be(0);
        output.Should().Contain("warning WOM4001");
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("check")]
    [InlineData("check", "a.yaml", "b.yaml")]
    [InlineData("run", "only-one.yaml")]
    [InlineData("run", "a.yaml", "b.jsonl", "--state")]
    [InlineData("run", "a.yaml", "b.jsonl", "--bogus")]
    [InlineData("state")]
    [InlineData("state", "frobnicate", "s.json")]
    [InlineData("state", "seal")]
    [InlineData("state", "seal", "a.json", "b.json")]
    [InlineData("state", "seal", "a.json", "--campaign")]
    public void Bad_usage_exits_2_with_usage(params string[] args)
    {
        var (exit, _, error) = Run(args);
        exit.Should().Be(2);
        error.Should().Contain("usage:");
    }

    [Fact]
    public void Missing_files_exit_2_without_a_stack_trace()
    {
        var (exit, _, error) = Run("check", Path.Combine(Folder, "missing.yaml"));
        exit.Should().Be(2);
        error.Should().Contain("cannot read").And.NotContain("   at ");

        var campaign = Write("c.yaml", Campaign);
        (exit, _, error) = Run("run", campaign, Path.Combine(Folder, "missing.jsonl"));
        exit.Should().Be(2);
        error.Should().Contain("cannot read");
    }

    [Fact]
    public void Run_with_a_broken_campaign_exits_1_and_evaluates_nothing()
    {
        var campaign = Write("bad.yaml", Campaign.Replace("points: event.n", "points: event.nope"));
        var events = Write("e.jsonl", """{"id": "e-1", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": {"n": 1}}""");
        var (exit, output, error) = Run("run", campaign, events);
        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("error WOM3010");
    }

    [Fact]
    public void Run_prints_one_outcome_per_line_including_rejections()
    {
        var campaign = Write("c.yaml", Campaign);
        var events = Write("e.jsonl", string.Join("\n",
            """{"id": "e-1", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": {"n": 5}}""",
            "",
            "{ not json",
            """{"id": "e-1", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": {"n": 5}}""",
            """{"id": "e-2", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": {"n": "five"}}"""));
        var (exit, output, _) = Run("run", campaign, events);
        exit.Should().Be(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            """{"kind":"reward","event":"e-1","rule":"grant","participant":"u-1","points":5}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid JSON: 'n' is an invalid start of a property name"}""",
            """{"kind":"duplicate","event":"e-1"}""",
            """{"kind":"rejected","event":"e-2","reason":"attribute 'n' must be an int"}""");
    }

    [Fact]
    public void A_line_over_the_limit_is_rejected_and_the_rest_still_runs()
    {
        var campaign = Write("c.yaml", Campaign);
        var huge = "{\"id\": \"e-0\", \"pad\": \"" + new string('x', 1024 * 1024 + 10) + "\"}";
        var events = Write("e.jsonl", huge + "\n" + """{"id": "e-1", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": {"n": 5}}""");
        var (exit, output, _) = Run("run", campaign, events);
        exit.Should().Be(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().StartWith("""{"kind":"rejected","event":null,"reason":"the line is""");
        lines[1].Should().Contain("\"points\":5");
    }

    [Fact]
    public void Save_state_then_resume_equals_one_run()
    {
        var campaign = Write("c.yaml", Campaign.Replace("rewards:", "limit: { count: 2 }, rewards:"));
        var lines = Enumerable.Range(1, 6).Select(i => CampaignRunner.Event($"e-{i}", "ping", $"u-{i % 2}", $"{{\"n\": {i}}}", at: $"2026-03-0{i}T10:00:00Z")).ToArray();
        var all = Write("all.jsonl", string.Join("\n", lines));
        var a = Write("a.jsonl", string.Join("\n", lines[..3]));
        var b = Write("b.jsonl", string.Join("\n", lines[3..]) + "\n" + lines[0]);
        var whole = Run("run", campaign, all + "");
        var state = Path.Combine(Folder, "state.json");
        var first = Run("run", campaign, a, "--save-state", state);
        var second = Run("run", campaign, b, "--state", state, "--save-state", state);
        (first.Out + second.Out).Should().Be(whole.Out + """{"kind":"duplicate","event":"e-1"}""" + "\n");
        File.ReadAllText(state).Should().Contain("\"participants\"").And.Contain("\"seen_events\"");
        Directory.GetFiles(Folder, "*.tmp").Should().BeEmpty("the state file is written through a temporary file that is renamed");
    }

    [Fact]
    public void A_malformed_state_file_exits_2()
    {
        var campaign = Write("c.yaml", Campaign);
        var events = Write("e.jsonl", "");
        var (exit, _, error) = Run("run", campaign, events, "--state", Write("s.json", """{"participants": {"u-1": {"points": "many"}}}"""));
        exit.Should().Be(2);
        error.Should().Contain("$.participants.u-1.points (line 1, byte 37): must be a whole number");
    }

    [Fact]
    public void State_file_shape_follows_the_spec()
    {
        var campaign = Write("c.yaml", Campaign);
        var events = Write("e.jsonl", """{"id": "e-1", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": {"n": 600}}""");
        var state = Path.Combine(Folder, "state.json");
        Run("run", campaign, events, "--save-state", state).Exit.Should().Be(0);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(state));
        var u1 = document.RootElement.GetProperty("participants").GetProperty("u-1");
        u1.GetProperty("points").GetInt64().Should().Be(600);
        u1.GetProperty("lifetime_points").GetInt64().Should().Be(600);
        u1.GetProperty("credit").GetString().Should().Be("0");
        u1.GetProperty("badges").GetArrayLength().Should().Be(0);
        u1.GetProperty("counters").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Object);
        u1.GetProperty("attributes").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Object);
    }

    [Fact]
    public void Run_over_an_example_matches_its_approved_outcomes()
    {
        var name = RepositoryPaths.ExampleNames.First();
        var folderOfExample = Path.Combine(RepositoryPaths.Examples, name);
        var (exit, output, _) = Run("run", Path.Combine(folderOfExample, "campaign.yaml"), Path.Combine(folderOfExample, "events.jsonl"));
        exit.Should().Be(0);
        output.Should().Be(File.ReadAllText(Path.Combine(folderOfExample, "outcomes.jsonl")).ReplaceLineEndings("\n"));
    }
}
