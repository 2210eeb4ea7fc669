using WomRules.Cli.Testing;
using WomRules.Runtime;
using WomRules.Testing;

namespace WomRules.Tests.Ci;

/// <summary><c>womrules test</c> in temporary folders: snapshots approved, broken, accepted; expectations; CI mode; scenario mistakes.</summary>
public sealed class ScenarioTestCommandTests : IDisposable
{
    private const string Campaign = """
        womrules: 1
        campaign: ci
        budget: { points: 1000 }
        events:
          ping: { n: int }
        counters: [pings]
        rules:
          - name: grant
            on: ping
            rewards: [ { points: event.n, counter: pings } ]
        """;

    private const string Scenario = """
        campaign: campaign.yaml
        cases:
          - name: two-pings
            events:
              - { id: e-1, type: ping, at: 2026-03-02T10:00:00Z, actor: u-1, attributes: { n: 5 } }
              - { id: e-2, type: ping, at: 2026-03-02T11:00:00Z, actor: u-2, attributes: { n: 7 } }
            expect:
              - { kind: reward, participant: u-1, points: 5 }
              - not: { kind: rejected }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("womrules-test-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Verified => Path.Combine(folder, "snapshots", "two-pings.verified.jsonl");

    private string Received => Path.Combine(folder, "snapshots", "two-pings.received.jsonl");

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (int Exit, string Out, string Err) Test(bool ci = false, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = TestCommand.Run(args.Length == 0 ? [folder] : args, stdout, stderr, ci);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString());
    }

    private void Approve()
    {
        Write("campaign.yaml", Campaign);
        Write("ci.tests.yaml", Scenario);
        Test().Exit.Should().Be(0);
        File.Exists(Verified).Should().BeTrue();
    }

    [Fact]
    public void A_missing_snapshot_is_created_and_reported_outside_CI()
    {
        Write("campaign.yaml", Campaign);
        Write("ci.tests.yaml", Scenario);
        var (exit, output, _) = Test();
        exit.Should().Be(0);
        output.Should().Contain("PASS  ").And.Contain("two-pings (new snapshot ").And.EndWith("1 passed, 0 failed\n");
        File.ReadAllText(Verified).Should().StartWith("""{"kind":"reward","event":"e-1","rule":"grant","participant":"u-1","points":5}""" + "\n");
        File.Exists(Received).Should().BeFalse();
    }

    [Fact]
    public void A_missing_snapshot_fails_under_CI_and_leaves_the_received_file()
    {
        Write("campaign.yaml", Campaign);
        Write("ci.tests.yaml", Scenario);
        var (exit, output, _) = Test(ci: true);
        exit.Should().Be(1);
        output.Should().Contain("FAIL  ").And.Contain("is missing (CI=true)").And.EndWith("0 passed, 1 failed\n");
        File.Exists(Verified).Should().BeFalse();
        File.Exists(Received).Should().BeTrue();
    }

    [Fact]
    public void A_changed_campaign_fails_its_snapshot_with_a_diff_and_accept_fixes_it_and_cleans_up()
    {
        Approve();
        var approved = File.ReadAllText(Verified);
        Write("campaign.yaml", Campaign.Replace("counter: pings", "counter: pings, by: 2"));

        var (exit, output, _) = Test(ci: true);
        exit.Should().Be(1);
        output.Should().Contain("FAIL  ").And.Contain("differs from");
        output.Should().Contain("--- a/").And.Contain("+++ b/").And.Contain("@@ -1,");
        output.Should().Contain("""-{"kind":"reward","event":"e-2","rule":"grant","participant":"u-2","counter":"pings","by":1}""");
        output.Should().Contain("""+{"kind":"reward","event":"e-2","rule":"grant","participant":"u-2","counter":"pings","by":2}""");
        File.ReadAllText(Verified).Should().Be(approved, "a failing run never touches the approved snapshot");
        File.ReadAllText(Received).Should().Contain("\"by\":2");

        (exit, output, _) = Test(ci: true, folder, "--accept");
        exit.Should().Be(0);
        output.Should().Contain("accepted");
        File.Exists(Received).Should().BeFalse("accepting cleans up the received file");
        File.ReadAllText(Verified).Should().Contain("\"by\":2");

        (exit, _, _) = Test(ci: true);
        exit.Should().Be(0);
        Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("snapshots are written atomically");
    }

    [Fact]
    public void A_passing_run_deletes_a_stale_received_file()
    {
        Approve();
        Write("snapshots/two-pings.received.jsonl", "stale\n");
        Test(ci: true).Exit.Should().Be(0);
        File.Exists(Received).Should().BeFalse();
    }

    [Fact]
    public void Expectations_fail_the_case_with_their_position_even_when_the_snapshot_matches()
    {
        Write("campaign.yaml", Campaign);
        Write("ci.tests.yaml", Scenario
            .Replace("participant: u-1, points: 5 }", "participant: u-1, points: 6 }")
            .Replace("not: { kind: rejected }", "not: { kind: reward, participant: u-2 }"));
        var (exit, output, _) = Test();
        exit.Should().Be(1);
        output.Should().Contain("ci.tests.yaml(8,9): expected an outcome matching {kind: reward, participant: u-1, points: 6}, but none of the 4 outcomes matches");
        output.Should().Contain("ci.tests.yaml(9,9): expected no outcome matching {kind: reward, participant: u-2}, but found 2:");
    }

    [Fact]
    public void Expectations_match_on_the_fields_they_name_and_compare_numbers_by_value()
    {
        Write("campaign.yaml", Campaign.Replace("points: event.n, counter: pings", "credit: event.n"));
        Write("ci.tests.yaml", Scenario.Replace("participant: u-1, points: 5 }", "credit: 5.0 }").Replace("- name: two-pings", "- name: two-pings\n    snapshot: false"));
        var (exit, output, _) = Test(ci: true);
        output.Should().Contain("PASS  ");
        exit.Should().Be(0);
        File.Exists(Verified).Should().BeFalse("'snapshot: false' keeps no snapshot");
    }

    [Fact]
    public void A_campaign_with_errors_fails_every_case_with_its_diagnostics()
    {
        Write("campaign.yaml", Campaign.Replace("points: event.n", "points: event.nope"));
        Write("ci.tests.yaml", Scenario);
        var (exit, output, _) = Test();
        exit.Should().Be(1);
        output.Should().Contain("two-pings (the campaign has errors)").And.Contain("campaign.yaml(10,").And.Contain("error WOM3010");
        File.Exists(Verified).Should().BeFalse();
    }

    [Theory]
    [InlineData("campaign: campaign.yaml", "campaign: nowhere.yaml", "ci.tests.yaml(1,11): error WOM6001")]
    [InlineData("- name: two-pings", "- name: two pings", "ci.tests.yaml(3,11): error WOM6002")]
    [InlineData("    expect:", "    snapshot: ../../outside.verified.jsonl\n    expect:", "ci.tests.yaml(7,15): error WOM6004")]
    [InlineData("- { kind: reward,", "- { knd: reward,", "ci.tests.yaml(8,11): error WOM6006")]
    [InlineData("cases:", "cases:\n  - { name: dup, events: [], snapshot: false, expect: [ { kind: reward } ] }\n  - { name: dup, events: [], snapshot: false, expect: [ { kind: reward } ] }", "ci.tests.yaml(4,13): error WOM6003")]
    [InlineData("campaign: campaign.yaml", "campaign: campaign.yaml\ncampaign: campaign.yaml", "ci.tests.yaml(2,1): error WOM1006")]
    [InlineData("    events:", "    event:", "ci.tests.yaml(4,5): error WOM1008")]
    [InlineData("  - name: two-pings", "  - name: &a two-pings", "ci.tests.yaml(3,11): error WOM1003")]
    public void Scenario_file_mistakes_are_positioned_diagnostics(string find, string replace, string expected)
    {
        Write("campaign.yaml", Campaign);
        Scenario.Should().Contain(find);
        Write("ci.tests.yaml", Scenario.Replace(find, replace));
        var (exit, output, _) = Test();
        exit.Should().Be(1);
        output.Should().Contain("the scenario file has errors").And.Contain(expected).And.NotContain("   at ");
        File.Exists(Path.Combine(folder, "..", "outside.verified.jsonl")).Should().BeFalse();
    }

    [Fact]
    public void Events_and_state_can_come_from_files()
    {
        Write("campaign.yaml", Campaign);
        Write("state.json", """{"participants": {"u-1": {"points": 100, "lifetime_points": 100}}}""");
        Write("events.jsonl", """{"id": "e-1", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": {"n": 5}}""" + "\n\nnot json\n");
        Write("ci.tests.yaml", """
            campaign: campaign.yaml
            cases:
              - name: from-files
                state: state.json
                events: events.jsonl
                expect:
                  - { kind: rejected, event: null }
            """);
        var (exit, _, _) = Test();
        exit.Should().Be(0);
        File.ReadAllText(Path.Combine(folder, "snapshots", "from-files.verified.jsonl")).Should().Contain("""{"participant":"u-1","tier":null,"points":105,"lifetime_points":105,""");
    }

    [Fact]
    public void An_events_file_is_read_as_womrules_run_reads_it()
    {
        var campaign = Write("campaign.yaml", Campaign);
        var events = Path.Combine(folder, "events.jsonl");
        File.WriteAllBytes(events, [
            0xEF, 0xBB, 0xBF, .. """{"id": "e-1", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": {"n": 5}}"""u8, .. "\r\n \r\n"u8,
            .. """{"id": "e-2", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-"""u8, 0xFF, .. "\", \"attributes\": {\"n\": 5}}"u8, .. "\r\n"u8,
            .. """{"id": "e-1", "type": "ping"}"""u8]);
        Write("ci.tests.yaml", """
            campaign: campaign.yaml
            cases:
              - name: from-file
                events: events.jsonl
            """);
        Test().Exit.Should().Be(0);

        var run = new StringWriter();
        WomRules.Cli.CommandLine.Run(["run", campaign, events], run, new StringWriter()).Should().Be(0);
        var outcomes = run.ToString().ReplaceLineEndings("\n");
        outcomes.Should().Contain("the line is not valid UTF-8").And.Contain("duplicate");
        File.ReadAllText(Path.Combine(folder, "snapshots", "from-file.verified.jsonl")).Should().StartWith(outcomes);
    }

    [Fact]
    public void A_state_that_does_not_fit_the_campaign_fails_the_case_with_a_positioned_diagnostic_and_exits_2()
    {
        Write("campaign.yaml", Campaign);
        Write("ci.tests.yaml", Scenario.Replace("    events:", "    state: { participants: { u-1: { points: lots } } }\n    events:"));
        var (exit, output, _) = Test();
        exit.Should().Be(2, "an initial state that cannot be used is unreadable input");

        // Inline state is converted to JSON, so a line and byte in that JSON would point nowhere the user wrote.
        output.Should().Contain("two-pings (the case cannot run)").And.Contain("ci.tests.yaml(4,12): error WOM6007")
            .And.Contain("$.participants.u-1.points: must be a whole number");
    }

    [Fact]
    public void The_snapshot_is_the_library_helpers_text()
    {
        Approve();
        var campaign = CampaignCompilation.Create(Campaign).Emit().Campaign!;
        var text = CampaignSnapshot.RunEvents(campaign,
        [
            new EngagementEvent("e-1", "ping", DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "u-1", Attributes: new Dictionary<string, object?> { ["n"] = 5L }),
            new EngagementEvent("e-2", "ping", DateTimeOffset.Parse("2026-03-02T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "u-2", Attributes: new Dictionary<string, object?> { ["n"] = 7L }),
        ]);
        File.ReadAllText(Verified).Should().Be(text);
    }

    [Fact]
    public void Paths_that_do_not_exist_or_hold_no_scenarios_are_bad_usage()
    {
        Test(false, Path.Combine(folder, "missing")).Exit.Should().Be(2);
        var (exit, _, error) = Test(false, folder);
        exit.Should().Be(2);
        error.Should().Contain("no scenario files");
        var stderr = new StringWriter();
        WomRules.Cli.CommandLine.Run(["test", "--frobnicate"], new StringWriter(), stderr).Should().Be(2);
        stderr.ToString().Should().Contain("usage:");
    }

    [Fact]
    public void Two_scenario_files_cannot_share_a_snapshot()
    {
        Write("campaign.yaml", Campaign);
        Write("a.tests.yaml", Scenario);
        Write("b.tests.yaml", Scenario);
        var (exit, output, _) = Test();
        exit.Should().Be(1);
        output.Should().Contain("b.tests.yaml: two-pings (its snapshot").And.Contain("is already used by").And.EndWith("1 passed, 1 failed\n");
    }

    public static TheoryData<string, string, string> HostileScenarios => new()
    {
        { "empty", "", "(1,1): error WOM6010" },
        { "comments only", "# nothing here\n", "(1,1): error WOM6010" },
        { "binary", "campaign: a\0b", "(1,12): error WOM6011" },
        { "two documents", "campaign: campaign.yaml\n---\ncampaign: campaign.yaml\n", "(2,1): error WOM6012" },
        { "deep nesting", "cases: " + new string('[', 5000) + new string(']', 5000), "error WOM1002" },
        { "alias bomb", "a: &a [x, x]\nb: [*a, *a]\n", "error WOM1003" },
        { "tag", "campaign: !System.Diagnostics.Process campaign.yaml\n", "error WOM1004" },
        { "not a mapping", "- campaign.yaml\n", "(1,1): error WOM1009" },
    };

    [Theory]
    [MemberData(nameof(HostileScenarios))]
    public void Hostile_scenario_files_are_positioned_diagnostics_not_crashes(string kind, string text, string expected)
    {
        Write("campaign.yaml", Campaign);
        Write("ci.tests.yaml", text);
        var (exit, output, _) = Test();
        exit.Should().Be(1, kind);
        output.Should().Contain("ci.tests.yaml").And.Contain(expected).And.NotContain("   at ");
    }

    [Fact]
    public void Hostile_events_become_rejected_outcomes()
    {
        Write("campaign.yaml", Campaign);
        Write("events.jsonl", new string('x', 1024 * 1024 + 1) + "\n" + new string('[', 100_000) + "\n");
        Write("ci.tests.yaml", """
            campaign: campaign.yaml
            cases:
              - name: file
                events: events.jsonl
                snapshot: false
                expect:
                  - { kind: rejected, reason: "the line is 1048577 characters long, more than the limit of 1048576" }
              - name: inline-deep
                snapshot: false
                events:
                  - { id: d-1, type: ping, at: 2026-03-02T10:00:00Z, actor: u-1, attributes: { n: DEEP } }
                expect:
                  - { kind: rejected }
            """.Replace("DEEP", new string('[', 200) + "1" + new string(']', 200), StringComparison.Ordinal));
        var (exit, output, _) = Test();
        output.Should().NotContain("   at ");
        exit.Should().Be(0, output);
    }

    [Fact]
    public void Campaign_warnings_are_shown_once_and_fail_nothing()
    {
        Write("campaign.yaml", Campaign.Replace("budget: { points: 1000 }\n", ""));
        Write("a.tests.yaml", Scenario);
        Write("b.tests.yaml", Scenario.Replace("two-pings", "other"));
        var (exit, output, _) = Test();
        exit.Should().Be(0);
        output.Split('\n').Count(l => l.Contains("warning WOM4001", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public void A_campaign_with_csharp_rules_runs_only_with_allow_csharp()
    {
        Write("campaign.yaml", Campaign.Replace("rewards: [ { points: event.n, counter: pings } ]", "lang: csharp\n    rewards: [ { points: Event.N * 2, counter: pings } ]", StringComparison.Ordinal));
        Write("ci.tests.yaml", Scenario.Replace("points: 5 }", "points: 10 }", StringComparison.Ordinal));

        var refused = Test(false, folder);
        refused.Exit.Should().Be(1);
        refused.Out.Should().Contain("WOM3031");
        File.Exists(Verified).Should().BeFalse("nothing is approved for a campaign that does not compile");

        var allowed = Test(false, folder, "--allow-csharp");
        allowed.Exit.Should().Be(0, allowed.Out);
        File.ReadAllText(Verified).Should().StartWith("""{"kind":"reward","event":"e-1","rule":"grant","participant":"u-1","points":10}""");
    }
}
