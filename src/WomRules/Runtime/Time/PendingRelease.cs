namespace WomRules.Runtime;

/// <summary>
/// One held amount of a pending reward (spec v1.1 §3), waiting for its release: the points or the credit a reward
/// entry with <c>pending</c> granted one participant. An entry with both is two of these, points first.
/// </summary>
internal sealed class PendingRelease(DateTime due, long sequence, string source, string rule, string participant, long? points, decimal? credit)
    : DueEffect(due, sequence)
{
    public override DuePhase Phase => DuePhase.ReleaseOrExpiry;

    /// <summary>The id of the event that granted it.</summary>
    public string Source { get; } = source;

    public string Rule { get; } = rule;

    public string Participant { get; } = participant;

    /// <summary>The points held, when this is a points grant.</summary>
    public long? Points { get; } = points;

    /// <summary>The credit held, when this is a credit grant.</summary>
    public decimal? Credit { get; } = credit;
}
