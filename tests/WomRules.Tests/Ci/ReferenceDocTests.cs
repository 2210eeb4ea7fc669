using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using WomRules.Binding;
using WomRules.Parsing;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Ci;

/// <summary>
/// docs/reference.md stands on its own and stays true: every example it marks as a complete campaign compiles
/// with no errors, and every key of the campaign file, every function and every outcome kind is on the page.
/// </summary>
public sealed partial class ReferenceDocTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "reference.md")).ReplaceLineEndings("\n");

    public static TheoryData<int, string, string> CompleteCampaigns()
    {
        var data = new TheoryData<int, string, string>();
        var index = 0;
        foreach (Match block in CampaignBlock().Matches(Page))
        {
            data.Add(index++, block.Groups["form"].Value, block.Groups["text"].Value);
        }

        return data;
    }

    [Fact]
    public void The_page_has_complete_campaigns_in_both_forms() =>
        CompleteCampaigns().Select(row => (string)row[1]).Should().Contain("yaml").And.Contain("wom").And.HaveCountGreaterThanOrEqualTo(3);

    [Theory]
    [MemberData(nameof(CompleteCampaigns))]
    public void Every_complete_campaign_compiles_without_errors(int index, string form, string text)
    {
        var compilation = CampaignCompilation.Create(text, $"reference-{index}.{form}");
        compilation.GetDiagnostics().Where(d => d.IsError).Should().BeEmpty($"example {index} of docs/reference.md is marked as a complete campaign");
        compilation.Emit().Success.Should().BeTrue();
    }

    [Fact]
    public void The_first_example_says_the_same_in_both_forms()
    {
        var blocks = CompleteCampaigns().Select(row => ((string)row[1], (string)row[2])).ToList();
        var yaml = CampaignCompilation.Create(blocks.First(b => b.Item1 == "yaml").Item2, "a.yaml");
        var dsl = CampaignCompilation.Create(blocks.First(b => b.Item1 == "wom").Item2, "a.wom");
        WomRules.Formatting.CampaignFormatter.Format(dsl.Source.Text, "a.wom", CampaignFormat.Dsl, CampaignFormat.Yaml).Text
            .Should().Be(WomRules.Formatting.CampaignFormatter.Format(yaml.Source.Text, "a.yaml", CampaignFormat.Yaml, CampaignFormat.Yaml).Text);
    }

    [Fact]
    public void Every_key_of_a_campaign_file_is_on_the_page()
    {
        var shapes = typeof(CampaignShape).GetFields().Select(f => f.GetValue(null)).OfType<MappingShape>().ToList();
        shapes.Should().NotBeEmpty();
        var keys = shapes.SelectMany(s => s.KeyNames).Distinct().ToList();
        keys.Where(k => !Page.Contains($"`{k}`", StringComparison.Ordinal) && !Page.Contains($"{k}:", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void Every_function_is_on_the_page_with_an_example()
    {
        // A row of the functions table names the function and uses it in its example: two calls on one row.
        var rows = Page.Split('\n').Where(l => l.StartsWith('|')).ToList();
        ExpressionBinder.Functions.Where(f => !rows.Any(r => Regex.Matches(r, $@"\b{f}\(").Count >= 2)).Should().BeEmpty();
    }

    [Fact]
    public void Every_outcome_kind_is_on_the_page()
    {
        var kinds = typeof(Outcome).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Outcome)) && !t.IsAbstract)
            .Select(t => ((Outcome)RuntimeHelpers.GetUninitializedObject(t)).Kind)
            .ToList();
        kinds.Should().HaveCountGreaterThanOrEqualTo(11);
        kinds.Where(k => !Page.Contains($"| `{k}` |", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [GeneratedRegex(@"^```(?<form>yaml|wom) campaign\n(?<text>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CampaignBlock();
}
