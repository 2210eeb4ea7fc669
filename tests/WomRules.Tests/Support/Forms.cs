using WomRules.Diagnostics;
using WomRules.Formatting;
using WomRules.Parsing;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Tests.Support;

/// <summary>Parsing and printing helpers for the tests of the two forms.</summary>
internal static class Forms
{
    public static CampaignSyntax Parse(string text, CampaignFormat format)
    {
        var source = new SourceText(text, format == CampaignFormat.Dsl ? "campaign.wom" : "campaign.yaml");
        var bag = new DiagnosticBag(source);
        var tree = CampaignParser.Parse(source, format, new ReaderLimits(), bag);
        bag.ToImmutable().Where(d => d.IsError).Select(d => d.ToString()).Should().BeEmpty("the text should parse:\n" + text);
        return tree!;
    }

    public static string Print(string text, CampaignFormat from, CampaignFormat to)
    {
        var result = CampaignFormatter.Format(text, null, from, to);
        result.Text.Should().NotBeNull("the text should format, but: " + string.Join("\n", result.Diagnostics) + "\n" + text);
        return result.Text!;
    }

    public static void ShouldBeSameTree(CampaignSyntax actual, CampaignSyntax expected, string because) =>
        SyntaxTreeComparer.Difference(expected, actual).Should().BeNull(because);
}
