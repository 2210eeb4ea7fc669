namespace WomRules.Runtime;

/// <summary>
/// Everything the engine keeps about one participant (spec v1.1 §12), as an immutable value a host can store and
/// rebuild: <see cref="ParticipantState.ToSnapshot"/> makes one, <see cref="ParticipantState.FromSnapshot"/> turns
/// one back into the state a store hands the engine, losing nothing. Times are UTC; null means not known.
/// </summary>
public sealed class ParticipantSnapshot
{
    /// <summary>A participant as first seen: first tier, nothing earned, attribute defaults (set what differs with <c>init</c>).</summary>
    public ParticipantSnapshot(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
    }

    /// <summary>The participant's id, as the engine stores it.</summary>
    public string Id { get; }

    /// <summary>The current tier's name; null for the first tier, or a campaign without tiers.</summary>
    public string? Tier { get; init; }

    /// <summary>When the participant reached its tier, or was first seen (spec v1.1 §5).</summary>
    public DateTimeOffset? TierSince { get; init; }

    /// <summary>The <c>at</c> of the first accepted event naming the participant (spec v1.1 §10).</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>The latest <c>at</c> of an accepted event naming the participant (spec v1.1 §10).</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The points balance.</summary>
    public long Points { get; init; }

    /// <summary>All points ever earned, less those reversed (spec v1.1 §2).</summary>
    public long LifetimePoints { get; init; }

    /// <summary>The credit balance.</summary>
    public decimal Credit { get; init; }

    /// <summary>Points granted but held (spec v1.1 §3).</summary>
    public long PendingPoints { get; init; }

    /// <summary>Credit granted but held (spec v1.1 §3).</summary>
    public decimal PendingCredit { get; init; }

    /// <summary>The counters by name; a counter left out is 0.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; init; } = new Dictionary<string, long>();

    /// <summary>The badges, in the order earned.</summary>
    public IReadOnlyList<string> Badges { get; init; } = [];

    /// <summary>The participant attributes by name (long, decimal, bool, string, or a list of strings); one left out has its default.</summary>
    public IReadOnlyDictionary<string, object?> Attributes { get; init; } = new Dictionary<string, object?>();

    /// <summary>Calendar-window usage of rule limits and caps whose <c>of</c> is this participant, rules first, by name then window.</summary>
    public IReadOnlyList<LimitUsageSnapshot> LimitUsage { get; init; } = [];

    /// <summary>Rolling-window firings of rule limits and caps whose <c>of</c> is this participant (spec v1.1 §7), rules first, by name.</summary>
    public IReadOnlyList<RollingFiringsSnapshot> RollingFirings { get; init; } = [];

    /// <summary>The identity records (spec v1.1 §8) that <c>shares_identity</c> compares, by attribute then value.</summary>
    public IReadOnlyList<IdentityValueSnapshot> Identities { get; init; } = [];

    /// <summary>The points lots under the campaign's <c>expiry</c> (spec v1.1 §4), oldest first.</summary>
    public IReadOnlyList<PointsLotSnapshot> Lots { get; init; } = [];
}
