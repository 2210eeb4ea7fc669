using RulesEngine.Models;
using WomRules.Benchmarks.Workload;

namespace WomRules.Benchmarks.Evaluate;

/// <summary>
/// Campaigns/evaluate.yaml for Microsoft RulesEngine 6.0.1: one workflow per event type whose rules are the
/// disclosure violations and the rule conditions as lambda expressions, and one workflow for the tier conditions.
/// Parameters are named <c>e</c> (the event), <c>p</c> (the actor) and <c>r</c> (the referrer).
/// </summary>
internal sealed class RulesEngineCampaign
{
    private static readonly BenchMember NoReferrer = new() { Id = "" };
    private readonly RulesEngine.RulesEngine engine;

    public RulesEngineCampaign()
    {
        Workflow[] workflows =
        [
            Workflow("purchase.completed", 0, [
                "e.OrderTotal >= 10",
                "e.FirstOrder && e.OrderTotal >= 30",
                "e.Items >= 10 && (e.Channel == \"web\" || e.Channel == \"app\")"]),
            Workflow("referral.converted", 0, [
                "e.HasReferrer && e.OrderTotal >= 20 && e.Referrer != e.Actor",
                "e.HasReferrer && r.Referrals >= 5 && e.OrderTotal >= 50"]),
            Workflow("review.posted", 2, [
                "(e.Incentivized || e.Relationship == \"employee\" || e.Relationship == \"influencer\" || e.Relationship == \"affiliate\") && !Disclosure.Discloses(e.Text)",
                "e.Rating >= 4 && !e.Verified && !Disclosure.DisclosesGift(e.Text, 80)",
                "e.Rating >= 1 && e.Text.Length >= 20",
                "e.Rating <= 2",
                "p.Tier >= 2 && e.Rating >= 4"]),
            Workflow("social.shared", 2, [
                "(e.Paid || e.Relationship != \"customer\") && !Disclosure.DisclosesWithin(e.Text, 40)",
                "e.Relationship == \"employee\" && !Disclosure.DisclosesEmployee(e.Text)",
                "(e.Network == \"instagram\" || e.Network == \"tiktok\" || e.Network == \"x\") && e.Reach >= 100",
                "e.Reach >= 10000 && !e.Paid"]),
            Workflow("suggestion.adopted", 0, [
                "e.Impact >= 1",
                "e.Impact >= 5 && p.Adopted >= 2"]),
            Workflow("tiers", 0, [
                "p.LifetimePoints >= 500",
                "p.LifetimePoints >= 2000 || p.Referrals >= 10",
                "p.LifetimePoints >= 10000 && p.Reviews >= 20",
                "p.LifetimePoints >= 50000 || (p.Referrals >= 25 && p.Shares >= 100)"]),
        ];
        engine = new RulesEngine.RulesEngine(workflows, new ReSettings { CustomTypes = [typeof(Disclosure)] });
    }

    /// <summary>Disclosure counts per workflow: their results come first, then the rules'.</summary>
    private readonly Dictionary<string, int> disclosureCounts = [];

    /// <summary>The parameters of one event, built once per event as a host would.</summary>
    public static RuleParameter[] Parameters(BenchEvent e, BenchMember actor, BenchMember? referrer) =>
        [new RuleParameter("e", e), new RuleParameter("p", actor), new RuleParameter("r", referrer ?? NoReferrer)];

    public int Evaluate(BenchEvent e, RuleParameter[] parameters)
    {
        var results = engine.ExecuteAllRulesAsync(e.Type, parameters).AsTask().GetAwaiter().GetResult();
        var disclosures = DisclosureCount(e.Type);
        var mask = 0;
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].IsSuccess)
            {
                mask |= i < disclosures ? EvaluationMask.Disclosure(i) : EvaluationMask.Rule(i - disclosures);
            }
        }

        var tiers = engine.ExecuteAllRulesAsync("tiers", parameters).AsTask().GetAwaiter().GetResult();
        for (var t = tiers.Count - 1; t >= 0; t--)
        {
            if (tiers[t].IsSuccess)
            {
                mask |= EvaluationMask.Tier(t + 1);
                break;
            }
        }

        return mask;
    }

    private int DisclosureCount(string type) => disclosureCounts.GetValueOrDefault(type);

    private Workflow Workflow(string name, int disclosures, string[] expressions)
    {
        disclosureCounts[name] = disclosures;
        return new Workflow
        {
            WorkflowName = name,
            Rules = [.. expressions.Select((expression, i) => new Rule
            {
                RuleName = $"{name}-{i}",
                Expression = expression,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
            })],
        };
    }
}

/// <summary>The disclosure checks the RulesEngine expressions call: the same implementation WomRules and the hand-written code use.</summary>
public static class Disclosure
{
    private static readonly Runtime.DisclosureMatcher GiftMarkers = new(["#gifted", "#ad", "#sponsored"]);
    private static readonly Runtime.DisclosureMatcher EmployeeMarkers = new(["#employee", "i work for"]);

    public static bool Discloses(string text) => Runtime.DisclosureMatcher.Default.Discloses(text, long.MaxValue);

    public static bool DisclosesWithin(string text, int within) => Runtime.DisclosureMatcher.Default.Discloses(text, within);

    public static bool DisclosesGift(string text, int within) => GiftMarkers.Discloses(text, within);

    public static bool DisclosesEmployee(string text) => EmployeeMarkers.Discloses(text, long.MaxValue);
}
