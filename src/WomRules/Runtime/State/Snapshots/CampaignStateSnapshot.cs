namespace WomRules.Runtime;

/// <summary>
/// The campaign-wide state a store keeps beside its participants (spec v1.1 §12), as an immutable value: the budget
/// used, the engine's clock, and the seen event ids with their <c>at</c> (null when not known, as for ids a state file
/// lists without a time). <see cref="InMemoryParticipantStore.ToCampaignStateSnapshot"/> makes one; a host's store builds one
/// from what its changes carried, for <see cref="CampaignEngine.Rehydrate"/>.
/// </summary>
public sealed class CampaignStateSnapshot
{
    /// <summary>Creates a snapshot.</summary>
    public CampaignStateSnapshot(long pointsIssued, decimal creditIssued, DateTimeOffset? clock, IReadOnlyDictionary<string, DateTimeOffset?> seenEvents)
    {
        ArgumentNullException.ThrowIfNull(seenEvents);
        PointsIssued = pointsIssued;
        CreditIssued = creditIssued;
        Clock = clock;
        SeenEvents = seenEvents;
    }

    /// <summary>Points issued so far, counted against <c>budget.points</c>.</summary>
    public long PointsIssued { get; }

    /// <summary>Credit issued so far, counted against <c>budget.credit</c>.</summary>
    public decimal CreditIssued { get; }

    /// <summary>The engine's clock (spec v1.1 §1); null before any accepted event or sweep.</summary>
    public DateTimeOffset? Clock { get; }

    /// <summary>The engine's next place in grant order (spec v1.1 §1), which numbers points lots and pending grants.</summary>
    public long NextGrant { get; init; }

    /// <summary>Every applied event's id with its <c>at</c> in UTC, but those forgotten past the lateness horizon (spec v1.1 §13).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> SeenEvents { get; }
}
