using System.Diagnostics.Metrics;
using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>
/// The <c>WomRules</c> meter's instruments (names, units and tags in docs/hosting.md, OpenTelemetry naming). Made
/// through <see cref="IMeterFactory"/>, so each host (and each test) has its own meter. Recording allocates nothing:
/// tags are passed as up to three separate pairs, whose values are strings the campaign already holds.
/// </summary>
internal sealed class WomRulesMetrics
{
    public const string CampaignTag = "womrules.campaign.id";
    public const string ResultTag = "womrules.event.result";
    public const string RuleTag = "womrules.rule";
    public const string RewardKindTag = "womrules.reward.kind";
    public const string SkipReasonTag = "womrules.skip.reason";
    public const string BudgetKindTag = "womrules.budget.kind";

    private readonly Counter<long> events;
    private readonly Histogram<double> duration;
    private readonly Counter<long> rewards;
    private readonly Counter<long> points;
    private readonly Counter<double> credit;
    private readonly Counter<long> violations;
    private readonly Counter<long> skipped;
    private volatile IReadOnlyList<CampaignSlot> tracked = [];

    public WomRulesMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(WomRulesTelemetry.MeterName);
        events = meter.CreateCounter<long>("womrules.events", "{event}", "Events processed, by result (applied, rejected, duplicate, discarded).");
        duration = meter.CreateHistogram<double>("womrules.event.duration", "s", "Time to evaluate one event.");
        rewards = meter.CreateCounter<long>("womrules.rewards", "{reward}", "Rewards granted (points, credit, badge, counter or alert), by rule.");
        points = meter.CreateCounter<long>("womrules.points.issued", "{point}", "Points granted, by rule.");
        credit = meter.CreateCounter<double>("womrules.credit.issued", "{credit}", "Credit granted, by rule.");
        violations = meter.CreateCounter<long>("womrules.violations", "{violation}", "Disclosure violations, by disclosure.");
        skipped = meter.CreateCounter<long>("womrules.rules.skipped", "{rule}", "Rules whose condition held but did not fire, by reason (limit, budget, withheld, error).");
        meter.CreateObservableGauge("womrules.budget.remaining", ObserveBudgets, "{unit}", "What is left of a campaign's points or credit budget.");
    }

    public void Track(IReadOnlyList<CampaignSlot> slots) => tracked = slots;

    /// <summary>Whether anyone listens to the duration histogram: if not, events are not timed at all.</summary>
    public bool TimesEvents => duration.Enabled;

    public void Event(string campaignId, string result, double seconds)
    {
        // Each instrument is skipped whole (no tags built) while nothing listens to it.
        if (!events.Enabled && !duration.Enabled)
        {
            return;
        }

        var campaign = new KeyValuePair<string, object?>(CampaignTag, campaignId);
        var tag = new KeyValuePair<string, object?>(ResultTag, result);
        if (events.Enabled)
        {
            events.Add(1, campaign, tag);
        }

        if (duration.Enabled)
        {
            duration.Record(seconds, campaign, tag);
        }
    }

    /// <summary>Counts what an applied outcome granted or flagged.</summary>
    public void Outcome(string campaignId, Outcome outcome)
    {
        var campaign = new KeyValuePair<string, object?>(CampaignTag, campaignId);
        switch (outcome)
        {
            case RewardOutcome reward:
                var rule = new KeyValuePair<string, object?>(RuleTag, reward.Rule);
                if (rewards.Enabled)
                {
                    rewards.Add(1, campaign, rule, new KeyValuePair<string, object?>(RewardKindTag, RewardKind(reward)));
                }

                if (reward.Points is { } p && points.Enabled)
                {
                    points.Add(p, campaign, rule);
                }

                if (reward.Credit is { } c && credit.Enabled)
                {
                    credit.Add((double)c, campaign, rule);
                }

                break;
            case ViolationOutcome violation when violations.Enabled:
                violations.Add(1, campaign, new KeyValuePair<string, object?>(RuleTag, violation.Rule));
                break;
            case SkippedOutcome skip when skipped.Enabled:
                skipped.Add(1, campaign, new KeyValuePair<string, object?>(RuleTag, skip.Rule), new KeyValuePair<string, object?>(SkipReasonTag, skip.Reason));
                break;
        }
    }

    private static string RewardKind(RewardOutcome reward) =>
        reward.Points is not null ? "points"
        : reward.Credit is not null ? "credit"
        : reward.Badge is not null ? "badge"
        : reward.Counter is not null ? "counter"
        : "alert";

    private IEnumerable<Measurement<double>> ObserveBudgets()
    {
        foreach (var slot in tracked)
        {
            var (pointsLeft, creditLeft) = slot.BudgetLeft();
            var campaign = new KeyValuePair<string, object?>(CampaignTag, slot.Id);
            if (pointsLeft is { } p)
            {
                yield return new Measurement<double>(p, campaign, new KeyValuePair<string, object?>(BudgetKindTag, "points"));
            }

            if (creditLeft is { } c)
            {
                yield return new Measurement<double>((double)c, campaign, new KeyValuePair<string, object?>(BudgetKindTag, "credit"));
            }
        }
    }
}
