namespace WomRules.Hosting;

/// <summary>
/// One rule's (or disclosure's) running totals for the WomRules meter (<see cref="CampaignCounters"/>). Written only under
/// the campaign's lock; read by a collection on any thread, field by field (each is one 64-bit word, so never torn).
/// </summary>
internal sealed class RuleCounters(string rule)
{
    public static readonly string[] RewardKinds = ["points", "credit", "badge", "counter", "alert"];

    // The reasons the engine skips a rule for (SkippedOutcome), and a last slot for any other.
    public static readonly string[] SkipReasons = ["limit", "budget", "withheld", "error", "other"];

    public string Rule { get; } = rule;

    /// <summary>Rewards granted, by kind (<see cref="RewardKinds"/>).</summary>
    public long[] Rewards { get; } = new long[RewardKinds.Length];

    public long[] Skipped { get; } = new long[SkipReasons.Length];

    public long Points;

    // A double, as the credit counter reports it: one word, so a collection never reads it half-written.
    public double Credit;

    public long Violations;

    public static int SkipReason(string reason) => reason switch
    {
        "limit" => 0,
        "budget" => 1,
        "withheld" => 2,
        "error" => 3,
        _ => 4,
    };
}
