using WomRules.Syntax;

namespace WomRules.Formatting;

/// <summary>Every expression of a campaign with the text the writers print for it (C# code as written, the rest canonically spaced).</summary>
internal static class PrintedExpressions
{
    public static IEnumerable<(ExpressionSyntax Expression, string Text)> Of(CampaignSyntax c)
    {
        IEnumerable<ExpressionSyntax?> all =
        [
            .. c.Tiers.Select(t => t.When),
            .. c.Disclosures.SelectMany(d => new[] { d.Applies, d.Require }),
            .. c.Rules.SelectMany(r => r.Rewards.SelectMany(w => new[] { w.Points, w.Credit, w.By }).Prepend(r.When)),
        ];
        return all.OfType<ExpressionSyntax>().Select(e => (e, e is CSharpExpressionSyntax code ? code.Code.Text : ExpressionWriter.Write(e)));
    }
}
