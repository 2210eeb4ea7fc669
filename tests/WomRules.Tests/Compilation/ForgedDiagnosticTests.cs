using System.Text.Json;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Compilation;

/// <summary>
/// Issue 10, defect 10: user text quoted in a diagnostic or a rejection reason is escaped, so a campaign, an event or a
/// file name cannot print a fake diagnostic line, clear the terminal or reorder what a reviewer reads.
/// </summary>
public sealed class ForgedDiagnosticTests() : CliTestFolder("womrules-forged-")
{
    private const string Forgery = "\\e[2J\\e[H\\nx.yaml(1,1): error WOM0000: all clear\\u202E";

    [Fact]
    public void A_yaml_key_holding_an_escape_sequence_and_a_newline_prints_one_diagnostic_line()
    {
        var path = Write("x.yaml", $"womrules: 1\ncampaign: forged\n\"{Forgery}\": 1\n");
        var (exit, output, error) = Run("check", path);

        exit.Should().Be(1);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith(path + "(3,1): error WOM1008: ");
        (output + error).Should().NotContain("\u001b").And.NotContain("\u202E");
        output.Should().Contain("\\u001b[2J\\u001b[H\\nx.yaml(1,1): error WOM0000: all clear\\u202e");
    }

    [Fact]
    public void The_json_and_sarif_reports_carry_the_same_escaped_message()
    {
        var path = Write("x.yaml", $"womrules: 1\ncampaign: forged\n\"{Forgery}\": 1\n");
        var text = Run("check", path).Out.TrimEnd('\n');
        var message = text[(text.IndexOf("WOM1008: ", StringComparison.Ordinal) + "WOM1008: ".Length)..];

        using var json = JsonDocument.Parse(Run("check", path, "--format", "json").Out);
        json.RootElement.GetProperty("diagnostics")[0].GetProperty("message").GetString().Should().Be(message);
        using var sarif = JsonDocument.Parse(Run("check", path, "--format", "sarif").Out);
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("message").GetProperty("text").GetString().Should().Be(message);
    }

    [Fact]
    public void A_yaml_value_with_controls_is_escaped_in_the_message()
    {
        var campaign = "womrules: 1\ncampaign: forged\nevents:\n  ping: {}\nrules:\n  - name: r\n    on: \"pong\\e[31m\\u0085\\u2028\\nfake\"\n    rewards: [ { points: 1 } ]\n";
        var diagnostics = CampaignCompilation.Create(campaign, "c.yaml").GetDiagnostics();

        var undeclared = diagnostics.Should().ContainSingle(d => d.Id == "WOM3009").Subject;
        undeclared.Message.Should().Contain("'pong\\u001b[31m\\u0085\\u2028\\nfake'");
        AssertSafe(diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_dsl_name_with_controls_is_escaped_in_the_message()
    {
        var campaign = "campaign forged\n\nevent ping\n\nrule \"r\\nc.wom(1,1): error WOM0000: fake\\t\" on pong\n  reward 1 points\n";
        var diagnostics = CampaignCompilation.Create(campaign, "c.wom").GetDiagnostics();

        diagnostics.Should().NotBeEmpty();
        AssertSafe(diagnostics.Select(d => d.ToString()));
        diagnostics.Select(d => d.ToString()).Should().AllSatisfy(line => line.Should().StartWith("c.wom("));
    }

    [Fact]
    public void A_file_name_with_controls_is_escaped_in_diagnostics_and_cli_messages()
    {
        var name = "evil\u001b[2J\nx.yaml(1,1): error WOM0000: fake.yaml";
        var path = Write(name, "womrules: 1\ncampaign: Bad_Id\n");
        var (exit, output, error) = Run("check", path);

        exit.Should().Be(1);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
        error.TrimEnd('\n').Split('\n').Should().ContainSingle();
        (output + error).Should().NotContain("\u001b");

        var (missingExit, _, missingError) = Run("check", path + "\u2028missing");
        missingExit.Should().Be(2);
        missingError.Should().NotContain("\u001b").And.NotContain("\u2028");
    }

    [Fact]
    public void A_rejection_reason_quoting_event_text_is_escaped()
    {
        var runner = new CampaignRunner("womrules: 1\ncampaign: forged\nevents:\n  ping: { n: int }\nrules:\n  - { name: r, on: ping, rewards: [ { points: 1 } ], limit: { count: 1 } }\n");
        var badAt = runner.Run(CampaignRunner.Event("e1", "ping", "u1", "{\"n\": 1}", at: Json("\u001b[2J\n\u202Ewhen")));
        var redeem = runner.Run(CampaignRunner.Event("e2", "points.redeemed", Json("u\u001b]0;pwned\u0007\u2029"), "{\"points\": 5}"));

        var reasons = badAt.Concat(redeem).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("reason").GetString()!).ToList();
        reasons.Should().HaveCount(2);
        AssertSafe(reasons);
        reasons[0].Should().Contain("'\\u001b[2J\\n\\u202ewhen'");
        reasons[1].Should().Contain("'u\\u001b]0;pwned\\u0007\\u2029'");
    }

    [Fact]
    public void A_rejection_reason_is_escaped_whatever_it_quotes()
    {
        // Campaign names cannot hold controls any more (WOM3046), but a reason is escaped where it is made, whatever it quotes.
        var outcome = new RejectedOutcome("e1", "missing required attribute 'amount\u001b[2J\n{\"kind\":\"reward\"}'");
        AssertSafe([outcome.Reason, outcome.ToJson()]);
        outcome.Reason.Should().Be("missing required attribute 'amount\\u001b[2J\\n{\"kind\":\"reward\"}'");
    }

    [Theory]
    [InlineData("🎉 launch bonus", "徽章-金")]
    [InlineData("réduction d'été", "🏅")]
    [InlineData("❤️ fans", "👨‍👩‍👧 family")]
    public void Names_with_emoji_and_other_visible_text_stay_valid_in_both_forms(string rule, string badge)
    {
        var yaml = $"womrules: 1\ncampaign: names\nevents:\n  ping: {{}}\nrules:\n  - {{ name: \"{rule}\", on: ping, rewards: [ {{ badge: \"{badge}\" }} ] }}\n";
        CampaignCompilation.Create(yaml, "c.yaml").GetDiagnostics().Should().BeEmpty();
        var dsl = WomRules.Formatting.CampaignFormatter.Format(yaml, "c.yaml", CampaignFormat.Yaml, CampaignFormat.Dsl).Text!;
        CampaignCompilation.Create(dsl, "c.wom").GetDiagnostics().Should().BeEmpty(dsl);
    }

    [Theory]
    [InlineData("go\u200Dld")]
    [InlineData("gold\u200D")]
    [InlineData("\uFE0Fgold")]
    [InlineData("gold\u00A0")]
    [InlineData("\\u2066gold\\u2069")] // a YAML escape: raw, the file is refused first (WOM1016)
    public void A_joiner_or_selector_outside_an_emoji_is_an_invisible_character(string name)
    {
        var yaml = $"womrules: 1\ncampaign: names\nevents:\n  ping: {{}}\nrules:\n  - {{ name: \"{name}\", on: ping, rewards: [ {{ badge: b }} ] }}\n";
        CampaignCompilation.Create(yaml, "c.yaml").GetDiagnostics().Should().ContainSingle().Which.Id.Should().Be("WOM3046");
    }

    [Fact]
    public void A_name_with_an_invisible_character_outside_the_bmp_is_named_by_its_code_point()
    {
        var yaml = "womrules: 1\ncampaign: names\nevents:\n  ping: {}\nrules:\n  - { name: \"tag\\U000E0041\", on: ping, rewards: [ { badge: b } ] }\n";
        CampaignCompilation.Create(yaml, "c.yaml").GetDiagnostics().Should().ContainSingle(d => d.Id == "WOM3046")
            .Which.Message.Should().Contain("'tag\\udb40\\udc41' holds U+E0041 (invisible character)");
    }

    [Fact]
    public void An_attribute_name_ending_in_a_newline_is_not_a_valid_name()
    {
        // .NET's '$' matches before a final '\n', so "n\n" used to pass the identifier pattern and reach rejection reasons.
        var campaign = "womrules: 1\ncampaign: forged\nevents:\n  ping: { \"n\\n\": int }\nrules:\n  - { name: r, on: ping, rewards: [ { points: 1 } ], limit: { count: 1 } }\n";
        var diagnostics = CampaignCompilation.Create(campaign, "c.yaml").GetDiagnostics();

        diagnostics.Should().Contain(d => (d.Id == "WOM3008" || d.Id == "WOM3046") && d.Line == 4 && d.Message.Contains("'n\\n'", StringComparison.Ordinal));
        AssertSafe(diagnostics.Select(d => d.ToString()));
    }

    private static string Json(string text) => JsonSerializer.Serialize(text)[1..^1];

    private static void AssertSafe(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            text.Where(c => char.IsControl(c) || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069')
                .Should().BeEmpty($"no control, line-break or bidi character may reach the output: {text}");
        }
    }
}
