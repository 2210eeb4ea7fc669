namespace WomRules.Runtime;

/// <summary>
/// Where an engine keeps participants, the ids of events it has applied, and the points and credit issued against
/// the budget. A host replaces the in-memory store with its own (a database, say); <see cref="Commit"/> must apply
/// a whole <see cref="StateChange"/> or nothing of it.
/// </summary>
public interface IParticipantStore
{
    /// <summary>The participant's current state, or null for a participant never seen.</summary>
    ParticipantState? Find(string participantId);

    /// <summary>True when an event with this id has been applied before.</summary>
    bool HasSeenEvent(string eventId);

    /// <summary>Points issued by the campaign so far, counted against <c>budget.points</c>.</summary>
    long PointsIssued { get; }

    /// <summary>Credit issued by the campaign so far, counted against <c>budget.credit</c>.</summary>
    decimal CreditIssued { get; }

    /// <summary>Applies everything one event changed, atomically.</summary>
    void Commit(StateChange change);
}
