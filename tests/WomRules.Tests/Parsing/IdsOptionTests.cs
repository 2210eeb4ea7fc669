using System.Text;
using WomRules.Binding;
using WomRules.Tests.Support;

namespace WomRules.Tests.Parsing;

/// <summary>The <c>ids</c> option in both forms: parsed, bound, positioned errors, converted and laid out by fmt.</summary>
public sealed class IdsOptionTests
{
    private static string Yaml(string ids) => $$"""
        womrules: 1
        campaign: ids
        {{ids}}
        events:
          ping: {}
        rules:
          - name: r
            on: ping
            rewards:
              - points: 1
            limit: { count: 1 }
        """;

    private static string Dsl(string ids) => $$"""
        campaign ids
        {{ids}}

        event ping

        rule r on ping
          reward 1 points
          limit 1
        """;

    private static List<string> Diagnose(string text, string path) =>
        CampaignCompilation.Create(text, path).GetDiagnostics().Select(d => $"{d.Line}:{d.Column} {d.Id}").ToList();

    private static IdsSymbol? Bound(string text, string path)
    {
        var result = CampaignCompilation.Create(text, path).Emit();
        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
        return result.Campaign!.Bound.Ids;
    }

    [Theory]
    [InlineData("ids: { normalize: nfkc, case: insensitive, strip: [zero-width] }", "ids normalize nfkc case insensitive strip zero-width")]
    [InlineData("ids: { normalize: nfc }", "ids normalize nfc")]
    [InlineData("ids: { case: insensitive }", "ids case insensitive")]
    [InlineData("ids: { strip: [zero-width] }", "ids strip zero-width")]
    [InlineData("ids: { normalize: none, case: sensitive }", "ids normalize none case sensitive")]
    public void Both_forms_say_the_same_and_convert_into_each_other(string yamlLine, string dslLine)
    {
        var yaml = Yaml(yamlLine);
        var dsl = Dsl(dslLine);
        Bound(dsl, "c.wom").Should().Be(Bound(yaml, "c.yaml"));

        var converted = Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl);
        converted.Should().Contain("\n" + dslLine + "\n");
        Forms.ShouldBeSameTree(Forms.Parse(converted, CampaignFormat.Dsl), Forms.Parse(yaml, CampaignFormat.Yaml), converted);
        var back = Forms.Print(converted, CampaignFormat.Dsl, CampaignFormat.Yaml);
        back.Should().Contain("\n" + yamlLine + "\n");
        Forms.ShouldBeSameTree(Forms.Parse(back, CampaignFormat.Yaml), Forms.Parse(yaml, CampaignFormat.Yaml), back);
    }

    [Fact]
    public void Fmt_lays_the_option_out_after_active_in_both_forms()
    {
        var yaml = Yaml("").Replace("campaign: ids\n", "campaign: ids\nactive: { from: 2026-01-01 }\n", StringComparison.Ordinal)
            + "\nids:   {strip: [ zero-width ],   case: insensitive}   # canonical ids\n";
        var formatted = Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Yaml);
        formatted.Should().Contain("active: { from: 2026-01-01 }\nids: { case: insensitive, strip: [zero-width] }  # canonical ids\n");

        var dsl = Forms.Print(formatted, CampaignFormat.Yaml, CampaignFormat.Dsl);
        dsl.Should().Contain("active from 2026-01-01\nids case insensitive strip zero-width  # canonical ids\n");
        Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Dsl).Should().Be(dsl, "fmt is stable");
    }

    [Theory]
    [InlineData("ids: { normalize: nfd }", "3:19 WOM3040")]
    [InlineData("ids: { case: upper }", "3:14 WOM3041")]
    [InlineData("ids: { strip: [spaces] }", "3:16 WOM3042")]
    [InlineData("ids: { strip: [zero-width, zero-width] }", "3:28 WOM3043")]
    [InlineData("ids: { normalise: nfc }", "3:8 WOM1008")]
    public void Invalid_values_in_yaml_are_positioned(string line, string expected) =>
        Diagnose(Yaml(line), "c.yaml").Should().Equal(expected);

    [Theory]
    [InlineData("ids normalize nfd", "2:15 WOM3040")]
    [InlineData("ids case upper", "2:10 WOM3041")]
    [InlineData("ids strip spaces", "2:11 WOM3042")]
    [InlineData("ids strip zero-width, zero-width", "2:23 WOM3043")]
    [InlineData("ids strip", "2:10 WOM5001")]
    [InlineData("ids case insensitive normalize nfc", "2:22 WOM5001")]
    public void Invalid_values_in_the_dsl_are_positioned(string line, string expected) =>
        Diagnose(Dsl(line), "c.wom").Should().Equal(expected);

    [Fact]
    public void The_option_is_given_once_in_the_dsl() =>
        Diagnose(Dsl("ids case insensitive\nids normalize nfc"), "c.wom").Should().Equal("3:1 WOM5006");

    [Fact]
    public void A_yaml_strip_that_is_not_a_list_is_an_error() =>
        Diagnose(Yaml("ids: { strip: zero-width }"), "c.yaml").Should().ContainSingle().Which.Should().StartWith("3:15 ");

    [Fact]
    public void The_bound_option_reflects_each_key()
    {
        Bound(Yaml("ids: { normalize: nfkc, case: insensitive, strip: [zero-width] }"), "c.yaml")
            .Should().Be(new IdsSymbol(NormalizationForm.FormKC, IgnoreCase: true, StripZeroWidth: true));
        Bound(Yaml("ids: { normalize: nfc }"), "c.yaml").Should().Be(new IdsSymbol(NormalizationForm.FormC, false, false));
        Bound(Yaml(""), "c.yaml").Should().BeNull();
    }
}
