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
        rolling = other.rolling;
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

    /// <summary>Latest firing times per rule or cap with a rolling window (spec v1.1 §7). Never changed in place: a change makes a new array.</summary>
    private RollingFirings[] rolling = [];

    /// <summary>The calendar usage of rule limits (or, with <paramref name="caps"/>, of caps) by name, then window key (for the state file).</summary>
    internal Dictionary<string, Dictionary<string, long>> LimitUsage(bool caps)
    {
        var usage = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var entry in limits)
        {
            if (entry.Cap != caps)
            {
                continue;
            }

            if (!usage.TryGetValue(entry.Owner, out var windows))
            {
                windows = new Dictionary<string, long>(StringComparer.Ordinal);
                usage[entry.Owner] = windows;
            }

            windows[entry.Window] = entry.Count;
        }

        return usage;
    }

    /// <summary>The rolling firings of rules (or, with <paramref name="caps"/>, of caps), for the state file.</summary>
    internal IEnumerable<RollingFirings> RollingUsage(bool caps) => rolling.Where(r => r.Cap == caps);

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
        checkpoint.Save(this, TierIndex, Points, LifetimePoints, Credit, BadgeList, badgesShared, (limits, rolling), PendingPoints, PendingCredit, Lots);

    /// <summary>Puts back what <see cref="SaveTo"/> saved; the counters are copied back by the checkpoint.</summary>
    internal void RestoreFrom(int tierIndex, long points, long lifetimePoints, decimal credit, List<string> badgeList, int badgeCount, bool badgesWereShared, (LimitCount[] Counts, RollingFirings[] Rolling) savedLimits, long pendingPoints, decimal pendingCredit, PointsLot[] lots)
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
        (limits, rolling) = savedLimits;
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

    /// <summary>Gives back one firing of a rule's limit or a cap in a window (a reversal, spec v1.1 §2); a window left with none is dropped.</summary>
    internal void ReleaseLimitUsage(string owner, bool cap, string window)
    {
        var count = GetLimitUsage(owner, cap, window);
        if (count > 1)
        {
            SetLimitUsage(owner, cap, window, count - 1);
        }
        else if (count == 1)
        {
            limits = limits.Where(l => !l.Is(owner, cap, window)).ToArray();
        }
    }

    internal long GetLimitUsage(string owner, bool cap, string window)
    {
        foreach (var entry in limits)
        {
            if (entry.Is(owner, cap, window))
            {
                return entry.Count;
            }
        }

        return 0;
    }

    internal void AddLimitUsage(string owner, bool cap, string window) => SetLimitUsage(owner, cap, window, checked(GetLimitUsage(owner, cap, window) + 1));

    internal void SetLimitUsage(string owner, bool cap, string window, long count)
    {
        for (var i = 0; i < limits.Length; i++)
        {
            if (limits[i].Is(owner, cap, window))
            {
                var changed = (LimitCount[])limits.Clone();
                changed[i] = new LimitCount(owner, cap, window, count);
                limits = changed;
                return;
            }
        }

        limits = [.. limits, new LimitCount(owner, cap, window, count)];
    }

    /// <summary>
    /// Spec v1.1 §13: drops calendar windows that end at or before <paramref name="horizon"/>, which no acceptable event
    /// can fall in any more. Called when a limit of the participant is used, so what it keeps stays one horizon deep.
    /// </summary>
    internal void ForgetWindowsBefore(DateTime horizon)
    {
        foreach (var entry in limits)
        {
            if (LimitWindows.EndsBy(entry.Window, horizon))
            {
                limits = limits.Where(l => !LimitWindows.EndsBy(l.Window, horizon)).ToArray();
                return;
            }
        }
    }

    /// <summary>The firings of a rolling limit or cap in (<paramref name="after"/>, <paramref name="upTo"/>] (spec v1.1 §7).</summary>
    internal long RollingCount(string owner, bool cap, long after, long upTo)
    {
        foreach (var entry in rolling)
        {
            if (entry.Is(owner, cap))
            {
                return entry.CountIn(after, upTo);
            }
        }

        return 0;
    }

    /// <summary>Records a firing of a rolling limit or cap at <paramref name="ticks"/>, keeping only the latest <paramref name="keep"/>.</summary>
    internal void AddRollingFiring(string owner, bool cap, long ticks, long keep)
    {
        for (var i = 0; i < rolling.Length; i++)
        {
            if (rolling[i].Is(owner, cap))
            {
                var changed = (RollingFirings[])rolling.Clone();
                changed[i] = rolling[i].With(ticks, keep);
                rolling = changed;
                return;
            }
        }

        rolling = [.. rolling, new RollingFirings(owner, cap, []).With(ticks, keep)];
    }

    /// <summary>Takes a reversed firing out of its rolling window (spec v1.1 §7); one already pushed out by later ones is gone anyway.</summary>
    internal void RemoveRollingFiring(string owner, bool cap, long ticks)
    {
        for (var i = 0; i < rolling.Length; i++)
        {
            if (rolling[i].Is(owner, cap))
            {
                // A new array either way: a checkpoint or a host's copy may share the old one.
                var without = rolling[i].Without(ticks);
                var changed = rolling.ToList();
                if (without.Times.Length == 0)
                {
                    changed.RemoveAt(i);
                }
                else
                {
                    changed[i] = without;
                }

                rolling = [.. changed];
                return;
            }
        }
    }

    /// <summary>Puts in the firings of one rolling limit or cap read from a state file (ascending, at most its count).</summary>
    internal void SetRollingFirings(string owner, bool cap, long[] times)
    {
        rolling = [.. rolling.Where(r => !r.Is(owner, cap)), new RollingFirings(owner, cap, times)];
    }

    /// <summary>How often a rule (or a cap) fired in one calendar window.</summary>
    internal readonly record struct LimitCount(string Owner, bool Cap, string Window, long Count)
    {
        public bool Is(string owner, bool cap, string window) =>
            Cap == cap
            && (ReferenceEquals(Owner, owner) || string.Equals(Owner, owner, StringComparison.Ordinal))
            && (ReferenceEquals(Window, window) || string.Equals(Window, window, StringComparison.Ordinal));
    }
}
