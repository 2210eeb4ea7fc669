using System.Text;
using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary><c>womrules state seal</c>: re-seals a deliberately edited state file, after validating it; never seals a bad one.</summary>
public sealed class StateSealTests() : CliTestFolder("womrules-seal-")
{
    [Fact]
    public void An_edit_is_refused_by_run_until_sealed_and_seal_changes_only_the_checksum()
    {
        var (campaign, state) = Saved();
        var edited = File.ReadAllText(state).Replace("\"points\": 5,", "\"points\": 3,", StringComparison.Ordinal);
        File.WriteAllText(state, edited);
        var refused = Run("run", campaign, Write("none.jsonl", ""), "--state", state);
        refused.Exit.Should().Be(2);
        refused.Err.Should().Contain("$.checksum").And.Contain("womrules state seal");

        var (exit, output, error) = Run("state", "seal", state);
        exit.Should().Be(0, error);
        output.Should().Contain("sealed");
        var resealed = File.ReadAllBytes(state);
        Support.StateChecksum.Verifies(resealed).Should().BeTrue();
        resealed.Should().Equal(Support.StateChecksum.Seal(Encoding.UTF8.GetBytes(edited)), "seal writes the documented checksum and changes nothing else");
        Run("run", campaign, Write("none.jsonl", ""), "--state", state).Exit.Should().Be(0);
    }

    [Fact]
    public void An_edit_that_breaks_a_rule_is_not_sealed_and_the_file_is_left_as_it_was()
    {
        var (_, state) = Saved();
        File.WriteAllText(state, File.ReadAllText(state).Replace("\"lifetime_points\": 5,", "\"lifetime_points\": 4,", StringComparison.Ordinal));
        var before = File.ReadAllBytes(state);
        var (exit, _, error) = Run("state", "seal", state);
        exit.Should().Be(2);
        error.Should().Contain(state).And.Contain("$.participants.u-1.lifetime_points").And.Contain("below points");
        File.ReadAllBytes(state).Should().Equal(before);
    }

    [Fact]
    public void With_the_campaign_seal_also_checks_against_it()
    {
        var (campaign, state) = Saved();
        File.WriteAllText(state, File.ReadAllText(state).Replace("\"tier\": \"bronze\"", "\"tier\": \"platinum\"", StringComparison.Ordinal));
        var (exit, _, error) = Run("state", "seal", state, "--campaign", campaign);
        exit.Should().Be(2);
        error.Should().Contain("$.participants.u-1.tier").And.Contain("platinum");

        // Without it, what needs the campaign is left to the reader, which still refuses the tier.
        Run("state", "seal", state).Exit.Should().Be(0);
        Run("run", campaign, Write("none.jsonl", ""), "--state", state).Err.Should().Contain("declares no tier 'platinum'");
    }

    [Fact]
    public void An_unversioned_file_needs_no_seal_and_the_message_says_how_to_convert_it()
    {
        var state = Write("legacy.json", """{"participants": {"u-1": {"points": 600}}}""");
        var (exit, _, error) = Run("state", "seal", state);
        exit.Should().Be(2);
        error.Should().Contain("no version").And.Contain("--save-state");
    }

    [Fact]
    public void A_spec_file_that_gives_only_points_has_earned_them()
    {
        var campaign = Write("c.yaml", MalformedStateFileTests.Campaign);
        var state = Write("legacy.json", """{"participants": {"u-1": {"points": 600}}}""");
        var saved = Path.Combine(Folder, "saved.json");
        Run("run", campaign, Write("none.jsonl", ""), "--state", state, "--save-state", saved).Exit.Should().Be(0);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(saved));
        var u1 = document.RootElement.GetProperty("participants").GetProperty("u-1");
        u1.GetProperty("lifetime_points").GetInt64().Should().Be(u1.GetProperty("points").GetInt64());
    }

    [Fact]
    public void A_file_name_with_an_escape_sequence_or_a_line_break_cannot_forge_a_line_of_output()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows file names cannot hold control characters.
        }

        var (_, saved) = Saved();
        const string forged = "\u001b[2J\nx.yaml(1,1): error WOM0000: forged\u2028\u202e";
        var state = Path.Combine(Folder, forged + ".json");
        File.Copy(saved, state);
        File.WriteAllText(state, File.ReadAllText(state).Replace("\"points\": 5,", "\"points\": 3,", StringComparison.Ordinal));
        var missing = Path.Combine(Folder, forged + "-missing.json");
        var invalid = Write(forged + "-invalid.json", "{\"participants\": []}");

        foreach (var (args, expectedExit) in new[] { (new[] { "state", "seal", state }, 0), (["state", "seal", missing], 2), (["state", "seal", invalid], 2) })
        {
            var (exit, output, error) = Run(args);
            exit.Should().Be(expectedExit, error);
            var printed = output + error;
            printed.Should().Contain("\\u001b[2J\\nx.yaml").And.NotContain("\u001b").And.NotContain("\u2028").And.NotContain("\u202e");
            printed.TrimEnd('\n').Should().NotContain("\n", "one message is one line: " + printed);
        }
    }

    private (string Campaign, string State) Saved()
    {
        var campaign = Write("c.yaml", MalformedStateFileTests.Campaign);
        var events = Write("e.jsonl", """{"id": "e-1", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": {"n": 5}}""");
        var state = Path.Combine(Folder, "state.json");
        Run("run", campaign, events, "--save-state", state).Exit.Should().Be(0);
        return (campaign, state);
    }
}
