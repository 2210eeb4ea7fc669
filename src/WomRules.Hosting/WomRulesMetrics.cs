using System.Diagnostics.Metrics;
using System.Numerics;

namespace WomRules.Hosting;

/// <summary>
/// The <c>WomRules</c> meter's instruments (names, units and tags in docs/hosting.md, OpenTelemetry naming). Made
/// through <see cref="IMeterFactory"/>, so each host (and each test) has its own meter.
/// </summary>
/// <remarks>
/// The counters are observable: each campaign keeps running totals (<see cref="CampaignCounters"/>) that a request adds
/// to, and a collection reads them. A pushed measurement per outcome went through every listener on every event and was
/// most of what metrics cost per event. Only the duration histogram is recorded per event, and only while something
/// listens to it; its tags are strings the campaign already holds, so recording allocates nothing.
/// </remarks>
internal sealed class WomRulesMetrics
{
    public const string CampaignTag = "womrules.campaign.id";
    public const string ResultTag = "womrules.event.result";
    public const string RuleTag = "womrules.rule";
    public const string RewardKindTag = "womrules.reward.kind";
    public const string SkipReasonTag = "womrules.skip.reason";
    public const string BudgetKindTag = "womrules.budget.kind";

    private readonly Histogram<double> duration;
    private readonly ObservableCounter<long> rewards;
    private readonly ObservableCounter<long> points;
    private readonly ObservableCounter<double> credit;
    private readonly ObservableCounter<long> violations;
    private readonly ObservableCounter<long> skipped;
    private volatile IReadOnlyList<CampaignSlot> tracked = [];

    public WomRulesMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(WomRulesTelemetry.MeterName);
        meter.CreateObservableCounter("womrules.events", ObserveEvents, "{event}", "Events processed, by result (applied, rejected, duplicate, discarded).");
        duration = meter.CreateHistogram<double>("womrules.event.duration", "s", "Time to evaluate one event.");
        rewards = meter.CreateObservableCounter("womrules.rewards", ObserveRewards, "{reward}", "Rewards granted (points, credit, badge, counter or alert), by rule.");
        points = meter.CreateObservableCounter("womrules.points.issued", ObservePoints, "{point}", "Points granted, by rule.");
        credit = meter.CreateObservableCounter("womrules.credit.issued", ObserveCredit, "{credit}", "Credit granted, by rule.");
        violations = meter.CreateObservableCounter("womrules.violations", ObserveViolations, "{violation}", "Disclosure violations, by disclosure.");
        skipped = meter.CreateObservableCounter("womrules.rules.skipped", ObserveSkipped, "{rule}", "Rules whose condition held but did not fire, by reason (limit, budget, withheld, error).");
        meter.CreateObservableGauge("womrules.budget.remaining", ObserveBudgets, "{unit}", "What is left of a campaign's points or credit budget.");
    }

    public void Track(IReadOnlyList<CampaignSlot> slots) => tracked = slots;

    /// <summary>Whether anyone listens to the duration histogram: if not, events are not timed at all.</summary>
    public bool TimesEvents => duration.Enabled;

    /// <summary>Whether anyone listens to a counter of what outcomes granted or flagged: if not, outcomes are not counted.</summary>
    public bool CountsOutcomes => rewards.Enabled || points.Enabled || credit.Enabled || violations.Enabled || skipped.Enabled;

    public void Duration(string campaignId, EventResult result, double seconds) =>
        duration.Record(seconds, new KeyValuePair<string, object?>(CampaignTag, campaignId), new KeyValuePair<string, object?>(ResultTag, CampaignCounters.Results[(int)result]));

    private static KeyValuePair<string, object?> Campaign(CampaignSlot slot) => new(CampaignTag, slot.Id);

    private static KeyValuePair<string, object?> Rule(RuleCounters rule) => new(RuleTag, rule.Rule);

    // Series that never counted anything are left out, as a pushed counter would not have them yet.
    private IEnumerable<Measurement<long>> ObserveEvents()
    {
        foreach (var slot in tracked)
        {
            for (var result = 0; result < CampaignCounters.Results.Length; result++)
            {
                if (slot.Counters.Events((EventResult)result) is var count and > 0)
                {
                    yield return new(count, Campaign(slot), new KeyValuePair<string, object?>(ResultTag, CampaignCounters.Results[result]));
                }
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveRewards() =>
        PerRuleAnd(RewardKindTag, RuleCounters.RewardKinds, static rule => rule.Rewards);

    private IEnumerable<Measurement<long>> ObservePoints() => PerRule(static rule => Volatile.Read(ref rule.Points));

    private IEnumerable<Measurement<double>> ObserveCredit() => PerRule(static rule => Volatile.Read(ref rule.Credit));

    private IEnumerable<Measurement<long>> ObserveViolations() => PerRule(static rule => Volatile.Read(ref rule.Violations));

    private IEnumerable<Measurement<long>> ObserveSkipped() =>
        PerRuleAnd(SkipReasonTag, RuleCounters.SkipReasons, static rule => rule.Skipped);

    /// <summary>One series per campaign and rule: what <paramref name="read"/> gives, if not zero.</summary>
    private IEnumerable<Measurement<T>> PerRule<T>(Func<RuleCounters, T> read)
        where T : struct, INumber<T>
    {
        foreach (var slot in tracked)
        {
            foreach (var rule in slot.Counters.Rules)
            {
                if (read(rule) is var value && value != T.Zero)
                {
                    yield return new(value, Campaign(slot), Rule(rule));
                }
            }
        }
    }

    /// <summary>One series per campaign, rule and key (a reward kind, a skip reason): the counts <paramref name="counts"/> keeps by key.</summary>
    private IEnumerable<Measurement<long>> PerRuleAnd(string tag, string[] keys, Func<RuleCounters, long[]> counts)
    {
        foreach (var slot in tracked)
        {
            foreach (var rule in slot.Counters.Rules)
            {
                var byKey = counts(rule);
                for (var key = 0; key < keys.Length; key++)
                {
                    if (Volatile.Read(ref byKey[key]) is var count and > 0)
                    {
                        yield return new(count, Campaign(slot), Rule(rule), new KeyValuePair<string, object?>(tag, keys[key]));
                    }
                }
            }
        }
    }

    private IEnumerable<Measurement<double>> ObserveBudgets()
    {
        foreach (var slot in tracked)
        {
            var (pointsLeft, creditLeft) = slot.BudgetLeft();
            if (pointsLeft is { } p)
            {
                yield return new Measurement<double>(p, Campaign(slot), new KeyValuePair<string, object?>(BudgetKindTag, "points"));
            }

            if (creditLeft is { } c)
            {
                yield return new Measurement<double>((double)c, Campaign(slot), new KeyValuePair<string, object?>(BudgetKindTag, "credit"));
            }
        }
    }
}
