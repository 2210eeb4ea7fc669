namespace WomRules.Runtime;

/// <summary>Everything one event changed: the new states of the participants it touched, its id, and what it issued.</summary>
public sealed class StateChange
{
    internal StateChange(string? eventId, IReadOnlyList<ParticipantState> participants, long pointsIssued, decimal creditIssued)
    {
        EventId = eventId;
        Participants = participants;
        PointsIssued = pointsIssued;
        CreditIssued = creditIssued;
    }

    /// <summary>The event's id, to be recorded as seen; null for a change that no event made (host-supplied attributes).</summary>
    public string? EventId { get; }

    /// <summary>The new states of the participants the event touched (replace the stored ones).</summary>
    public IReadOnlyList<ParticipantState> Participants { get; }

    /// <summary>Points issued by this event (add to the total); negative for a reversal, which returns what its target spent of the budget.</summary>
    public long PointsIssued { get; }

    /// <summary>Credit issued by this event (add to the total); negative for a reversal, which returns what its target spent of the budget.</summary>
    public decimal CreditIssued { get; }
}
