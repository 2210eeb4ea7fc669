using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary><c>womrules run … --until TIME</c> (spec v1.1 §1): a sweep after the last event, whose time the saved state keeps.</summary>
public sealed class RunUntilTests() : CliTestFolder("womrules-run-until-")
{
    private const string Campaign = """
        womrules: 1
        campaign: run-until
        events:
          ping: { n: int }
        rules:
          - { name: grant, on: ping, rewards: [ { points: event.n } ] }
        """;

    [Fact]
    public void Until_sweeps_the_clock_after_the_last_event_and_the_saved_state_keeps_it()
    {
        var campaign = Write("c.yaml", Campaign);
        var events = Write("e.jsonl", CampaignRunner.Event("e1", "ping", "u1", """{"n": 3}""", at: "2026-03-02T10:00:00Z"));
        var state = Path.Combine(Folder, "s.json");

        var run = Run("run", campaign, events, "--until", "2026-12-31T02:00:00+02:00", "--save-state", state);
        run.Exit.Should().Be(0, run.Err);
        run.Out.Should().Contain("\"points\":3");
        File.ReadAllText(state).Should().Contain("\"clock\": \"2026-12-31T00:00:00Z\"");
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01T00:00:00Z")]
    public void An_until_that_is_not_a_time_is_bad_usage(string until)
    {
        var campaign = Write("c.yaml", Campaign);
        var events = Write("e.jsonl", CampaignRunner.Event("e1", "ping", "u1", """{"n": 3}"""));

        var run = Run("run", campaign, events, "--until", until);
        run.Exit.Should().Be(2);
        run.Err.Should().Contain("--until").And.Contain(until);
    }

    [Theory]
    [InlineData("\"clock\": \"soon\"", "$.clock")]
    [InlineData("\"participants\": {\"u1\": {\"points\": 5}}, \"pending\": [{\"due\": \"2026-05-01T00:00:00Z\", \"grant\": 0, \"source\": \"e9\", \"rule\": \"grant\", \"participant\": \"u1\", \"points\": 5}]", "$.pending[0].source")]
    public void A_malformed_clock_or_pending_grant_in_a_state_file_is_exit_2_with_its_path(string members, string path)
    {
        var campaign = Write("c.yaml", Campaign);
        var events = Write("e.jsonl", CampaignRunner.Event("e1", "ping", "u1", """{"n": 3}"""));
        var state = Write("s.json", "{" + members + "}");

        var run = Run("run", campaign, events, "--state", state);
        run.Exit.Should().Be(2);
        run.Err.Should().Contain("cannot read the state file").And.Contain(path);
    }

    [Fact]
    public void The_usage_text_names_until()
    {
        Run("--help").Out.Should().Contain("[--until TIME]");
    }
}
