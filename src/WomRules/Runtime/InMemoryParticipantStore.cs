namespace WomRules.Runtime;

/// <summary>The default store: everything in memory. <see cref="WriteTo"/> and <see cref="ReadFrom"/> save and load it as the state file of spec §5.</summary>
public sealed class InMemoryParticipantStore : IParticipantStore
{
    private readonly Dictionary<string, ParticipantState> participants = new(StringComparer.Ordinal);
    private readonly HashSet<string> seenEvents = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public long PointsIssued { get; private set; }

    /// <inheritdoc />
    public decimal CreditIssued { get; private set; }

    /// <summary>All participants, in no particular order.</summary>
    public IEnumerable<ParticipantState> Participants => participants.Values;

    /// <summary>The ids of every event applied so far.</summary>
    public IEnumerable<string> SeenEventIds => seenEvents;

    /// <inheritdoc />
    public ParticipantState? Find(string participantId) => participants.GetValueOrDefault(participantId);

    /// <inheritdoc />
    public bool HasSeenEvent(string eventId) => seenEvents.Contains(eventId);

    /// <inheritdoc />
    public void Commit(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var participant in change.Participants)
        {
            participants[participant.Id] = participant;
        }

        if (change.EventId is not null)
        {
            seenEvents.Add(change.EventId);
        }
        PointsIssued += change.PointsIssued;
        CreditIssued += change.CreditIssued;
    }

    /// <summary>What <see cref="Commit"/> does, for the engine's own use, without building a <see cref="StateChange"/>: stores the states an event created or changed (null: none).</summary>
    internal void CommitEvent(string eventId, ParticipantState? actor, ParticipantState? referrer, long pointsIssued, decimal creditIssued)
    {
        if (actor is not null)
        {
            participants[actor.Id] = actor;
        }

        if (referrer is not null)
        {
            participants[referrer.Id] = referrer;
        }

        seenEvents.Add(eventId);
        PointsIssued += pointsIssued;
        CreditIssued += creditIssued;
    }

    /// <summary>Writes the whole store as a state file: participants, seen event ids, limit windows and budget used.</summary>
    public void WriteTo(Stream stream, CompiledCampaign campaign) => StateFile.Write(stream, campaign, this);

    /// <summary>Reads a state file written by <see cref="WriteTo"/> (or by hand). Throws <see cref="InvalidDataException"/> with a readable message when it does not fit the campaign.</summary>
    public static InMemoryParticipantStore ReadFrom(Stream stream, CompiledCampaign campaign) => StateFile.Read(stream, campaign);

    internal void Restore(IEnumerable<ParticipantState> states, IEnumerable<string> seen, long pointsIssued, decimal creditIssued)
    {
        participants.Clear();
        seenEvents.Clear();
        foreach (var state in states)
        {
            participants[state.Id] = state;
        }

        seenEvents.UnionWith(seen);
        PointsIssued = pointsIssued;
        CreditIssued = creditIssued;
    }

    internal void Put(ParticipantState state) => participants[state.Id] = state;
}
