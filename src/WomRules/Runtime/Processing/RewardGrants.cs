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
    /// <summary>Grants the entry; true when the recipient's points, credit, pending amounts, badges or counters changed.</summary>
    public static bool Grant(EventData e, string rule, RewardSymbol reward, (long? Points, decimal? Credit, long? By) amount, IReadOnlyList<KeyValuePair<string, object>>? alertData, ParticipantState target, List<Outcome> outcomes, LedgerRecorder ledger, PointsLots lots)
    {
        var eventId = e.Id;
        var changed = false;

        // Spec v1.1 §3: a pending entry's points and credit are held until at + pending (counted against the budget
        // already); badges and counters never are.
        var until = reward.Pending is { } hold ? e.At + hold : default;
        if (amount.Points is { } points)
        {
            if (reward.Pending is null)
            {
                target.Points = checked(target.Points + points);
                target.LifetimePoints = checked(target.LifetimePoints + points);
                outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Points = points });
                if (lots.Enabled)
                {
                    lots.Add(target, points, e.At, lots.NextGrant());
                }
            }
            else
            {
                target.PendingPoints = checked(target.PendingPoints + points);
                outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Points = points, PendingUntil = until });
                lots.Scheduled.Add(new PendingRelease(until, lots.NextGrant(), eventId, rule, target.Id, points, null));
            }

            ledger.Add(new LedgerEntry(LedgerEntryKind.Points, target.Id, rule, points, PendingUntil: until));
            changed = true;
        }

        if (amount.Credit is { } credit)
        {
            if (reward.Pending is null)
            {
                target.Credit += credit;
                outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Credit = credit });
            }
            else
            {
                target.PendingCredit += credit;
                outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Credit = credit, PendingUntil = until });
                lots.Scheduled.Add(new PendingRelease(until, lots.NextGrant(), eventId, rule, target.Id, null, credit));
            }

            ledger.Add(new LedgerEntry(LedgerEntryKind.Credit, target.Id, rule, 0, credit, PendingUntil: until));
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
