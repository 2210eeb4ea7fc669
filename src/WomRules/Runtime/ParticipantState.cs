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
        LimitUsage = new(StringComparer.Ordinal);
        for (var i = 0; i < schema.Attributes.Length; i++)
        {
            AttributeValues[i] = schema.Attributes[i].Default;
        }
    }

    private ParticipantState(ParticipantState other)
    {
        Schema = other.Schema;
        Id = other.Id;
        TierIndex = other.TierIndex;
        Points = other.Points;
        LifetimePoints = other.LifetimePoints;
        Credit = other.Credit;
        Counters = (long[])other.Counters.Clone();
        AttributeValues = (object?[])other.AttributeValues.Clone();
        BadgeList = [.. other.BadgeList];
        LimitUsage = new Dictionary<string, Dictionary<string, long>>(other.LimitUsage.Count, StringComparer.Ordinal);
        foreach (var (rule, windows) in other.LimitUsage)
        {
            LimitUsage[rule] = new Dictionary<string, long>(windows, StringComparer.Ordinal);
        }
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
    internal readonly object?[] AttributeValues;
    internal readonly List<string> BadgeList = [];
#pragma warning restore CA1051, SA1401

    /// <summary>Firings per rule name and window key, for limits whose <c>of</c> is this participant.</summary>
    internal Dictionary<string, Dictionary<string, long>> LimitUsage { get; }

    internal ParticipantState Clone() => new(this);

    internal long GetLimitUsage(string rule, string window) =>
        LimitUsage.TryGetValue(rule, out var windows) && windows.TryGetValue(window, out var count) ? count : 0;

    internal void AddLimitUsage(string rule, string window) => SetLimitUsage(rule, window, GetLimitUsage(rule, window) + 1);

    internal void SetLimitUsage(string rule, string window, long count)
    {
        if (!LimitUsage.TryGetValue(rule, out var windows))
        {
            windows = new Dictionary<string, long>(StringComparer.Ordinal);
            LimitUsage[rule] = windows;
        }

        windows[window] = count;
    }
}
