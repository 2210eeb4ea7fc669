namespace WomRules.Benchmarks.Evaluate;

/// <summary>
/// What evaluating one event answers, as bits, so the three engines can be checked against each other before they
/// are timed: which of the type's disclosures are violated, which of its rules' conditions hold (a rule that needs a
/// referrer does not hold without one), and the highest tier whose condition the actor meets.
/// </summary>
internal static class EvaluationMask
{
    public static int Disclosure(int index) => 1 << index;

    public static int Rule(int index) => 1 << (8 + index);

    public static int Tier(int index) => index << 24;
}
