using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// Spec §4.7: applies one reward entry of a firing rule to its recipient, effect by effect in the order points,
/// credit, badge, counter, alert, one outcome each, and one ledger entry for each amount
/// granted (spec v1.1 §2; alerts are not reversed). The amounts were evaluated and checked for overflow before the
/// rule fired, so nothing here can fail.
/// </summary>
internal static class RewardGrants
{
    /// <summary>Grants the entry; true when the recipient's points, credit, badges or counters changed.</summary>
    public static bool Grant(string eventId, string rule, RewardSymbol reward, (long? Points, decimal? Credit, long? By) amount, IReadOnlyList<KeyValuePair<string, object>>? alertData, ParticipantState target, List<Outcome> outcomes, LedgerRecorder ledger)
    {
        var changed = false;
        if (amount.Points is { } points)
        {
            target.Points = checked(target.Points + points);
            target.LifetimePoints = checked(target.LifetimePoints + points);
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Points = points });
            ledger.Add(new LedgerEntry(LedgerEntryKind.Points, target.Id, rule, points));
            changed = true;
        }

        if (amount.Credit is { } credit)
        {
            target.Credit += credit;
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Credit = credit });
            ledger.Add(new LedgerEntry(LedgerEntryKind.Credit, target.Id, rule, 0, credit));
            changed = true;
        }

        if (reward.Badge is { } badge && target.AddBadge(badge))
        {
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Badge = badge });
            ledger.Add(new LedgerEntry(LedgerEntryKind.Badge, target.Id, rule, 0, Name: badge));
            changed = true;
        }

        if (reward.Counter is { } counter)
        {
            var by = amount.By ?? 1;
            target.Counters[reward.CounterIndex] = checked(target.Counters[reward.CounterIndex] + by);
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Counter = counter, By = by });
            ledger.Add(new LedgerEntry(LedgerEntryKind.Counter, target.Id, rule, by, Name: counter, CounterIndex: reward.CounterIndex));
            changed = true;
        }

        if (reward.Alert is { } alert)
        {
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Alert = alert, Severity = reward.AlertSeverity.Text(), Data = alertData });
        }

        return changed;
    }
}
