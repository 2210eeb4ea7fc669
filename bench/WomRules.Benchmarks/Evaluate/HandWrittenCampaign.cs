using WomRules.Benchmarks.Workload;
using WomRules.Runtime;

namespace WomRules.Benchmarks.Evaluate;

/// <summary>
/// Campaigns/evaluate.yaml written by hand as C# <c>if</c> statements: the physical limit the compiled campaign is
/// measured against. It answers what every engine answers for an event (see <see cref="EvaluationMask"/>) and calls the
/// same <c>discloses</c> implementation (the matcher WomRules builds for a literal marker list), so the comparison isolates the engine's own overhead.
/// </summary>
internal static class HandWrittenCampaign
{
    private static readonly DisclosureMatcher GiftMarkers = new(["#gifted", "#ad", "#sponsored"]);
    private static readonly DisclosureMatcher EmployeeMarkers = new(["#employee", "i work for"]);

    public static int Evaluate(BenchEvent e, BenchMember actor, BenchMember? referrer)
    {
        var mask = 0;
        switch (e.Type)
        {
            case "purchase.completed":
                if (e.OrderTotal >= 10)
                {
                    mask |= EvaluationMask.Rule(0);
                }

                if (e.FirstOrder && e.OrderTotal >= 30)
                {
                    mask |= EvaluationMask.Rule(1);
                }

                if (e.Items >= 10 && (e.Channel == "web" || e.Channel == "app"))
                {
                    mask |= EvaluationMask.Rule(2);
                }

                break;
            case "referral.converted":
                // Both rules involve the referrer: neither fires without one.
                if (referrer is not null)
                {
                    if (e.OrderTotal >= 20 && e.Referrer != e.Actor)
                    {
                        mask |= EvaluationMask.Rule(0);
                    }

                    if (referrer.Referrals >= 5 && e.OrderTotal >= 50)
                    {
                        mask |= EvaluationMask.Rule(1);
                    }
                }

                break;
            case "review.posted":
                if ((e.Incentivized || e.Relationship is "employee" or "influencer" or "affiliate") && !DisclosureMatcher.Default.Discloses(e.Text, long.MaxValue))
                {
                    mask |= EvaluationMask.Disclosure(0);
                }

                if (e.Rating >= 4 && !e.Verified && !GiftMarkers.Discloses(e.Text, 80))
                {
                    mask |= EvaluationMask.Disclosure(1);
                }

                if (e.Rating >= 1 && e.Text.Length >= 20)
                {
                    mask |= EvaluationMask.Rule(0);
                }

                if (e.Rating <= 2)
                {
                    mask |= EvaluationMask.Rule(1);
                }

                if (actor.Tier >= 2 && e.Rating >= 4)
                {
                    mask |= EvaluationMask.Rule(2);
                }

                break;
            case "social.shared":
                if ((e.Paid || e.Relationship != "customer") && !DisclosureMatcher.Default.Discloses(e.Text, 40))
                {
                    mask |= EvaluationMask.Disclosure(0);
                }

                if (e.Relationship == "employee" && !EmployeeMarkers.Discloses(e.Text, long.MaxValue))
                {
                    mask |= EvaluationMask.Disclosure(1);
                }

                if (e.Network is "instagram" or "tiktok" or "x" && e.Reach >= 100)
                {
                    mask |= EvaluationMask.Rule(0);
                }

                if (e.Reach >= 10000 && !e.Paid)
                {
                    mask |= EvaluationMask.Rule(1);
                }

                break;
            case "suggestion.adopted":
                if (e.Impact >= 1)
                {
                    mask |= EvaluationMask.Rule(0);
                }

                if (e.Impact >= 5 && actor.Adopted >= 2)
                {
                    mask |= EvaluationMask.Rule(1);
                }

                break;
            default:
                return 0;
        }

        return mask | EvaluationMask.Tier(TierOf(actor));
    }

    private static int TierOf(BenchMember p) =>
        p.LifetimePoints >= 50000 || (p.Referrals >= 25 && p.Shares >= 100) ? 4
        : p.LifetimePoints >= 10000 && p.Reviews >= 20 ? 3
        : p.LifetimePoints >= 2000 || p.Referrals >= 10 ? 2
        : p.LifetimePoints >= 500 ? 1
        : 0;
}
