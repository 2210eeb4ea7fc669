using WomRules.Formatting;
using WomRules.Tests.Support;

namespace WomRules.Tests.Parsing;

/// <summary>Bad input is a feature: mangled DSL never throws, hangs or crashes; it gives positioned diagnostics.</summary>
public sealed class HostileDslTests
{
    private static readonly string[] Pieces = ["\n", "  ", "\"", "'", "`", "``", "#", ",", ":", "=", "[", "]", "(", ")", "reward", "when", "rule x", "\n  ", "points", "credit", "by", "lang csharp", "\r", "\t", "广告", "on"];

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mangled_examples_give_diagnostics_not_exceptions(int seed)
    {
        var random = new Random(seed);
        var names = RepositoryPaths.ExampleNames.ToList();
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, names[seed % names.Count], "campaign.wom"));
        for (var edit = 0; edit < 1 + (seed % 6); edit++)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(3) switch
            {
                0 => text.Insert(at, Pieces[random.Next(Pieces.Length)]),
                1 => text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at)),
                _ => text.Insert(at, ((char)random.Next(32, 127)).ToString()),
            };
        }

        var compilation = CampaignCompilation.Create(text, "mangled.wom");
        foreach (var d in compilation.GetDiagnostics())
        {
            d.Line.Should().BeGreaterThan(0);
            d.Column.Should().BeGreaterThan(0);
        }

        var formatted = CampaignFormatter.Format(text, "mangled.wom", CampaignFormat.Dsl, CampaignFormat.Dsl);
        if (formatted.Text is not null)
        {
            CampaignFormatter.Format(formatted.Text, "mangled.wom", CampaignFormat.Dsl, CampaignFormat.Dsl).Text.Should().Be(formatted.Text, "fmt is idempotent on whatever parses");
            CampaignFormatter.Format(text, "mangled.wom", CampaignFormat.Dsl, CampaignFormat.Yaml).Text.Should().NotBeNull();
        }
        else
        {
            formatted.Diagnostics.Should().Contain(d => d.IsError);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("campaign")]
    [InlineData("rule")]
    [InlineData("rule r on")]
    [InlineData("campaign c\nrule r on e\n  reward")]
    [InlineData("campaign c\nrule r on e\n  reward ,")]
    [InlineData("campaign c\nrule r on e\n  reward 1 points,")]
    [InlineData("campaign c\nrule r on e\n  when ```")]
    [InlineData("campaign c\nrule r on e\n  lang csharp\n  when `a\n` `")]
    [InlineData("campaign c\nevent e\n  a: list = [[[[x]]]]")]
    [InlineData("campaign c\nactive\nbudget 1 points, 2 points")]
    [InlineData("campaign 'c\ndescription \"\\")]
    [InlineData("\uFEFFcampaign c")]
    public void Odd_fragments_give_diagnostics_not_exceptions(string text)
    {
        var act = () => CampaignCompilation.Create(text, "odd.wom").GetDiagnostics();
        act.Should().NotThrow();
        var format = () => CampaignFormatter.Format(text, "odd.wom", CampaignFormat.Dsl, CampaignFormat.Yaml);
        format.Should().NotThrow();
    }

    [Fact]
    public void A_long_operator_chain_parses_and_prints_without_overflowing()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("1", 2_000));
        var text = $"campaign c\nbudget 10 points\nevent e\n  n: int\nrule r on e\n  reward {chain} points\n";
        CampaignCompilation.Create(text, "chain.wom").GetDiagnostics().Should().BeEmpty();
        var yaml = CampaignFormatter.Format(text, "chain.wom", CampaignFormat.Dsl, CampaignFormat.Yaml).Text!;
        Forms.ShouldBeSameTree(Forms.Parse(yaml, CampaignFormat.Yaml), Forms.Parse(text, CampaignFormat.Dsl), "the long chain survives conversion");
    }
}
