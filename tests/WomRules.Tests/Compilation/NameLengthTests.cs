using WomRules.Formatting;

namespace WomRules.Tests.Compilation;

/// <summary>
/// Issue 10, defect 9: the two front ends apply the same limits. A name or value the DSL accepts is accepted in its
/// YAML conversion, and a name too long for one is too long for the other, with a positioned error in both.
/// </summary>
public sealed class NameLengthTests
{
    /// <summary>Each kind of name, as a DSL campaign and a YAML campaign with <c>NAME</c> where the name goes.</summary>
    public static TheoryData<string, string, string> Kinds => new()
    {
        { "rule", "campaign c\n\nevent ping\n\nrule NAME on ping\n  reward 1 points\n  limit 1\n", "womrules: 1\ncampaign: c\nevents:\n  ping: {}\nrules:\n  - { name: NAME, on: ping, rewards: [ { points: 1 } ], limit: { count: 1 } }\n" },
        { "event type", "campaign c\n\nevent NAME\n\nrule r on NAME\n  reward 1 points\n  limit 1\n", "womrules: 1\ncampaign: c\nevents:\n  NAME: {}\nrules:\n  - { name: r, on: NAME, rewards: [ { points: 1 } ], limit: { count: 1 } }\n" },
        { "attribute", "campaign c\n\nevent ping\n  NAME: int\n\nrule r on ping\n  reward 1 points\n  limit 1\n", "womrules: 1\ncampaign: c\nevents:\n  ping:\n    NAME: int\nrules:\n  - { name: r, on: ping, rewards: [ { points: 1 } ], limit: { count: 1 } }\n" },
        { "counter", "campaign c\n\nevent ping\n\ncounters NAME\n\nrule r on ping\n  reward counter NAME\n", "womrules: 1\ncampaign: c\nevents:\n  ping: {}\ncounters: [NAME]\nrules:\n  - { name: r, on: ping, rewards: [ { counter: NAME } ] }\n" },
        { "badge", "campaign c\n\nevent ping\n\nrule r on ping\n  reward badge NAME\n", "womrules: 1\ncampaign: c\nevents:\n  ping: {}\nrules:\n  - { name: r, on: ping, rewards: [ { badge: NAME } ] }\n" },
        { "tier", "campaign c\n\nevent ping\n\ntier base\ntier NAME\n  when participant.points > 1\n\nrule r on ping\n  reward alert a\n", "womrules: 1\ncampaign: c\nevents:\n  ping: {}\ntiers:\n  - name: base\n  - { name: NAME, when: participant.points > 1 }\nrules:\n  - { name: r, on: ping, rewards: [ { alert: a } ] }\n" },
        { "campaign id", "campaign NAME\n\nevent ping\n\nrule r on ping\n  reward alert a\n", "womrules: 1\ncampaign: NAME\nevents:\n  ping: {}\nrules:\n  - { name: r, on: ping, rewards: [ { alert: a } ] }\n" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Both_forms_accept_and_refuse_the_same_name_lengths(string kind, string dsl, string yaml)
    {
        foreach (var length in new[] { 1, 256, 257, 1024, 1025, 64 * 1024, 64 * 1024 + 1, 70_000 })
        {
            var name = "n" + new string('a', length - 1);
            var fromDsl = Errors(dsl.Replace("NAME", name, StringComparison.Ordinal), "c.wom");
            var fromYaml = Errors(yaml.Replace("NAME", name, StringComparison.Ordinal), "c.yaml");

            (fromDsl.Count > 0).Should().Be(fromYaml.Count > 0, $"a {kind} name of {length} characters is accepted by both forms or by neither: DSL [{string.Join("; ", fromDsl)}] YAML [{string.Join("; ", fromYaml)}]");
            (fromDsl.Count > 0).Should().Be(length > CompilationOptions.Default.MaxNameLength, $"the name limit applies to a {kind} name of {length} characters");
            foreach (var (errors, template) in new[] { (fromDsl, dsl), (fromYaml, yaml) })
            {
                var lines = template.Split('\n').Select((text, i) => (text, i)).Where(l => l.text.Contains("NAME", StringComparison.Ordinal)).Select(l => l.i + 1).ToList();
                errors.Where(error => !lines.Contains(error.Line)).Should().BeEmpty("errors point at the name, and nothing else is reported");
            }
        }
    }

    [Fact]
    public void The_issue_shape_a_70000_character_rule_name_fails_dsl_check_at_the_name()
    {
        var dsl = "campaign c\n\nevent ping\n\nrule " + new string('r', 70_000) + " on ping\n  reward 1 points\n  limit 1\n";
        var error = Errors(dsl, "c.wom").Should().ContainSingle().Subject;
        (error.Line, error.Column).Should().Be((5, 6));
    }

    [Fact]
    public void The_name_limit_is_an_option()
    {
        var yaml = "womrules: 1\ncampaign: c\nevents:\n  ping: {}\nrules:\n  - { name: " + new string('r', 300) + ", on: ping, rewards: [ { points: 1 } ], limit: { count: 1 } }\n";
        CampaignCompilation.Create(yaml, "c.yaml").GetDiagnostics().Should().Contain(d => d.Id == "WOM3045");
        CampaignCompilation.Create(yaml, "c.yaml", CompilationOptions.Default with { MaxNameLength = 300 }).GetDiagnostics().Should().NotContain(d => d.IsError);
    }

    [Fact]
    public void A_yaml_key_longer_than_yaml_allows_is_reported_as_such_at_the_key()
    {
        var yaml = "womrules: 1\ncampaign: c\nevents:\n  " + new string('e', 1100) + ": {}\n";
        var error = Errors(yaml, "c.yaml").Should().ContainSingle().Subject;
        (error.Id, error.Line, error.Column).Should().Be(("WOM1017", 4, 3));
    }

    [Fact]
    public void Converting_to_yaml_refuses_a_key_longer_than_yaml_allows_at_the_name()
    {
        var dsl = "campaign c\n\nevent " + new string('e', 1100) + "\n\nrule r on ping\n  reward 1 points\n";
        var result = CampaignFormatter.Format(dsl, "c.wom", CampaignFormat.Dsl, CampaignFormat.Yaml);
        result.Text.Should().BeNull("YAML could not read the event type back as a key");
        var error = result.Diagnostics.Should().ContainSingle().Subject;
        (error.Id, error.Line, error.Column).Should().Be(("WOM1017", 3, 7));
    }

    [Theory]
    [InlineData("word")]
    [InlineData("string")]
    public void Every_dsl_token_obeys_the_scalar_limit_like_yaml(string shape)
    {
        var value = new string('5', 64 * 1024 + 1);
        var written = shape == "word" ? value : "\"" + value + "\"";
        var dsl = "campaign c\n\nevent ping\n  n: int = " + written + "\n\nrule r on ping\n  reward 1 points\n  limit 1\n";
        var yaml = "womrules: 1\ncampaign: c\nevents:\n  ping:\n    n: { type: int, default: " + value + " }\nrules:\n  - { name: r, on: ping, rewards: [ { points: 1 } ], limit: { count: 1 } }\n";

        var dslError = Errors(dsl, "c.wom").Should().ContainSingle().Subject;
        dslError.Id.Should().Be("WOM5004");
        dslError.Line.Should().Be(4);
        Errors(yaml, "c.yaml").Should().ContainSingle().Which.Id.Should().Be("WOM1007");
    }

    [Theory]
    [InlineData(CampaignFormat.Yaml)]
    [InlineData(CampaignFormat.Dsl)]
    public void A_string_at_the_limit_converts_both_ways_whatever_its_escapes(CampaignFormat from)
    {
        // 64 KiB of U+2028 is 64 KiB in a YAML scalar and 384 KiB of '\u2028' escapes in a DSL string: both measure the value.
        var value = string.Concat(Enumerable.Repeat("\\u2028", 64 * 1024));
        var text = from == CampaignFormat.Yaml
            ? "womrules: 1\ncampaign: c\ndescription: \"" + value + "\"\nevents:\n  ping: {}\nrules:\n  - { name: r, on: ping, rewards: [ { points: 1 } ], limit: { count: 1 } }\n"
            : "campaign c\ndescription \"" + value + "\"\n\nevent ping\n\nrule r on ping\n  reward 1 points\n  limit 1\n";
        var path = from == CampaignFormat.Yaml ? "c.yaml" : "c.wom";
        Errors(text, path).Should().BeEmpty();
        foreach (var to in new[] { CampaignFormat.Yaml, CampaignFormat.Dsl })
        {
            var converted = CampaignFormatter.Format(text, path, from, to).Text;
            converted.Should().NotBeNull();
            Errors(converted!, to == CampaignFormat.Yaml ? "c.yaml" : "c.wom").Should().BeEmpty($"{from} → {to} is accepted");
        }
    }

    [Theory]
    [InlineData(CampaignFormat.Yaml)]
    [InlineData(CampaignFormat.Dsl)]
    public void A_dense_expression_that_canonical_spacing_takes_past_the_limit_is_refused_at_the_expression(CampaignFormat to)
    {
        var when = "1" + string.Concat(Enumerable.Repeat("+1", 30_000)) + ">0";
        var yaml = "womrules: 1\ncampaign: c\nevents:\n  ping: {}\nrules:\n  - name: r\n    on: ping\n    when: " + when + "\n    rewards: [ { points: 1 } ]\n";
        CampaignCompilation.Create(yaml, "c.yaml").GetDiagnostics().Should().NotContain(d => d.Id == "WOM1007" || d.Id == "WOM5004");

        var result = CampaignFormatter.Format(yaml, "c.yaml", CampaignFormat.Yaml, to);
        result.Text.Should().BeNull("printed with spaces the expression no longer fits one scalar, and neither form would read it back");
        var error = result.Diagnostics.Should().ContainSingle().Subject;
        (error.Id, error.Line, error.Column).Should().Be((to == CampaignFormat.Yaml ? "WOM1007" : "WOM5004", 8, 11));
    }

    [Fact]
    public void A_name_the_dsl_accepts_converts_to_yaml_that_is_accepted()
    {
        var dsl = "campaign c\n\nevent " + new string('e', 256) + "\n\nrule " + new string('r', 256) + " on " + new string('e', 256) + "\n  reward 1 points\n  limit 1\n";
        Errors(dsl, "c.wom").Should().BeEmpty();
        var yaml = CampaignFormatter.Format(dsl, "c.wom", CampaignFormat.Dsl, CampaignFormat.Yaml).Text;
        yaml.Should().NotBeNull();
        Errors(yaml!, "c.yaml").Should().BeEmpty();
    }

    private static List<Diagnostics.Diagnostic> Errors(string text, string path) =>
        [.. CampaignCompilation.Create(text, path).GetDiagnostics().Where(d => d.IsError)];
}
