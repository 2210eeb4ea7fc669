using WomRules.Formatting;
using WomRules.Parsing;
using WomRules.Tests.Support;

namespace WomRules.Tests.Formatting;

/// <summary>
/// Issue 10, defect 8: characters that one syntax reads as a line break or a control character never pass through a
/// conversion raw. Either the writer escapes them, or the conversion is refused with a positioned error; a converted
/// campaign never says something its source did not.
/// </summary>
public sealed class LineBreakConversionTests
{
    /// <summary>Line breaks to YamlDotNet (and to YAML 1.1 and many editors) but not to the DSL scanner.</summary>
    public static TheoryData<char> Breaks => new(['\u2028', '\u2029', '\u0085']);

    /// <summary>What a YAML double-quoted string can carry: breaks, C0 and C1 controls, DEL, BOM, bidi controls, tab.</summary>
    public const string HostileYamlEscapes = "a\\Lb\\Pc\\Nd\\ee\\x01f\\x7Fg\\x90h\\uFEFFi\\u202Ej\\u2066k\\tl\\rm\\nn";

    private const string Dsl = "campaign breaks\n\nevent ping\n\nrule pay on ping\n  reward 5 points\n";

    [Theory]
    [MemberData(nameof(Breaks))]
    public void A_dsl_comment_cannot_become_a_yaml_key(char lineBreak)
    {
        var dsl = Dsl.Replace("event ping\n", $"event ping  # note{lineBreak}active: {{ from: 2030-01-01 }}\n", StringComparison.Ordinal);
        AssertConvertsFaithfullyOrIsRefused(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public void A_dsl_string_cannot_become_a_yaml_key(char lineBreak)
    {
        var dsl = Dsl.Replace("campaign breaks\n", $"campaign breaks\ndescription \"x{lineBreak}active: {{ from: 2030-01-01 }}\"\n", StringComparison.Ordinal);
        AssertConvertsFaithfullyOrIsRefused(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
    }

    [Theory]
    [InlineData("description")]
    [InlineData("message")]
    public void Yaml_strings_with_breaks_and_controls_survive_both_conversions_escaped(string key)
    {
        var yaml = "womrules: 1\ncampaign: breaks\n" + (key == "description" ? $"description: \"{HostileYamlEscapes}\"\n" : "") +
            "events:\n  ping: { s: string }\n" +
            (key == "message" ? $"disclosures:\n  - {{ name: d, on: [ping], require: discloses(event.s), message: \"{HostileYamlEscapes}\" }}\n" : "") +
            "rules:\n  - { name: pay, on: ping, rewards: [ { points: 5 } ] }\n";
        var original = Forms.Parse(yaml, CampaignFormat.Yaml);

        var dsl = Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl);
        AssertOnlySafeCharacters(dsl, CampaignFormat.Dsl);
        Forms.ShouldBeSameTree(Forms.Parse(dsl, CampaignFormat.Dsl), original, "the DSL must hold the same text:\n" + dsl);

        foreach (var (text, format) in new[] { (yaml, CampaignFormat.Yaml), (dsl, CampaignFormat.Dsl) })
        {
            var back = Forms.Print(text, format, CampaignFormat.Yaml);
            AssertOnlySafeCharacters(back, CampaignFormat.Yaml);
            Forms.ShouldBeSameTree(Forms.Parse(back, CampaignFormat.Yaml), original, "the YAML must hold the same text:\n" + back);
        }
    }

    [Theory]
    [InlineData("\\n")]
    [InlineData("\\r")]
    [InlineData("\\e")]
    [InlineData("\\L")]
    [InlineData("\\u202E")]
    public void A_yaml_expression_string_the_dsl_cannot_hold_is_refused_with_a_position(string escape)
    {
        var yaml = $"womrules: 1\ncampaign: breaks\nevents:\n  ping: {{ s: string }}\nrules:\n  - name: pay\n    on: ping\n    when: \"event.s == 'a{escape}b'\"\n    rewards: [ {{ points: 5 }} ]\n";
        Forms.Parse(yaml, CampaignFormat.Yaml);
        AssertConvertsFaithfullyOrIsRefused(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl);
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public void Yaml_comments_and_values_with_raw_breaks_are_refused_with_a_position(char lineBreak)
    {
        foreach (var yaml in new[] { $"womrules: 1\ncampaign: breaks  # x{lineBreak}description: y\n", $"womrules: 1\ncampaign: breaks\ndescription: 'x{lineBreak}y'\n" })
        {
            var result = CampaignFormatter.Format(yaml, "c.yaml", CampaignFormat.Yaml, CampaignFormat.Yaml);
            result.Text.Should().BeNull("YamlDotNet reads the character as a line break and YAML 1.2 readers do not");
            var error = result.Diagnostics.Should().ContainSingle(d => d.IsError).Subject;
            error.Id.Should().Be("WOM1016");
            (error.Line, error.Column).Should().Be((yaml.Take(yaml.IndexOf(lineBreak)).Count(c => c == '\n') + 1, yaml.IndexOf(lineBreak) - yaml.LastIndexOf('\n', yaml.IndexOf(lineBreak))));
        }
    }

    [Theory]
    [InlineData(CampaignFormat.Yaml)]
    [InlineData(CampaignFormat.Dsl)]
    public void A_comment_handed_to_a_writer_with_a_break_is_printed_with_a_visible_escape(CampaignFormat to)
    {
        // The readers refuse these characters raw, so only a comment that did not come from a file can hold one.
        var yaml = "womrules: 1\ncampaign: breaks\nevents:\n  ping: {}\nrules:\n  - { name: pay, on: ping, rewards: [ { points: 5 } ] }\n";
        var source = new Text.SourceText(yaml);
        var tree = Forms.Parse(yaml, CampaignFormat.Yaml);
        var comment = new Syntax.SyntaxComment(yaml.IndexOf("events", StringComparison.Ordinal), " note\u2028active: { from: 2030-01-01 }\u0085\u001b[2J", Trailing: false);
        var map = CommentMap.Build(tree, source, [comment]);

        var text = to == CampaignFormat.Yaml ? YamlWriter.Write(tree, map) : DslWriter.Write(tree, map, new Diagnostics.DiagnosticBag(source));

        AssertOnlySafeCharacters(text, to);
        text.Should().Contain("# note\\u2028active: { from: 2030-01-01 }\\u0085\\u001b[2J");
        Forms.ShouldBeSameTree(Forms.Parse(text, to), tree, "the comment stays a comment:\n" + text);
    }

    public static TheoryData<string, string> ExampleLineEnds => new()
    {
        { "referral", "\r" }, { "referral", "\r\n" }, { "reviews", "\r" }, { "influencer", "\r" }, { "co-creation", "\r\n" },
    };

    [Theory]
    [MemberData(nameof(ExampleLineEnds))]
    public void The_dsl_reads_every_line_break_that_yaml_and_source_positions_read(string example, string lineEnd)
    {
        // \n, \r\n and a lone \r end a line for SourceText, YamlDotNet and editors; the DSL splits declarations at all three too.
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, example, "campaign.wom")).ReplaceLineEndings("\n");
        Forms.ShouldBeSameTree(Forms.Parse(text.Replace("\n", lineEnd, StringComparison.Ordinal), CampaignFormat.Dsl), Forms.Parse(text, CampaignFormat.Dsl), $"line ends {(lineEnd == "\r" ? "CR" : "CRLF")}");
    }

    /// <summary>The target either refuses with positioned errors, or gives back exactly the source's tree and no raw hazard.</summary>
    private static void AssertConvertsFaithfullyOrIsRefused(string text, CampaignFormat from, CampaignFormat to)
    {
        var result = CampaignFormatter.Format(text, from == CampaignFormat.Dsl ? "c.wom" : "c.yaml", from, to);
        if (result.Text is null)
        {
            result.Diagnostics.Should().Contain(d => d.IsError);
            result.Diagnostics.Should().AllSatisfy(d => (d.Line, d.Column).Should().NotBe((1, 1), "the error points at the character: " + d));
            return;
        }

        AssertOnlySafeCharacters(result.Text, to);
        var source = Forms.Parse(text, from);
        var parsed = CampaignParser.Parse(new Text.SourceText(result.Text), to, new ReaderLimits(), new Diagnostics.DiagnosticBag(new Text.SourceText(result.Text)));
        parsed.Should().NotBeNull("the converted text must parse:\n" + result.Text);
        Forms.ShouldBeSameTree(parsed!, source, "the conversion must say what the source says:\n" + result.Text);
    }

    private static void AssertOnlySafeCharacters(string text, CampaignFormat format) =>
        text.Where(c => (char.IsControl(c) && c is not ('\n' or '\t')) || c is '\u2028' or '\u2029' or '\uFEFF' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069')
            .Select(c => $"U+{(int)c:X4}").Should().BeEmpty($"the {format} output holds no raw break, control or bidi character:\n{text}");
}
