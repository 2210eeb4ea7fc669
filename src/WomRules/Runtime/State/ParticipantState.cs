using System.Collections.ObjectModel;
using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// One participant's standing in a campaign: tier, points, credit, counters, badges and host-supplied attributes.
/// Instances handed out to a host (<see cref="CampaignEngine.GetParticipant"/>, <see cref="InMemoryParticipantStore.Find"/>)
/// are snapshots that later events do not change. Inside the engine, the in-memory store's states are changed in
/// place (saved first by a <see cref="ParticipantCheckpoint"/>, so a failed event is undone); states of any other
/// store are copied before their first change and handed back in a <see cref="StateChange"/>.
/// </summary>
public sealed partial class ParticipantState
{
    internal ParticipantState(ParticipantSchema schema, string id)
    {
        Schema = schema;
        Id = id;
        Counters = new long[schema.Counters.Length];
        AttributeValues = new object?[schema.Attributes.Length];
        for (var i = 0; i < schema.Attributes.Length; i++)
        {
            AttributeValues[i] = schema.Attributes[i].Default;
        }
    }

    /// <summary>
    /// A copy that shares what events rarely change (attributes, badges, limit usage) until it changes them itself:
    /// an event's copy of a participant is then a few dozen bytes, not a deep copy.
    /// </summary>
    private ParticipantState(ParticipantState other)
    {
        Schema = other.Schema;
        Id = other.Id;
        TierIndex = other.TierIndex;
        TierSinceTicks = other.TierSinceTicks;
        FirstSeenTicks = other.FirstSeenTicks;
        LastSeenTicks = other.LastSeenTicks;
        Points = other.Points;
        LifetimePoints = other.LifetimePoints;
        Credit = other.Credit;
        PendingPoints = other.PendingPoints;
        PendingCredit = other.PendingCredit;
        Counters = (long[])other.Counters.Clone();
        AttributeValues = other.AttributeValues;
        attributesShared = true;
        BadgeList = other.BadgeList;
        badgesShared = true;
        limits = other.limits;
        Lots = other.Lots;
        Identities = other.Identities;
    }

    internal ParticipantSchema Schema { get; }

    /// <summary>The participant's id, as events name it.</summary>
    public string Id { get; }

    /// <summary>The current tier's name, or null when the campaign declares no tiers.</summary>
    public string? Tier => Schema.Tiers.IsEmpty ? null : Schema.Tiers[TierIndex];

    /// <summary>
    /// When the participant reached its current tier, or was first seen if it never moved (spec v1.1 §5), in UTC;
    /// null for a participant no event has named yet (created by <see cref="CampaignEngine.SetParticipantAttributes"/>)
    /// or read from a state file that does not say.
    /// </summary>
    public DateTimeOffset? TierSince => TierSinceTicks == 0 ? null : new DateTimeOffset(TierSinceTicks, TimeSpan.Zero);

    /// <summary>The <c>at</c> of the first accepted event naming the participant as actor or referrer (spec v1.1 §10), in UTC; null when none has.</summary>
    public DateTimeOffset? FirstSeen => FirstSeenTicks == 0 ? null : new DateTimeOffset(FirstSeenTicks, TimeSpan.Zero);

    /// <summary>The latest <c>at</c> of an accepted event naming the participant as actor or referrer (spec v1.1 §10), in UTC; null when none has.</summary>
    public DateTimeOffset? LastSeen => LastSeenTicks == 0 ? null : new DateTimeOffset(LastSeenTicks, TimeSpan.Zero);

    /// <summary>The points balance (lowered by redemptions; below zero when a reversal took back points already spent).</summary>
    public long Points { get; internal set; }

    /// <summary>All points ever earned, less those a reversal took back (spec v1.1 §2).</summary>
    public long LifetimePoints { get; internal set; }

    /// <summary>The credit balance.</summary>
    public decimal Credit { get; internal set; }

    /// <summary>Points granted but held (spec v1.1 §3): not in <see cref="Points"/> or <see cref="LifetimePoints"/> until released.</summary>
    public long PendingPoints { get; internal set; }

    /// <summary>Credit granted but held (spec v1.1 §3): not in <see cref="Credit"/> until released.</summary>
    public decimal PendingCredit { get; internal set; }

    /// <summary>The counters, by name.</summary>
    public IReadOnlyDictionary<string, long> CounterValues =>
        new ReadOnlyDictionary<string, long>(Schema.Counters.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => Counters[p.i], StringComparer.Ordinal));

    /// <summary>The badges, in the order they were earned.</summary>
    public IReadOnlyList<string> Badges => BadgeList.AsReadOnly();

    /// <summary>The host-supplied attributes, by name: long, decimal, bool, string or a list of strings.</summary>
    public IReadOnlyDictionary<string, object?> Attributes =>
        new ReadOnlyDictionary<string, object?>(Schema.Attributes.ToDictionary(a => a.Name, a => AttributeValues[a.Slot], StringComparer.Ordinal));

    internal int TierIndex;

    /// <summary>UTC ticks of <see cref="TierSince"/>; 0 when unknown.</summary>
    internal long TierSinceTicks;

    /// <summary>UTC ticks of <see cref="FirstSeen"/> and <see cref="LastSeen"/>; 0 when unknown.</summary>
    internal long FirstSeenTicks;

    /// <inheritdoc cref="FirstSeenTicks"/>
    internal long LastSeenTicks;

#pragma warning disable CA1051, SA1401 // Fields on purpose: the compiled delegates read them directly.
    internal readonly long[] Counters;

    /// <summary>Read freely; change only through <see cref="SetAttributeValue"/>, since a copy may share the array.</summary>
    internal object?[] AttributeValues;

    /// <summary>Read freely; change only through <see cref="AddBadge"/>, since a copy may share the list.</summary>
    internal List<string> BadgeList = [];
#pragma warning restore CA1051, SA1401

    /// <summary>The points lots under the campaign's expiry (spec v1.1 §4), oldest first. Never changed in place: a change makes a new array.</summary>
#pragma warning disable CA1051, SA1401
    internal PointsLot[] Lots = [];
#pragma warning restore CA1051, SA1401

    /// <summary>
    /// The participant's identity records (spec v1.1 §8) as a host's store keeps them; never changed in place. The
    /// in-memory store keeps its records in its <see cref="IdentityIndex"/> instead and fills this in only on the
    /// copies it hands out.
    /// </summary>
#pragma warning disable CA1051, SA1401
    internal IdentityRecord[] Identities = [];
#pragma warning restore CA1051, SA1401

    private bool attributesShared;
    private bool badgesShared;

    /// <summary>Firings per rule and window key, for limits whose <c>of</c> is this participant. Never changed in place: a change makes a new array.</summary>
    private LimitCount[] limits = [];

    /// <summary>The limit usage by rule name, then window key (for the state file).</summary>
    internal Dictionary<string, Dictionary<string, long>> LimitUsage
    {
        get
        {
            var usage = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
            foreach (var entry in limits)
            {
                if (!usage.TryGetValue(entry.Rule, out var windows))
                {
                    windows = new Dictionary<string, long>(StringComparer.Ordinal);
                    usage[entry.Rule] = windows;
                }

                windows[entry.Window] = entry.Count;
            }

            return usage;
        }
    }

    /// <summary>A copy on write, for a store the engine must not change: shares what it has not changed yet.</summary>
    internal ParticipantState Clone() => new(this);

    /// <summary>A copy that shares nothing mutable with this state, for a host, while the engine goes on changing this one in place.</summary>
    internal ParticipantState Snapshot()
    {
        var copy = new ParticipantState(this);
        copy.AttributeValues = (object?[])AttributeValues.Clone();
        copy.attributesShared = false;
        copy.BadgeList = [.. BadgeList];
        copy.badgesShared = false;
        return copy;
    }

    /// <summary>Saves what an event may change (everything but the host-supplied attributes) into <paramref name="checkpoint"/>.</summary>
    internal void SaveTo(ParticipantCheckpoint checkpoint) =>
        checkpoint.Save(this, TierIndex, Points, LifetimePoints, Credit, BadgeList, badgesShared, limits, PendingPoints, PendingCredit, Lots);

    /// <summary>Puts back what <see cref="SaveTo"/> saved; the counters are copied back by the checkpoint.</summary>
    internal void RestoreFrom(int tierIndex, long points, long lifetimePoints, decimal credit, List<string> badgeList, int badgeCount, bool badgesWereShared, LimitCount[] savedLimits, long pendingPoints, decimal pendingCredit, PointsLot[] lots)
    {
        Lots = lots;
        PendingPoints = pendingPoints;
        PendingCredit = pendingCredit;
        TierIndex = tierIndex;
        Points = points;
        LifetimePoints = lifetimePoints;
        Credit = credit;
        if (ReferenceEquals(BadgeList, badgeList))
        {
            // Badges are only ever appended, so the ones the event added are the tail.
            BadgeList.RemoveRange(badgeCount, BadgeList.Count - badgeCount);
        }
        else
        {
            BadgeList = badgeList;
        }

        badgesShared = badgesWereShared;
        limits = savedLimits;
    }

    internal void SetAttributeValue(int slot, object? value)
    {
        if (attributesShared)
        {
            AttributeValues = (object?[])AttributeValues.Clone();
            attributesShared = false;
        }

        AttributeValues[slot] = value;
    }

    /// <summary>
    /// Puts in a whole new array of attribute values (spec v1.1 §5, <c>participant.updated</c>), never changing the old
    /// one, so that a checkpoint holding the old array can put it back.
    /// </summary>
    internal void ReplaceAttributeValues(object?[] values, bool shared = false)
    {
        AttributeValues = values;
        attributesShared = shared;
    }

    internal bool AttributesShared => attributesShared;

    /// <summary>Adds a badge the participant does not hold yet; false when it already holds it.</summary>
    internal bool AddBadge(string badge)
    {
        if (BadgeList.Contains(badge))
        {
            return false;
        }

        if (badgesShared)
        {
            BadgeList = [.. BadgeList];
            badgesShared = false;
        }

        BadgeList.Add(badge);
        return true;
    }

    /// <summary>Removes a badge (a reversal took back its grant, spec v1.1 §2). Always a new list: a checkpoint's undo assumes a saved list only grew.</summary>
    internal void RemoveBadge(string badge)
    {
        BadgeList = BadgeList.Where(b => !string.Equals(b, badge, StringComparison.Ordinal)).ToList();
        badgesShared = false;
    }

    /// <summary>Gives back one firing of a rule's limit in a window (a reversal, spec v1.1 §2); a window left with none is dropped.</summary>
    internal void ReleaseLimitUsage(string rule, string window)
    {
        var count = GetLimitUsage(rule, window);
        if (count > 1)
        {
            SetLimitUsage(rule, window, count - 1);
        }
        else if (count == 1)
        {
            limits = limits.Where(l => !l.Is(rule, window)).ToArray();
        }
    }

    internal long GetLimitUsage(string rule, string window)
    {
        foreach (var entry in limits)
        {
            if (entry.Is(rule, window))
            {
                return entry.Count;
            }
        }

        return 0;
    }

    internal void AddLimitUsage(string rule, string window) => SetLimitUsage(rule, window, checked(GetLimitUsage(rule, window) + 1));

    internal void SetLimitUsage(string rule, string window, long count)
    {
        for (var i = 0; i < limits.Length; i++)
        {
            if (limits[i].Is(rule, window))
            {
                var changed = (LimitCount[])limits.Clone();
                changed[i] = new LimitCount(rule, window, count);
                limits = changed;
                return;
            }
        }

        limits = [.. limits, new LimitCount(rule, window, count)];
    }

    /// <summary>How often a rule fired in one window.</summary>
    internal readonly record struct LimitCount(string Rule, string Window, long Count)
    {
        public bool Is(string rule, string window) =>
            (ReferenceEquals(Rule, rule) || string.Equals(Rule, rule, StringComparison.Ordinal))
            && (ReferenceEquals(Window, window) || string.Equals(Window, window, StringComparison.Ordinal));
    }
}
