namespace WomRules.Runtime;

/// <summary>
/// Spec v1.1 §10: <c>first_seen</c> and <c>last_seen</c> are the <c>at</c> of the first and the latest accepted event
/// naming the participant as actor or referrer. Recorded before rules run, so a newcomer's are the event's own
/// <c>at</c>; a late event keeps the latest (the greater <c>at</c>). A participant is written (copied or saved
/// for undo) only when one of them moves, which on an event in time order is the common case.
/// </summary>
internal static class ParticipantSightings
{
    public static void Record(ref EventParticipants participants, DateTime at, EvaluationContext context)
    {
        var ticks = at.Ticks;
        if (Moves(participants.Actor, ticks))
        {
            Stamp(participants.WritableActor(context), ticks);
        }

        if (participants.Referrer is { } referrer && !participants.SameParticipant && Moves(referrer, ticks))
        {
            Stamp(participants.WritableReferrer(context), ticks);
        }
    }

    private static bool Moves(ParticipantState p, long ticks) => p.FirstSeenTicks == 0 || ticks > p.LastSeenTicks || ticks < p.FirstSeenTicks;

    private static void Stamp(ParticipantState p, long ticks)
    {
        if (p.FirstSeenTicks == 0 || ticks < p.FirstSeenTicks)
        {
            p.FirstSeenTicks = ticks;
        }

        p.LastSeenTicks = Math.Max(p.LastSeenTicks, ticks);
    }
}
