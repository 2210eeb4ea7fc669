namespace WomRules.Fuzzing;

/// <summary>
/// A defect of issue 10 that the fuzzer finds on purpose, and that is being fixed elsewhere: the findings it
/// <see cref="Covers"/> do not fail the run, and an input it <see cref="Skips"/> is not run at all (a hang or a
/// runaway allocation cannot be contained in-process). Each entry is removed when its fix is merged.
/// </summary>
/// <param name="Defect">The defect's number in issue 10 (docs/fuzzing.md).</param>
internal sealed record KnownDefect(int Defect, string Summary, Func<FuzzCase, Finding, bool> Covers, Func<FuzzCase, bool>? Skips = null)
{
    public override string ToString() => $"issue 10 defect {Defect}: {Summary}";
}
