using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// Spec §4.7: applies one reward entry of a firing rule to its recipient, effect by effect in the order points,
/// credit, badge, counter, alert, one outcome each. The amounts were evaluated and checked for overflow before the
/// rule fired, so nothing here can fail.
/// </summary>
internal static class RewardGrants
{
    /// <summary>Grants the entry; true when the recipient's points, credit, badges or counters changed.</summary>
    public static bool Grant(string eventId, string rule, RewardSymbol reward, (long? Points, decimal? Credit, long? By) amount, ParticipantState target, List<Outcome> outcomes)
    {
        var changed = false;
        if (amount.Points is { } points)
        {
            target.Points = checked(target.Points + points);
            target.LifetimePoints = checked(target.LifetimePoints + points);
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Points = points });
            changed = true;
        }

        if (amount.Credit is { } credit)
        {
            target.Credit += credit;
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Credit = credit });
            changed = true;
        }

        if (reward.Badge is { } badge && target.AddBadge(badge))
        {
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Badge = badge });
            changed = true;
        }

        if (reward.Counter is { } counter)
        {
            var by = amount.By ?? 1;
            target.Counters[reward.CounterIndex] = checked(target.Counters[reward.CounterIndex] + by);
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Counter = counter, By = by });
            changed = true;
        }

        if (reward.Alert is { } alert)
        {
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Alert = alert });
        }

        return changed;
    }
}
