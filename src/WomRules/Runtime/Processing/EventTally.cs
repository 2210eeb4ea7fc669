namespace WomRules.Runtime;

/// <summary>What one event has changed and issued so far, kept on the stack while its rules fire.</summary>
internal struct EventTally
{
    /// <summary>The actor's points, credit, counters or badges changed (then its tier is recomputed, spec §4.8).</summary>
    public bool ActorChanged;

    /// <summary>The referrer's changed (a self-referral counts as the actor).</summary>
    public bool ReferrerChanged;

    /// <summary>Points this event's fired rules issued, towards the campaign's budget.</summary>
    public long PointsIssued;

    /// <summary>Credit this event's fired rules issued, summed as the commit will add it.</summary>
    public decimal CreditIssued;
}
