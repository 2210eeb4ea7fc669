using System.Globalization;
using WomRules.Emit;

namespace WomRules.Runtime;

/// <summary>
/// Money arithmetic that cannot wrap (issue 10): before a rule fires, every sum it would make (a balance, lifetime
/// points, a counter, the campaign's issued totals) is tried here first, so a rule that would overflow one is skipped
/// with reason <c>error</c> and fires as a whole or not at all (spec §4.6). Each check returns a short detail for the
/// outcome, or null when the sum fits.
/// </summary>
internal static class AmountOverflow
{
    /// <summary>The rounding of a credit sum that is kept, relative to the amount added (docs/semantics.md).</summary>
    public const decimal RoundingTolerance = 1e-20m;

    public static bool TryAdd(long a, long b, out long sum)
    {
        sum = unchecked(a + b);
        // Overflow exactly when both operands have the same sign and the sum's sign differs.
        return ((a ^ sum) & (b ^ sum)) >= 0;
    }

    /// <summary>
    /// False when the sum is past the decimal range, or when decimal would round it by more than
    /// <see cref="RoundingTolerance"/> times <paramref name="b"/>: near the range a decimal keeps only 28-29 digits, and
    /// a full budget of 7922816251426433759354395033.5 plus 0.04 rounds back to the budget, so nothing would ever exceed
    /// it. Rounding past the amount's 20th significant digit is kept, since <c>/</c> gives 28-digit amounts
    /// (10 / 3 = 3.3333333333333333333333333333) whose sums round at the 28th digit from a total of 7.92 on.
    /// </summary>
    public static bool TryAdd(decimal a, decimal b, out decimal sum)
    {
        try
        {
            sum = a + b;
            var error = Math.Abs(sum - a - b);
            if (error != 0m && error > Math.Abs(b) * RoundingTolerance)
            {
                sum = 0m;
                return false;
            }

            return true;
        }
        catch (OverflowException)
        {
            sum = 0m;
            return false;
        }
    }

    /// <summary>True when <paramref name="used"/> plus <paramref name="amount"/> would pass <paramref name="cap"/>; never overflows.</summary>
    public static bool Exceeds(long used, long amount, long cap) => (Int128)used + amount > cap;

    /// <summary>The decimal form: a sum past the decimal range is past any cap.</summary>
    public static bool Exceeds(decimal used, decimal amount, decimal cap) => !TryAdd(used, amount, out var sum) || sum > cap;

    public static string? Points(string what, long current, long amount) =>
        TryAdd(current, amount, out _) ? null : Detail(what, current.ToString(CultureInfo.InvariantCulture), amount.ToString(CultureInfo.InvariantCulture));

    public static string? Credit(string what, decimal current, decimal amount) =>
        TryAdd(current, amount, out _) ? null : CreditDetail(what, OutcomeJson.FormatDecimal(current), OutcomeJson.FormatDecimal(amount));

    /// <summary>
    /// The first balance of a recipient that the rule's amounts would overflow, adding up every entry of the rule that
    /// goes to the same participant (and, for counters, the same counter); null when all fit.
    /// </summary>
    public static string? FindInRecipients(CompiledRule rule, List<(long? Points, decimal? Credit, long? By)> amounts, ParticipantState actor, ParticipantState? referrer)
    {
        return Find(rule, amounts, actor, actor, referrer)
            ?? (referrer is null || ReferenceEquals(referrer, actor) ? null : Find(rule, amounts, referrer, actor, referrer));
    }

    private static string? Find(CompiledRule rule, List<(long? Points, decimal? Credit, long? By)> amounts, ParticipantState target, ParticipantState actor, ParticipantState? referrer)
    {
        var rewards = rule.Rewards;
        long points = 0;
        // Credit is added entry by entry, as RewardGrants.Grant will: decimal addition rounds, so the sum of the shares
        // added once could fit where the same shares added one at a time do not, or the other way round.
        // Held amounts count as if released (spec v1.1 §3): a release then moves them into the balance and can never
        // overflow it, since every grant checked the balance and what is held together.
        var credit = target.Credit;
        if (target.PendingCredit != 0m && !TryAdd(target.Credit, target.PendingCredit, out credit))
        {
            return CreditDetail("credit and held credit", OutcomeJson.FormatDecimal(target.Credit), OutcomeJson.FormatDecimal(target.PendingCredit));
        }

        string? creditOverflow = null;
        for (var i = 0; i < rewards.Length; i++)
        {
            if (!ReferenceEquals(Recipient(rewards[i], actor, referrer), target))
            {
                continue;
            }

            // The rule's totals were summed with checked arithmetic already, so a recipient's share fits.
            points = checked(points + (amounts[i].Points ?? 0));
            if (creditOverflow is null && amounts[i].Credit is { } share && !TryAdd(credit, share, out credit))
            {
                creditOverflow = CreditDetail("credit", OutcomeJson.FormatDecimal(target.Credit), OutcomeJson.FormatDecimal(share));
            }
            if (rewards[i].Symbol.Counter is { } counter && FirstStep(rule, i, target, actor, referrer))
            {
                var index = rewards[i].Symbol.CounterIndex;
                var by = 0L;
                for (var j = i; j < rewards.Length; j++)
                {
                    if (rewards[j].Symbol.Counter is not null && rewards[j].Symbol.CounterIndex == index
                        && ReferenceEquals(Recipient(rewards[j], actor, referrer), target)
                        && !TryAdd(by, amounts[j].By ?? 1, out by))
                    {
                        return $"counter '{counter}' overflow: its steps in this rule add up past the largest amount";
                    }
                }

                if (Points($"counter '{counter}'", target.Counters[index], by) is { } detail)
                {
                    return detail;
                }
            }
        }

        if (!TryAdd(target.Points, target.PendingPoints, out var pointsAndHeld) || !TryAdd(target.LifetimePoints, target.PendingPoints, out var lifetimeAndHeld))
        {
            return Detail("points and held points", target.Points.ToString(CultureInfo.InvariantCulture), target.PendingPoints.ToString(CultureInfo.InvariantCulture));
        }

        return Points(target.PendingPoints == 0 ? "points" : "points and held points", pointsAndHeld, points)
            ?? Points(target.PendingPoints == 0 ? "lifetime points" : "lifetime points and held points", lifetimeAndHeld, points)
            ?? creditOverflow;
    }

    /// <summary>True for the first entry of the rule that steps this counter of this recipient, which checks them all.</summary>
    private static bool FirstStep(CompiledRule rule, int i, ParticipantState target, ParticipantState actor, ParticipantState? referrer)
    {
        for (var j = 0; j < i; j++)
        {
            if (rule.Rewards[j].Symbol.Counter is not null && rule.Rewards[j].Symbol.CounterIndex == rule.Rewards[i].Symbol.CounterIndex
                && ReferenceEquals(Recipient(rule.Rewards[j], actor, referrer), target))
            {
                return false;
            }
        }

        return true;
    }

    private static ParticipantState? Recipient(CompiledReward reward, ParticipantState actor, ParticipantState? referrer) =>
        reward.Symbol.To == Binding.Recipient.Referrer ? referrer : actor;

    private static string Detail(string what, string current, string amount) => $"{what} overflow: {current} + {amount} exceeds the largest amount";

    private static string CreditDetail(string what, string current, string amount) =>
        $"{what} overflow: {current} + {amount} exceeds the largest amount or the digits a decimal holds";
}
