using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>
/// A campaign's running totals behind the WomRules meter's counters: events by result, and rewards, points, credit,
/// violations and skips by rule. A request adds to plain fields under the campaign's lock, and the meter's observable
/// counters read them when a collector asks, so an event costs a few additions instead of a measurement per outcome
/// pushed through every listener (docs/performance.md). The totals outlive reloads: a counter never goes down.
/// </summary>
internal sealed class CampaignCounters
{
    public static readonly string[] Results = ["applied", "rejected", "duplicate", "discarded"];

    private readonly long[] events = new long[Results.Length];

    // Looked up under the campaign's lock, enumerated by collections on other threads: a new rule is rare, a read is not.
    private readonly ConcurrentDictionary<string, RuleCounters> rules = new(StringComparer.Ordinal);

    // Recent lookups, used only under the lock: an outcome's rule name is the compiled rule's own string, so a repeat is
    // found by that string's identity (its object hash, then a reference compare) without hashing its characters in the
    // shared dictionary. Keyed by the string, not the name: after a reload the same name comes as another string.
    private readonly (string? Name, RuleCounters? Counters)[] recent = new (string?, RuleCounters?)[64];

    public long Events(EventResult result) => Volatile.Read(ref events[(int)result]);

    public IEnumerable<RuleCounters> Rules => rules.Values;

    /// <summary>Under the campaign's lock.</summary>
    public void Event(EventResult result) => events[(int)result]++;

    /// <summary>Under the campaign's lock: counts what an applied outcome granted or flagged.</summary>
    public void Outcome(Outcome outcome)
    {
        switch (outcome)
        {
            case RewardOutcome reward:
                var rule = For(reward.Rule);
                rule.Rewards[RewardKind(reward)]++;
                if (reward.Points is { } points)
                {
                    rule.Points += points;
                }

                if (reward.Credit is { } credit)
                {
                    rule.Credit += (double)credit;
                }

                break;
            case ViolationOutcome violation:
                For(violation.Rule).Violations++;
                break;
            case SkippedOutcome skip:
                For(skip.Rule).Skipped[RuleCounters.SkipReason(skip.Reason)]++;
                break;
        }
    }

    private static int RewardKind(RewardOutcome reward) =>
        reward.Points is not null ? 0
        : reward.Credit is not null ? 1
        : reward.Badge is not null ? 2
        : reward.Counter is not null ? 3
        : 4;

    private RuleCounters For(string rule)
    {
        ref var entry = ref recent[RuntimeHelpers.GetHashCode(rule) & (recent.Length - 1)];
        if (ReferenceEquals(entry.Name, rule))
        {
            return entry.Counters!;
        }

        var counters = rules.TryGetValue(rule, out var found) ? found : rules.GetOrAdd(rule, static name => new RuleCounters(name));
        entry = (rule, counters);
        return counters;
    }
}
