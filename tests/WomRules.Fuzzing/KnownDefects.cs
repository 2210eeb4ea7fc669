namespace WomRules.Fuzzing;

/// <summary>
/// Findings the harness excuses while their fix is under way: each entry names its defect and matches only that
/// defect's shape (a property and the kind of input that breaks it), so nothing else hides behind it. Issue 10's ten
/// defects were listed here until their fixes were merged; the list is empty now, so every finding fails the run.
/// Add an entry only with an open issue to point at, and delete it with the fix.
/// </summary>
internal static class KnownDefects
{
    public static IReadOnlyList<KnownDefect> All { get; } = [];
}
