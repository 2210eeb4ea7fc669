namespace WomRules.Fuzzing;

/// <summary>What a run did.</summary>
internal sealed record FuzzSummary(
    int Cases,
    int Commands,
    IReadOnlyDictionary<FuzzTarget, int> CasesByTarget,
    int BudgetChecks,
    int RoundTrips,
    IReadOnlyList<(FuzzCase Case, Finding Finding)> NewFindings,
    IReadOnlyList<(FuzzCase Case, Finding Finding, KnownDefect Defect)> KnownFindings,
    IReadOnlyList<(FuzzCase Case, KnownDefect Defect)> Skipped,
    TimeSpan Elapsed);
