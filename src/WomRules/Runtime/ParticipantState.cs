using System.Collections.ObjectModel;
using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// One participant's standing in a campaign: tier, points, credit, counters, badges and host-supplied attributes.
/// Instances handed out by the engine are snapshots: the engine never changes a state it has stored, it replaces it.
/// </summary>
public sealed class ParticipantState
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
        Points = other.Points;
        LifetimePoints = other.LifetimePoints;
        Credit = other.Credit;
        Counters = (long[])other.Counters.Clone();
        AttributeValues = other.AttributeValues;
        attributesShared = true;
        BadgeList = other.BadgeList;
        badgesShared = true;
        limits = other.limits;
    }

    internal ParticipantSchema Schema { get; }

    /// <summary>The participant's id, as events name it.</summary>
    public string Id { get; }

    /// <summary>The current tier's name, or null when the campaign declares no tiers.</summary>
    public string? Tier => Schema.Tiers.IsEmpty ? null : Schema.Tiers[TierIndex];

    /// <summary>The points balance (lowered by redemptions).</summary>
    public long Points { get; internal set; }

    /// <summary>All points ever earned (never lowered).</summary>
    public long LifetimePoints { get; internal set; }

    /// <summary>The credit balance.</summary>
    public decimal Credit { get; internal set; }

    /// <summary>The counters, by name.</summary>
    public IReadOnlyDictionary<string, long> CounterValues =>
        new ReadOnlyDictionary<string, long>(Schema.Counters.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => Counters[p.i], StringComparer.Ordinal));

    /// <summary>The badges, in the order they were earned.</summary>
    public IReadOnlyList<string> Badges => BadgeList.AsReadOnly();

    /// <summary>The host-supplied attributes, by name: long, decimal, bool, string or a list of strings.</summary>
    public IReadOnlyDictionary<string, object?> Attributes =>
        new ReadOnlyDictionary<string, object?>(Schema.Attributes.ToDictionary(a => a.Name, a => AttributeValues[a.Slot], StringComparer.Ordinal));

    internal int TierIndex;

#pragma warning disable CA1051, SA1401 // Fields on purpose: the compiled delegates read them directly.
    internal readonly long[] Counters;

    /// <summary>Read freely; change only through <see cref="SetAttributeValue"/>, since a copy may share the array.</summary>
    internal object?[] AttributeValues;

    /// <summary>Read freely; change only through <see cref="AddBadge"/>, since a copy may share the list.</summary>
    internal List<string> BadgeList = [];
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

    internal ParticipantState Clone() => new(this);

    internal void SetAttributeValue(int slot, object? value)
    {
        if (attributesShared)
        {
            AttributeValues = (object?[])AttributeValues.Clone();
            attributesShared = false;
        }

        AttributeValues[slot] = value;
    }

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

    internal void AddLimitUsage(string rule, string window) => SetLimitUsage(rule, window, GetLimitUsage(rule, window) + 1);

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
    private readonly record struct LimitCount(string Rule, string Window, long Count)
    {
        public bool Is(string rule, string window) =>
            (ReferenceEquals(Rule, rule) || string.Equals(Rule, rule, StringComparison.Ordinal))
            && (ReferenceEquals(Window, window) || string.Equals(Window, window, StringComparison.Ordinal));
    }
}
