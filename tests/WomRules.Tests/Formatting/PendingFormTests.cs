using WomRules.Diagnostics;
using WomRules.Tests.Support;

namespace WomRules.Tests.Formatting;

/// <summary>
/// <c>pending</c> on a reward entry (spec v1.1 §3) in both front ends: <c>pending: 14d</c> in YAML, <c>, pending 14d</c>
/// among the effects of a DSL reward line; fmt lays it out, convert keeps it, and the errors are positioned.
/// </summary>
public sealed class PendingFormTests
{
    private const string Dsl = """
        campaign shop
        budget 1000 points, 50.00 credit

        event sale
          total: int

        rule sale-bonus on sale
          reward   referrer  3.00 credit,pending   14d   # held for returns
          reward event.total points, badge buyer, pending 90m

        """;

    [Fact]
    public void Pending_is_laid_out_in_both_forms_and_converts_between_them()
    {
        var formatted = Forms.Print(Dsl, CampaignFormat.Dsl, CampaignFormat.Dsl);
        formatted.Should().Contain("  reward referrer 3.00 credit, pending 14d  # held for returns\n")
            .And.Contain("  reward event.total points, badge buyer, pending 90m\n");
        var yaml = Forms.Print(Dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
        yaml.Should().Contain("- { to: referrer, credit: 3.00, pending: 14d }").And.Contain("pending: 90m");
        Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl).Should().Be(formatted);
        Forms.ShouldBeSameTree(Forms.Parse(yaml, CampaignFormat.Yaml), Forms.Parse(Dsl, CampaignFormat.Dsl), "convert keeps pending");
        Errors(yaml, "campaign.yaml").Should().BeEmpty();
        Errors(Dsl, "campaign.wom").Should().BeEmpty();
    }

    [Theory]
    [InlineData("badge buyer, pending 7d", "badge: buyer, pending: 7d", "WOM3055")]
    [InlineData("counter sales, pending 7d", "counter: sales, pending: 7d", "WOM3055")]
    [InlineData("alert big, pending 7d", "alert: big, pending: 7d", "WOM3055")]
    [InlineData("5 points, pending 0d", "points: 5, pending: 0d", "WOM3051")]
    [InlineData("5 points, pending -2d", "points: 5, pending: -2d", "WOM3051")]
    [InlineData("5 points, pending 2days", "points: 5, pending: 2days", "WOM3050")]
    public void A_pending_without_points_or_credit_or_with_a_bad_duration_is_an_error_at_the_duration(string dslEffects, string yamlEffects, string id)
    {
        var dsl = "campaign shop\nbudget 1000 points\ncounters sales\n\nevent sale\n  total: int\n\nrule r on sale\n  reward " + dslEffects + "\n";
        var column = "  reward ".Length + dslEffects.IndexOf("pending ", StringComparison.Ordinal) + "pending ".Length + 1;
        Errors(dsl, "campaign.wom").Should().ContainSingle().Which.Should().StartWith($"campaign.wom(9,{column})").And.Contain(id);

        var entry = "      - { " + yamlEffects + " }";
        var yaml = "womrules: 1\ncampaign: shop\nevents:\n  sale: { total: int }\ncounters: [sales]\nbudget: { points: 1000 }\nrules:\n  - name: r\n    on: sale\n    rewards:\n" + entry + "\n";
        var yamlColumn = entry.IndexOf("pending: ", StringComparison.Ordinal) + "pending: ".Length + 1;
        Errors(yaml, "campaign.yaml").Should().ContainSingle().Which.Should().StartWith($"campaign.yaml(11,{yamlColumn})").And.Contain(id);
    }

    private static List<string> Errors(string text, string path) =>
        [.. CampaignCompilation.Create(text, path).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())];
}
