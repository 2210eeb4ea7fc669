using System.Text;

namespace WomRules.Fuzzing;

/// <summary>The summary a run prints at the end.</summary>
internal static class Report
{
    public static string Summary(FuzzSummary summary, FuzzOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine($"seed {options.Seed}: {summary.Cases} cases ({string.Join(", ", summary.CasesByTarget.Select(t => $"{t.Key} {t.Value}"))}), " +
            $"{summary.Commands} commands, {summary.BudgetChecks} budget checks, {summary.RoundTrips} round trips, in {summary.Elapsed.TotalSeconds:F1} s");
        foreach (var group in summary.KnownFindings.GroupBy(k => k.Defect))
        {
            text.AppendLine($"known: {group.Key}: {group.Count()} findings in {group.Select(g => g.Case.Seed).Distinct().Count()} cases, e.g. case {group.First().Case.Seed}: {group.First().Finding}");
        }

        foreach (var group in summary.Skipped.GroupBy(k => k.Defect))
        {
            text.AppendLine($"skipped: {group.Key}: {group.Count()} cases not run, e.g. case {group.First().Case.Seed}");
        }

        text.Append(summary.NewFindings.Count == 0 ? "no new findings" : $"{summary.NewFindings.Count} NEW findings in {summary.NewFindings.Select(f => f.Case.Seed).Distinct().Count()} cases");
        return text.ToString();
    }
}
