namespace WomRules.Runtime;

/// <summary>Conversion between the engine's participant state and the public, immutable <see cref="ParticipantSnapshot"/>.</summary>
public sealed partial class ParticipantState
{
    /// <summary>An immutable copy of everything this state holds.</summary>
    public ParticipantSnapshot ToSnapshot() => new(Id)
    {
        Tier = Tier,
        TierSince = TierSince,
        FirstSeen = FirstSeen,
        LastSeen = LastSeen,
        Points = Points,
        LifetimePoints = LifetimePoints,
        Credit = Credit,
        PendingPoints = PendingPoints,
        PendingCredit = PendingCredit,
        Counters = CounterValues,
        Badges = BadgeList.ToArray(),
        Attributes = Attributes,
        // In rule, then window order: the engine's own order carries no meaning, and one order makes equal states equal snapshots.
        LimitUsage = limits.Select(l => new LimitUsageSnapshot(l.Owner, l.Cap, l.Window, l.Count))
            .OrderBy(l => l.IsCap).ThenBy(l => l.Owner, StringComparer.Ordinal).ThenBy(l => l.Window, StringComparer.Ordinal).ToArray(),
        RollingFirings = rolling.Select(r => new RollingFiringsSnapshot(r.Owner, r.Cap, Array.ConvertAll(r.Times, t => new DateTimeOffset(t, TimeSpan.Zero))))
            .OrderBy(r => r.IsCap).ThenBy(r => r.Owner, StringComparer.Ordinal).ToArray(),
        Identities = Identities.Select(r => new IdentityValueSnapshot(r.Attribute, r.Value))
            .OrderBy(r => r.Attribute, StringComparer.Ordinal).ThenBy(r => r.Value, StringComparer.Ordinal).ToArray(),
        Lots = Array.ConvertAll(Lots, l => new PointsLotSnapshot(l.Grant, new DateTimeOffset(l.Expires, TimeSpan.Zero), l.Left)),
    };

    /// <summary>
    /// The state a snapshot describes, for the campaign's participant schema: what a store hands the engine from
    /// <see cref="IParticipantStore.Find"/>. Throws <see cref="ArgumentException"/> for a tier, counter or attribute
    /// the campaign does not declare, an attribute value of the wrong type, or a negative limit count or lot.
    /// </summary>
    public static ParticipantState FromSnapshot(CompiledCampaign campaign, ParticipantSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(snapshot);
        var schema = campaign.Schema;
        var state = new ParticipantState(schema, snapshot.Id)
        {
            TierIndex = snapshot.Tier is null ? 0 : schema.Tiers.IndexOf(snapshot.Tier),
            TierSinceTicks = Ticks(snapshot.TierSince),
            FirstSeenTicks = Ticks(snapshot.FirstSeen),
            LastSeenTicks = Ticks(snapshot.LastSeen),
            Points = snapshot.Points,
            LifetimePoints = snapshot.LifetimePoints,
            Credit = snapshot.Credit,
            PendingPoints = snapshot.PendingPoints,
            PendingCredit = snapshot.PendingCredit,
        };
        if (state.TierIndex < 0)
        {
            throw new ArgumentException($"The campaign declares no tier '{snapshot.Tier}'.", nameof(snapshot));
        }

        foreach (var (name, value) in snapshot.Counters)
        {
            var slot = schema.Counters.IndexOf(name);
            state.Counters[slot >= 0 ? slot : throw new ArgumentException($"The campaign declares no counter '{name}'.", nameof(snapshot))] = value;
        }

        foreach (var (name, value) in snapshot.Attributes)
        {
            if (!schema.AttributesByName.TryGetValue(name, out var attribute))
            {
                throw new ArgumentException($"The campaign declares no participant attribute '{name}'.", nameof(snapshot));
            }

            if (global::WomRules.Runtime.AttributeValues.TryConvert(value, attribute, out var converted) is { } error)
            {
                throw new ArgumentException($"Participant attribute '{name}': {error}", nameof(snapshot));
            }

            state.AttributeValues[attribute.Slot] = converted;
        }

        state.BadgeList = [.. snapshot.Badges];
        state.limits = snapshot.LimitUsage.Select(l => l.Count > 0
            ? new LimitCount(l.Owner, l.IsCap, l.Window, l.Count)
            : throw new ArgumentException($"Limit usage of '{l.Owner}' must be more than 0.", nameof(snapshot))).ToArray();
        state.rolling = snapshot.RollingFirings.Select(r => r.Times.Count > 0 && r.Times.Zip(r.Times.Skip(1)).All(p => p.First <= p.Second)
            ? new RollingFirings(r.Owner, r.IsCap, r.Times.Select(t => t.UtcTicks).ToArray())
            : throw new ArgumentException($"Rolling firings of '{r.Owner}' must be one or more times in ascending order.", nameof(snapshot))).ToArray();
        state.Lots = snapshot.Lots.Select(l => l.Left > 0
            ? new PointsLot(l.Grant, l.Expires.UtcDateTime, l.Left)
            : throw new ArgumentException("A points lot must hold more than 0 points.", nameof(snapshot))).ToArray();
        state.Identities = snapshot.Identities.Select(r => r.Value.Length > 0
            ? new IdentityRecord(r.Attribute, r.Value)
            : throw new ArgumentException($"Identity record '{r.Attribute}' has an empty value, which is never recorded.", nameof(snapshot))).Distinct().ToArray();
        return state;
    }

    private static long Ticks(DateTimeOffset? time) => time?.UtcTicks ?? 0;
}
