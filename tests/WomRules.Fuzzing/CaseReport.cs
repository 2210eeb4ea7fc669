namespace WomRules.Fuzzing;

/// <summary>What running one case found, and how much of each property it checked.</summary>
internal sealed record CaseReport(FuzzCase Case, IReadOnlyList<Finding> Findings, int Commands, bool BudgetChecked, bool RoundTripCompared);
