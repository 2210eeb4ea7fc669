namespace WomRules.Runtime;

/// <summary>
/// What one event may change in one participant, saved before its first change, so that an event that fails half way
/// leaves the participant exactly as it was. The engine keeps one per role and reuses it: saving allocates nothing
/// once the counter buffer has grown to the campaign's counter count.
/// </summary>
internal sealed class ParticipantCheckpoint
{
    private ParticipantState? subject;
    private int tierIndex;
    private long tierSinceTicks;
    private (long First, long Last) seenTicks;
    private long points;
    private long lifetimePoints;
    private decimal credit;
    private long pendingPoints;
    private decimal pendingCredit;
    private PointsLot[] lots = [];
    private long[] counters = [];
    private List<string>? badgeList;
    private int badgeCount;
    private bool badgesShared;
    private (ParticipantState.LimitCount[] Counts, RollingFirings[] Rolling) limits;
    private object?[]? attributes;
    private bool attributesShared;

    /// <summary>True while it holds a participant's saved state.</summary>
    public bool IsSaved => subject is not null;

    public void Save(ParticipantState state, int tier, long points, long lifetimePoints, decimal credit, List<string> badges, bool badgesShared, (ParticipantState.LimitCount[] Counts, RollingFirings[] Rolling) limits, long pendingPoints, decimal pendingCredit, PointsLot[] lots)
    {
        subject = state;
        this.lots = lots;
        this.pendingPoints = pendingPoints;
        this.pendingCredit = pendingCredit;
        tierIndex = tier;
        this.points = points;
        this.lifetimePoints = lifetimePoints;
        this.credit = credit;
        if (counters.Length != state.Counters.Length)
        {
            counters = new long[state.Counters.Length];
        }

        state.Counters.CopyTo(counters, 0);
        badgeList = badges;
        badgeCount = badges.Count;
        this.badgesShared = badgesShared;
        this.limits = limits;

        // Attributes change only by a new array (ParticipantState.ReplaceAttributeValues), so the old one is the save.
        attributes = state.AttributeValues;
        tierSinceTicks = state.TierSinceTicks;
        seenTicks = (state.FirstSeenTicks, state.LastSeenTicks);
        attributesShared = state.AttributesShared;
    }

    /// <summary>Undoes the event's changes to the saved participant.</summary>
    public void Restore()
    {
        if (subject is null)
        {
            return;
        }

        counters.CopyTo(subject.Counters, 0);
        subject.TierSinceTicks = tierSinceTicks;
        (subject.FirstSeenTicks, subject.LastSeenTicks) = seenTicks;
        subject.RestoreFrom(tierIndex, points, lifetimePoints, credit, badgeList!, badgeCount, badgesShared, limits, pendingPoints, pendingCredit, lots);
        if (!ReferenceEquals(subject.AttributeValues, attributes))
        {
            subject.ReplaceAttributeValues(attributes!, attributesShared);
        }
        Clear();
    }

    /// <summary>Forgets the saved state (after the event committed), keeping no participant alive.</summary>
    public void Clear()
    {
        if (subject is null)
        {
            return;
        }

        subject = null;
        lots = [];
        badgeList = null;
        limits = default;
        attributes = null;
    }
}
