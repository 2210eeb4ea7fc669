namespace WomRules.Runtime;

/// <summary>
/// The actor and referrer of one event, made writable on first write. Conditions read the stored states directly. A
/// state of the in-memory store is then changed in place, after a checkpoint saves it (so a failed event is undone);
/// a state of any other store is copied, since the engine never changes what a host's store holds. An event that
/// changes nothing therefore saves and copies nothing.
/// </summary>
internal struct EventParticipants
{
    public ParticipantState Actor;
    public ParticipantState? Referrer;

    /// <summary>True when <see cref="Actor"/> may be changed: new, this event's own copy, or saved in place.</summary>
    public bool ActorOwned;

    /// <summary>True when <see cref="Referrer"/> may be changed.</summary>
    public bool ReferrerOwned;

    /// <summary>True when <see cref="Actor"/> is not in the store yet.</summary>
    public readonly bool ActorIsNew;

    /// <summary>True when <see cref="Referrer"/> is not in the store yet.</summary>
    public readonly bool ReferrerIsNew;

    // Null when states are copied on write instead of changed in place.
    private readonly ParticipantCheckpoint? actorCheckpoint;
    private readonly ParticipantCheckpoint? referrerCheckpoint;

    public EventParticipants(ParticipantState actor, bool actorIsNew, ParticipantState? referrer, bool referrerIsNew, ParticipantCheckpoint? actorCheckpoint, ParticipantCheckpoint? referrerCheckpoint)
    {
        Actor = actor;
        ActorOwned = ActorIsNew = actorIsNew;
        Referrer = referrer;
        ReferrerOwned = ReferrerIsNew = referrerIsNew;
        this.actorCheckpoint = actorCheckpoint;
        this.referrerCheckpoint = referrerCheckpoint;
    }

    /// <summary>Whether actor and referrer are one participant (a self-referral): then they share one state.</summary>
    public readonly bool SameParticipant => ReferenceEquals(Actor, Referrer);

    /// <summary>Whether states are changed in place (the in-memory store) rather than copied.</summary>
    public readonly bool InPlace => actorCheckpoint is not null;

    /// <summary>The actor, made writable; the context then reads the writable state, so later rules see earlier effects.</summary>
    public ParticipantState WritableActor(EvaluationContext context)
    {
        if (!ActorOwned)
        {
            if (actorCheckpoint is not null)
            {
                Actor.SaveTo(actorCheckpoint);
            }
            else
            {
                var copy = Actor.Clone();
                if (SameParticipant)
                {
                    Referrer = copy;
                }

                Actor = copy;
                context.Participant = Actor;
                context.Referrer = Referrer;
            }

            ActorOwned = true;
            if (SameParticipant)
            {
                ReferrerOwned = true;
            }
        }

        return Actor;
    }

    /// <summary>The referrer, made writable (there must be one).</summary>
    public ParticipantState WritableReferrer(EvaluationContext context)
    {
        if (SameParticipant)
        {
            return WritableActor(context);
        }

        if (!ReferrerOwned)
        {
            if (referrerCheckpoint is not null)
            {
                Referrer!.SaveTo(referrerCheckpoint);
            }
            else
            {
                Referrer = Referrer!.Clone();
                context.Referrer = Referrer;
            }

            ReferrerOwned = true;
        }

        return Referrer!;
    }
}
