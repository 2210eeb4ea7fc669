using System.Globalization;
using WomRules.Runtime;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>
/// <c>run --summary</c>: totals of the outcomes printed, per rule (rewards, points, credit, reversals, violations,
/// skips by reason), and the budget used and left, written to standard error after the run so standard output keeps
/// only outcomes. Totals are decimal and saturate instead of wrapping (a sum past decimal's range prints as "at least").
/// </summary>
internal sealed class RunSummary(CompiledCampaign campaign)
{
    private readonly Dictionary<string, RuleTotals> rules = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> kinds = new(StringComparer.Ordinal);

    public long Events { get; set; }

    public void Add(Outcome outcome)
    {
        kinds[outcome.Kind] = kinds.GetValueOrDefault(outcome.Kind) + 1;
        switch (outcome)
        {
            case RewardOutcome reward:
                var totals = Rule(reward.Rule);
                totals.Rewards++;
                totals.Points = Sum(totals.Points, reward.Points ?? 0);
                totals.Credit = Sum(totals.Credit, reward.Credit ?? 0);
                break;
            case ReversedOutcome reversed:
                var undone = Rule(reversed.Rule);
                undone.ReversedPoints = Sum(undone.ReversedPoints, reversed.Points ?? 0);
                undone.ReversedCredit = Sum(undone.ReversedCredit, reversed.Credit ?? 0);
                break;
            case SkippedOutcome skipped:
                var skips = Rule(skipped.Rule).Skips;
                skips[skipped.Reason] = skips.GetValueOrDefault(skipped.Reason) + 1;
                break;
            case ViolationOutcome violation:
                Rule(violation.Rule).Violations++;
                break;
        }
    }

    public void Write(TextWriter error, InMemoryParticipantStore store)
    {
        var byKind = string.Join(", ", kinds.Select(k => $"{k.Key} {Number(k.Value)}"));
        error.WriteLine($"summary: {Number(Events)} events, {Number(kinds.Values.Sum())} outcomes{(byKind.Length > 0 ? $" ({byKind})" : "")}");

        // The campaign's rules in their order, then any other rule an outcome named (a state from elsewhere).
        var names = campaign.Rules.Concat(rules.Keys.Except(campaign.Rules).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            var totals = rules.GetValueOrDefault(name) ?? new RuleTotals();
            var line = $"  rule {MessageText.Escape(name)}: {Number(totals.Rewards)} rewards, {Number(totals.Points)} points, {Number(totals.Credit)} credit";
            if (totals.ReversedPoints != 0 || totals.ReversedCredit != 0)
            {
                line += $"; reversed {Number(totals.ReversedPoints)} points, {Number(totals.ReversedCredit)} credit";
            }

            if (totals.Violations > 0)
            {
                line += $"; {Number(totals.Violations)} violations";
            }

            if (totals.Skips.Count > 0)
            {
                line += "; skipped: " + string.Join(", ", totals.Skips.Select(s => $"{MessageText.Escape(s.Key)} {Number(s.Value)}"));
            }

            error.WriteLine(line);
        }

        var budget = campaign.Bound.Budget;
        error.WriteLine($"budget: points {Used(store.PointsIssued, budget?.Points)}; credit {Used(store.CreditIssued, budget?.Credit)}");
    }

    private static string Used(decimal used, decimal? limit) =>
        limit is { } total ? $"{Number(used)} used, {Number(Math.Max(0, total - used))} left of {Number(total)}" : $"{Number(used)} used, no limit";

    private static decimal Sum(decimal total, decimal amount)
    {
        try
        {
            return total + amount;
        }
        catch (OverflowException)
        {
            return amount > 0 ? decimal.MaxValue : decimal.MinValue;
        }
    }

    private static string Number(decimal value) =>
        (value is decimal.MaxValue or decimal.MinValue ? "at least " : "") + value.ToString(CultureInfo.InvariantCulture);

    private RuleTotals Rule(string name)
    {
        if (!rules.TryGetValue(name, out var totals))
        {
            totals = new RuleTotals();
            rules[name] = totals;
        }

        return totals;
    }

    private sealed class RuleTotals
    {
        public long Rewards { get; set; }

        public decimal Points { get; set; }

        public decimal Credit { get; set; }

        public decimal ReversedPoints { get; set; }

        public decimal ReversedCredit { get; set; }

        public long Violations { get; set; }

        public SortedDictionary<string, long> Skips { get; } = new(StringComparer.Ordinal);
    }
}
