namespace WomRules.Runtime;

/// <summary>
/// Spec v1.1 §5: an admitted <c>participant.updated</c> sets the actor's declared attributes, then computes its tier
/// once. It runs no rule and checks no disclosure. An unknown actor is created, its attributes set before its first
/// tier is computed (a host seeds a newcomer this way). The event's referrer, if any, is not a participant of it.
/// </summary>
internal sealed class ParticipantUpdate
{
    private readonly EventApplication application;

    public ParticipantUpdate(EventApplication application) => this.application = application;

    public void Apply(EventData e)
    {
        var stored = application.FindStored(e.Actor);
        var participants = new EventParticipants(
            stored ?? application.NewParticipant(e.Actor), stored is null, null, false, application.InPlace ? application.ActorCheckpoint : null, null);
        var context = application.Context;
        context.Event = e;
        context.Participant = participants.Actor;
        context.Referrer = null;

        // A new array, never the old one changed: the checkpoint keeps the old array to undo with (spec v1.1 §5: writing
        // the value a participant already has is no change).
        var current = participants.Actor.AttributeValues;
        object?[]? updated = null;
        foreach (var (attribute, value) in ((AttributeAssignments)e.Values[0]!).Items)
        {
            if (!SameValue(current[attribute.Slot], value))
            {
                updated ??= (object?[])current.Clone();
                updated[attribute.Slot] = value;
            }
        }

        if (updated is not null)
        {
            participants.WritableActor(context).ReplaceAttributeValues(updated);
        }

        if (participants.ActorIsNew)
        {
            application.FirstSight(e.Id, participants.Actor);
        }
        else if (updated is not null)
        {
            application.UpdateTier(e.Id, participants.Actor);
        }

        application.Commit(e.Id, participants, 0, 0m);
        application.Ledger.Record(e.Id, e.At, isReversal: false, grant: null);
        application.ScheduleCommitted();
    }

    private static bool SameValue(object? old, object? value) =>
        old is string[] oldList && value is string[] list ? oldList.AsSpan().SequenceEqual(list) : Equals(old, value);
}
