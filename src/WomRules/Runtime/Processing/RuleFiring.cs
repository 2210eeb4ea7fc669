using System.Globalization;
using WomRules.Binding;
using WomRules.Emit;

namespace WomRules.Runtime;

/// <summary>
/// Spec §4.6 and §4.7 for one rule of an event: its condition, then every reason it may not fire (withheld, limit,
/// budget, error), then its rewards, all or nothing. Outcomes go to the engine's list of this event's outcomes.
/// </summary>
internal sealed class RuleFiring
{
    private readonly CompiledCampaign campaign;
    private readonly IParticipantStore store;
    private readonly EvaluationContext context;
    private readonly List<Outcome> outcomes;

    // Scratch reused for every rule (the engine's lock serializes events), so firing a rule allocates nothing of its own.
    private readonly List<(long? Points, decimal? Credit, long? By)> amounts = [];
    private readonly LimitWindowKeys windowKeys = new();
    private readonly List<IReadOnlyList<KeyValuePair<string, object>>?> alertData = [];

    private readonly LedgerRecorder ledger;
    private readonly PointsLots lots;
    private readonly EngineTimeline clock;

    public RuleFiring(CompiledCampaign campaign, IParticipantStore store, EvaluationContext context, List<Outcome> outcomes, LedgerRecorder ledger, PointsLots lots, EngineTimeline clock)
    {
        this.clock = clock;
        this.lots = lots;
        this.ledger = ledger;
        this.campaign = campaign;
        this.store = store;
        this.context = context;
        this.outcomes = outcomes;
    }

    /// <summary>Fires the rule if it may, adding its effects to <paramref name="tally"/>; true when it fired.</summary>
    public bool Fire(CompiledRule rule, EventData e, ref EventParticipants participants, bool withhold, ref EventTally tally)
    {
        var symbol = rule.Symbol;
        if (symbol.NeedsReferrer && participants.Referrer is null)
        {
            return false;
        }

        try
        {
            if (rule.When is { } when && !when(context))
            {
                return false;
            }
        }
        catch (Exception ex) when (EvaluationFailures.Is(ex))
        {
            outcomes.Add(Error(e.Id, symbol.Name, participants.Actor.Id, "the condition could not be evaluated: " + EvaluationFailures.Describe(ex)));
            return false;
        }

        if (withhold && !rule.IsAlertOnly)
        {
            outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, participants.Actor.Id, "withheld"));
            return false;
        }

        string? window = null;
        if (symbol.Limit is { } limit)
        {
            var limited = limit.Of == Recipient.Referrer ? participants.Referrer! : participants.Actor;
            if (LimitReached(limit, symbol.Name, limited, e.At, out window))
            {
                // Spec v1.1 §7: a cap's skip names the cap.
                outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, limited.Id, "limit") { Cap = limit.Cap });
                return false;
            }
        }

        if (TryEvaluateAmounts(rule, out var rulePoints, out var ruleCredit) is { } failure)
        {
            outcomes.Add(Error(e.Id, symbol.Name, participants.Actor.Id, failure));
            return false;
        }

        // Issue 10: neither the budget test nor the running totals may wrap. Earlier rules of this event passed
        // the same checks, so the totals so far fit.
        // Credit is tested as the commit will compute it, store total + (this event's credit + the rule's):
        // decimal addition rounds, so another grouping of the same additions could fit where that one does not.
        var budget = campaign.Bound.Budget;
        var pointsSoFar = checked(store.PointsIssued + tally.PointsIssued);
        var eventCreditFits = AmountOverflow.TryAdd(tally.CreditIssued, ruleCredit, out var eventCredit);
        if ((budget?.Points is { } pointsCap && AmountOverflow.Exceeds(pointsSoFar, rulePoints, pointsCap))
            || (budget?.Credit is { } creditCap && (!eventCreditFits || AmountOverflow.Exceeds(store.CreditIssued, eventCredit, creditCap))))
        {
            outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, participants.Actor.Id, "budget"));
            return false;
        }

        if ((AmountOverflow.Points("points issued", pointsSoFar, rulePoints)
            ?? AmountOverflow.Credit("credit issued this event", tally.CreditIssued, ruleCredit)
            ?? AmountOverflow.Credit("credit issued", store.CreditIssued, eventCredit)
            ?? AmountOverflow.FindInRecipients(rule, amounts, participants.Actor, participants.Referrer)) is { } overflow)
        {
            outcomes.Add(Error(e.Id, symbol.Name, participants.Actor.Id, overflow));
            return false;
        }

        // The rule fires: everything below succeeds. Each recipient is copied before its first change.
        for (var i = 0; i < rule.Rewards.Length; i++)
        {
            var reward = rule.Rewards[i].Symbol;
            var toReferrer = reward.To == Recipient.Referrer;
            var target = toReferrer ? participants.WritableReferrer(context) : participants.WritableActor(context);
            var changed = RewardGrants.Grant(e, symbol.Name, reward, amounts[i], alertData[i], target, outcomes, ledger, lots);
            if (!toReferrer || participants.SameParticipant)
            {
                tally.ActorChanged |= changed;
            }
            else
            {
                tally.ReferrerChanged |= changed;
            }
        }

        if (symbol.Limit is { } firedLimit)
        {
            var limited = firedLimit.Of == Recipient.Referrer ? participants.WritableReferrer(context) : participants.WritableActor(context);
            UseLimit(firedLimit, symbol.Name, limited, e.At, window!);
        }

        tally.PointsIssued = checked(tally.PointsIssued + rulePoints);
        tally.CreditIssued = eventCredit;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="limited"/> has used the limit up: <c>count</c> firings in the calendar window of
    /// <paramref name="at"/> (v1 §4.6), or in the rolling window (at - d, at] (spec v1.1 §7). A cap counts the firings of
    /// every rule naming it. <paramref name="window"/> is the calendar key, or <see cref="LedgerLimitUse.RollingWindow"/>.
    /// </summary>
    private bool LimitReached(LimitSymbol limit, string rule, ParticipantState limited, DateTime at, out string window)
    {
        var owner = limit.Owner(rule);
        var cap = limit.Cap is not null;
        if (limit.Rolling is { } span)
        {
            window = LedgerLimitUse.RollingWindow;
            return limited.RollingCount(owner, cap, at.Ticks - span.Ticks, at.Ticks) >= limit.Count;
        }

        window = windowKeys.KeyFor(limit.Per, at);
        return limited.GetLimitUsage(owner, cap, window) >= limit.Count;
    }

    /// <summary>Counts the firing against the limit, and records it in the ledger so that a reversal gives it back (spec v1.1 §2).</summary>
    private void UseLimit(LimitSymbol limit, string rule, ParticipantState limited, DateTime at, string window)
    {
        var owner = limit.Owner(rule);
        var cap = limit.Cap is not null;
        if (limit.Rolling is not null)
        {
            limited.AddRollingFiring(owner, cap, at.Ticks, limit.Count);
        }
        else
        {
            // Spec v1.1 §13: windows that ended before the horizon are forgotten as the participant's usage changes.
            if (LatenessHorizon.Of(clock.Clock, campaign.Bound.AcceptLate) is { } horizon)
            {
                limited.ForgetWindowsBefore(horizon);
            }

            limited.AddLimitUsage(owner, cap, window);
        }

        ledger.AddLimitUse(limited.Id, owner, cap, window);
    }

    /// <summary>Evaluates every amount of the rule and their totals; returns why it failed (a detail for the outcome), or null.</summary>
    private string? TryEvaluateAmounts(CompiledRule rule, out long points, out decimal credit)
    {
        amounts.Clear();
        alertData.Clear();
        points = 0;
        credit = 0m;
        try
        {
            foreach (var reward in rule.Rewards)
            {
                long? p = reward.Points?.Invoke(context);
                decimal? c = reward.Credit?.Invoke(context);
                long? by = reward.By?.Invoke(context) ?? (reward.Symbol.Counter is null ? null : 1);
                if (p < 0 || c < 0m || by < 0)
                {
                    return p < 0 ? "the points amount is negative: " + p.Value.ToString(CultureInfo.InvariantCulture)
                        : c < 0m ? "the credit amount is negative: " + OutcomeJson.FormatDecimal(c.Value)
                        : "the counter step is negative: " + by!.Value.ToString(CultureInfo.InvariantCulture);
                }

                if (!AmountOverflow.TryAdd(points, p ?? 0, out points))
                {
                    return "points overflow: the rule's points add up past the largest amount";
                }

                if (!AmountOverflow.TryAdd(credit, c ?? 0m, out credit))
                {
                    return "credit overflow: the rule's credit adds up past the largest amount";
                }

                amounts.Add((p, c, by));
            }
        }
        catch (Exception ex) when (EvaluationFailures.Is(ex))
        {
            return "the amount could not be computed: " + EvaluationFailures.Describe(ex);
        }

        // Spec v1.1 §6: alert data is evaluated with the amounts, so a value that fails skips the whole rule.
        foreach (var reward in rule.Rewards)
        {
            if (AlertDataValues.TryEvaluate(reward, context, out var values) is { } failure)
            {
                return failure;
            }

            alertData.Add(values);
        }

        return null;
    }

    private static SkippedOutcome Error(string eventId, string rule, string participant, string detail) =>
        new(eventId, rule, participant, "error") { Detail = detail };
}
