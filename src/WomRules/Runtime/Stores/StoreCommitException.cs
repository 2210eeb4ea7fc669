namespace WomRules.Runtime;

/// <summary>
/// A store refused or failed to commit an event's change (or a batch's). Nothing of <see cref="EventId"/> is applied:
/// the engine has put back its own view of the event's participants, so the event can be sent again. When
/// <see cref="EngineFaulted"/> is true (a batch, or a time-driven effect, failed), the engine's own view can no longer
/// be trusted to match the store: it refuses further work, and the host makes a new engine over the store.
/// </summary>
public sealed class StoreCommitException : Exception
{
    /// <summary>Creates the exception for a failed commit.</summary>
    public StoreCommitException(string? eventId, IReadOnlyList<string> eventIds, bool engineFaulted, Exception innerException)
        : base(MessageFor(eventId, eventIds, engineFaulted, innerException), innerException)
    {
        EventId = eventId;
        EventIds = eventIds;
        EngineFaulted = engineFaulted;
    }

    /// <summary>The event whose change failed; null for a time-driven effect or a change no event made.</summary>
    public string? EventId { get; }

    /// <summary>Every event not applied because of the failure: the event, or all the events of a failed batch.</summary>
    public IReadOnlyList<string> EventIds { get; }

    /// <summary>True when the engine must be made again over the store before it processes anything else.</summary>
    public bool EngineFaulted { get; }

    private static string MessageFor(string? eventId, IReadOnlyList<string> eventIds, bool engineFaulted, Exception inner)
    {
        var what = eventIds.Count > 1
            ? $"the batch of {eventIds.Count} events from '{eventIds[0]}' to '{eventIds[^1]}'"
            : eventId is not null ? $"event '{eventId}'" : "a time-driven effect";
        var after = engineFaulted ? "; the engine must be recreated over the store" : "; it can be sent again";
        return $"the store did not commit {what}, and nothing of it is applied{after}: {inner.Message}";
    }
}
