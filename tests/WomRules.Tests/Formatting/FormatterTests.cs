using System.Text.RegularExpressions;
using WomRules.Tests.Support;

namespace WomRules.Tests.Formatting;

/// <summary>
/// <c>fmt</c> is idempotent and keeps the campaign, on every example, every generated campaign, and every campaign
/// text in the test suite that parses (files, and the YAML written inline in the tests' raw strings).
/// </summary>
public sealed partial class FormatterTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in RepositoryPaths.ExampleCampaignFiles
                     .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.wom", SearchOption.AllDirectories))
                     .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "WomRules.Tests", "Formatting", "inputs")))
                     .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                     .Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file), File.ReadAllText(file));
        }

        var inline = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "WomRules.Tests"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var text in RawStrings(File.ReadAllText(file)).Where(t => t.Contains("womrules: 1", StringComparison.Ordinal)))
            {
                data.Add($"{Path.GetFileName(file)}#{inline++}.yaml", text);
            }
        }

        for (var seed = 1; seed <= 30; seed++)
        {
            data.Add($"generated-{seed}.yaml", new CampaignGenerator(seed, withCSharp: seed % 2 == 0).Generate().Yaml);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Fmt_is_idempotent_and_keeps_the_campaign(string name, string text)
    {
        var format = CampaignFormats.FromPath(name);
        var result = WomRules.Formatting.CampaignFormatter.Format(text, name, format, format);
        if (result.Text is null)
        {
            result.Diagnostics.Should().Contain(d => d.IsError, "only a file that does not parse is left unformatted");
            return;
        }

        Forms.ShouldBeSameTree(Forms.Parse(result.Text, format), Forms.Parse(text, format), "formatting must not change the campaign:\n" + result.Text);
        Forms.Print(result.Text, format, format).Should().Be(result.Text, "formatting formatted text changes nothing");
        var other = format == CampaignFormat.Dsl ? CampaignFormat.Yaml : CampaignFormat.Dsl;
        var converted = Forms.Print(text, format, other);
        Forms.Print(converted, other, other).Should().Be(converted, "convert prints the canonical layout of the target form");
    }

    [Fact]
    public void There_are_inline_inputs_to_check() =>
        Inputs().Count(row => ((string)row[0]).Contains(".cs#", StringComparison.Ordinal)).Should().BeGreaterThan(10);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_files_are_formatted(string file) =>
        Forms.Print(File.ReadAllText(file), CampaignFormats.FromPath(file), CampaignFormats.FromPath(file)).Should().Be(File.ReadAllText(file), $"{file} should be fmt-clean");

    public static TheoryData<string> Examples => new(RepositoryPaths.ExampleCampaignFiles.Order(StringComparer.Ordinal));

    [Fact]
    public void Reversible_for_is_laid_out_on_one_line_in_both_forms_and_converts_between_them()
    {
        const string dsl = "campaign shop\nreversible    for   30d   # refunds within a month\n\nevent sale\n  total: int\n";
        var formatted = Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Dsl);
        formatted.Should().Contain("reversible for 30d  # refunds within a month\n");
        var yaml = Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
        yaml.Should().Contain("reversible_for: 30d");
        Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl).Should().Contain("reversible for 30d  # refunds within a month\n");
        Forms.ShouldBeSameTree(Forms.Parse(yaml, CampaignFormat.Yaml), Forms.Parse(dsl, CampaignFormat.Dsl), "convert keeps reversible_for");
    }

    [Theory]
    [InlineData("tiers   downgrade   # follow the audience down", "tiers downgrade  # follow the audience down\n", "tiers_policy: { downgrade: true }")]
    [InlineData("tiers downgrade false", "tiers downgrade false\n", "tiers_policy: { downgrade: false }")]
    [InlineData("tiers  downgrade  keep   365d", "tiers downgrade keep 365d\n", "tiers_policy: { downgrade: true, keep: 365d }")]
    [InlineData("tiers downgrade true keep 30d", "tiers downgrade keep 30d\n", "tiers_policy: { downgrade: true, keep: 30d }")]
    [InlineData("tiers downgrade false keep 2w", "tiers downgrade false keep 2w\n", "tiers_policy: { downgrade: false, keep: 2w }")]
    [InlineData("tiers keep 30d", "tiers keep 30d\n", "tiers_policy: { keep: 30d }")]
    public void Tiers_policy_is_laid_out_on_one_line_in_both_forms_and_converts_between_them(string line, string laidOut, string yamlLine)
    {
        var dsl = "campaign shop\n" + line + "\n\nevent sale\n  total: int\n";
        Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Dsl).Should().Contain(laidOut);
        var yaml = Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
        yaml.Should().Contain(yamlLine);
        Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl).Should().Contain(laidOut);
        Forms.ShouldBeSameTree(Forms.Parse(yaml, CampaignFormat.Yaml), Forms.Parse(dsl, CampaignFormat.Dsl), "convert keeps tiers_policy");
    }

    [Fact]
    public void Comments_survive_conversion_and_back_where_the_form_allows()
    {
        var dsl = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "WomRules.Tests", "Formatting", "inputs", "comments-everywhere.wom"));
        var yaml = Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
        var back = Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl);
        foreach (var comment in Regex.Matches(dsl, "# [A-Z][^\n]*").Select(m => m.Value))
        {
            yaml.Should().Contain(comment);
            back.Should().Contain(comment);
        }

        yaml.Should().StartWith("# The header comment stays on top.\nwomrules: 1\ncampaign: comments  # trailing on the campaign line\n");
        yaml.Should().Contain("      - { points: 10, counter: reviews }  # after a reward\n");
        back.Should().Contain("  # Before the condition.\n  when event.rating >= 1 and len(event.text) > 3\n  # A comment inside a multi-line condition moves to the next clause.\n  reward 10 points");
        back.Should().EndWith("\n# The very end.\n");
    }

    [Fact]
    public void The_yaml_language_server_modeline_survives_fmt_and_is_dropped_by_convert()
    {
        const string modeline = "# yaml-language-server: $schema=../../schema/womrules.schema.json\n";
        var yaml = modeline + File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "referral", "campaign.yaml"));
        var formatted = Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Yaml);
        formatted.Should().Be(yaml, "the example is formatted, and the modeline stays the first line");
        Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl).Should().NotContain("yaml-language-server");
    }

    /// <summary>The contents of the C# raw string literals ("""…""") in a source file, with their indentation removed.</summary>
    private static IEnumerable<string> RawStrings(string source)
    {
        foreach (Match m in RawString().Matches(source))
        {
            var indent = m.Groups["indent"].Value;
            var lines = m.Groups["body"].Value.Split('\n').Select(l => l.TrimEnd('\r')).Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l.TrimStart());
            yield return string.Join("\n", lines) + "\n";
        }
    }

    [GeneratedRegex("\"\"\"\\r?\\n(?<body>.*?)\\r?\\n(?<indent>[ \\t]*)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawString();
}
