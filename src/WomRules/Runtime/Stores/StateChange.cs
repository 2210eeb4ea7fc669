namespace WomRules.Runtime;

/// <summary>
/// Everything one event changed, handed to <see cref="IParticipantStore.Commit"/> to apply at once: the new states of
/// the participants it touched, its id, and what it took from the budget as deltas with the budget's limits, so that a
/// store shared by several engines can refuse a change that would overspend (spec §4.7) instead of trusting the
/// totals one engine read.
/// </summary>
public sealed class StateChange
{
    /// <summary>Creates a change (stores' tests and hosts replaying their own changes make them too).</summary>
    public StateChange(string? eventId, IReadOnlyList<ParticipantState> participants, long pointsIssued, decimal creditIssued)
    {
        ArgumentNullException.ThrowIfNull(participants);
        EventId = eventId;
        Participants = participants;
        PointsIssued = pointsIssued;
        CreditIssued = creditIssued;
    }

    /// <summary>The event's id, to be recorded as seen; null for a change that no event made (host-supplied attributes, a time-driven effect).</summary>
    public string? EventId { get; }

    /// <summary>The event's <c>at</c> in UTC (the seen id's time, spec v1.1 §2); null for a change that no event made.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The new states of the participants the event touched (replace the stored ones).</summary>
    public IReadOnlyList<ParticipantState> Participants { get; }

    /// <summary>Points issued by this event (add to the total); negative for a reversal, which returns what its target spent of the budget.</summary>
    public long PointsIssued { get; }

    /// <summary>Credit issued by this event (add to the total); negative for a reversal, which returns what its target spent of the budget.</summary>
    public decimal CreditIssued { get; }

    /// <summary>
    /// The lateness horizon at this event (spec v1.1 §13: the clock less the campaign's <c>accept_late</c>), or null
    /// without one. A seen id whose event is earlier than it is forgotten: the store may drop it, and must not refuse a
    /// change that reuses it.
    /// </summary>
    public DateTimeOffset? ForgottenBefore { get; init; }

    /// <summary>
    /// The ledger entries (spec v1.1 §2) this change adds or replaces, by event id: an event's own entry (every applied
    /// event has one), and for a reversal also its target's, now marked reversed. Empty for a change no event made.
    /// A store keeps them beside the seen ids and hands one back from <see cref="IParticipantStore.FindLedgerEntry"/>.
    /// </summary>
    public IReadOnlyList<LedgerEntrySnapshot> Ledger { get; init; } = [];

    /// <summary>
    /// The engine's clock (spec v1.1 §1) once this change is applied; null when the engine has none yet. A store keeps
    /// the latest, for <see cref="CampaignStateSnapshot.Clock"/> when a new engine is rehydrated over it.
    /// </summary>
    public DateTimeOffset? Clock { get; init; }

    /// <summary>The pending grants (spec v1.1 §3) this change made, whose release a store keeps until it is removed.</summary>
    public IReadOnlyList<PendingGrantSnapshot> PendingAdded { get; init; } = [];

    /// <summary>The <see cref="PendingGrantSnapshot.Grant"/> of the pending grants this change released or reversed: delete them.</summary>
    public IReadOnlyList<long> PendingRemoved { get; init; } = [];

    /// <summary>
    /// The engine's next place in grant order (spec v1.1 §1: what orders effects due at one instant, and numbers points
    /// lots) once this change is applied. A store keeps the latest, for <see cref="CampaignStateSnapshot.NextGrant"/>.
    /// </summary>
    public long NextGrant { get; init; }

    /// <summary>The campaign's <c>budget.points</c>, or null for none: a store must refuse the change if its total would pass it.</summary>
    public long? PointsBudget { get; init; }

    /// <summary>The campaign's <c>budget.credit</c>, or null for none: a store must refuse the change if its total would pass it.</summary>
    public decimal? CreditBudget { get; init; }
}
