namespace WomRules.Runtime;

/// <summary>
/// The actor and referrer of one event, copied on first write. Conditions read the stored states directly; a state
/// is cloned only when the event is about to change it, so an event that changes nothing copies nothing, and a
/// state the store (or a host) holds is never modified.
/// </summary>
internal struct EventParticipants
{
    public ParticipantState Actor;
    public ParticipantState? Referrer;

    /// <summary>True when <see cref="Actor"/> is this event's own copy (new, or cloned) and may be changed.</summary>
    public bool ActorOwned;

    /// <summary>True when <see cref="Referrer"/> is this event's own copy.</summary>
    public bool ReferrerOwned;

    public EventParticipants(ParticipantState actor, bool actorOwned, ParticipantState? referrer, bool referrerOwned)
    {
        Actor = actor;
        ActorOwned = actorOwned;
        Referrer = referrer;
        ReferrerOwned = referrerOwned;
    }

    /// <summary>Whether actor and referrer are one participant (a self-referral): then they share one copy.</summary>
    public readonly bool SameParticipant => ReferenceEquals(Actor, Referrer);

    /// <summary>The actor, made this event's own; the context then reads the copy, so later rules see earlier effects.</summary>
    public ParticipantState WritableActor(EvaluationContext context)
    {
        if (!ActorOwned)
        {
            var copy = Actor.Clone();
            if (SameParticipant)
            {
                Referrer = copy;
                ReferrerOwned = true;
            }

            Actor = copy;
            ActorOwned = true;
            context.Participant = Actor;
            context.Referrer = Referrer;
        }

        return Actor;
    }

    /// <summary>The referrer, made this event's own (there must be one).</summary>
    public ParticipantState WritableReferrer(EvaluationContext context)
    {
        if (SameParticipant)
        {
            return WritableActor(context);
        }

        if (!ReferrerOwned)
        {
            Referrer = Referrer!.Clone();
            ReferrerOwned = true;
            context.Referrer = Referrer;
        }

        return Referrer!;
    }
}
