using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// Spec §4, steps 1 to 3: decides whether an event is a duplicate, ignored, rejected or applied, and turns a header and
/// its attributes into the <see cref="EventData"/> that <see cref="EventApplication"/> applies. Both ways in (an
/// object, a JSON line) meet here, so they validate alike. Outcomes go to the engine's list of this event's outcomes.
/// </summary>
internal sealed class EventAdmission
{
    private readonly CompiledCampaign campaign;
    private readonly IParticipantStore store;
    private readonly List<Outcome> outcomes;
    private readonly EventApplication application;

    // Scratch reused for every event (the engine's lock serializes events), so admitting an event allocates nothing.
    private readonly EventData eventData = new();
    private readonly object?[] values;

    public EventAdmission(CompiledCampaign campaign, IParticipantStore store, object?[] values, List<Outcome> outcomes, EventApplication application)
    {
        this.campaign = campaign;
        this.store = store;
        this.values = values;
        this.outcomes = outcomes;
        this.application = application;
    }

    /// <summary>Validates the event and applies it, or records why not; <paramref name="attributes"/> fills <c>values</c> by slot.</summary>
    public void Admit<TSource>(in EventHeader input, TSource attributes)
        where TSource : struct, IAttributeSource
    {
        // Spec v1.1 §13: an event before the lateness horizon is too late, before anything else, so the resend of an
        // id forgotten past the horizon is never applied twice.
        var horizon = application.Horizon;
        if (input.At is { } sent && horizon is { } earliest && sent < earliest)
        {
            outcomes.Add(new RejectedOutcome(input.Id, $"too late: its 'at' ({TimestampText.Format(sent)}) is earlier than the clock less the campaign's accept_late ({TimestampText.Format(earliest)})"));
            return;
        }

        // Spec §4, steps 1 to 3, in order. An id past the horizon is forgotten, whether or not it was dropped yet.
        if (store.HasSeenEvent(input.Id) && !application.IsPastHorizon(input.Id, horizon))
        {
            outcomes.Add(new DuplicateOutcome(input.Id));
            return;
        }

        if (input.Type is null)
        {
            outcomes.Add(new RejectedOutcome(input.Id, "the event has no 'type' string"));
            return;
        }

        if (!campaign.Dispatch.TryGetValue(input.Type, out var compiledType))
        {
            return;
        }

        if (input.At is not { } at)
        {
            outcomes.Add(new RejectedOutcome(input.Id, input.AtError ?? "the event has no 'at' timestamp"));
            return;
        }

        if ((campaign.Bound.ActiveFrom is { } from && at < from) || (campaign.Bound.ActiveUntil is { } until && at >= until))
        {
            return;
        }

        if (string.IsNullOrEmpty(input.Actor))
        {
            outcomes.Add(new RejectedOutcome(input.Id, "the event has no 'actor' string"));
            return;
        }

        if (input.Referrer is null)
        {
            outcomes.Add(new RejectedOutcome(input.Id, "'referrer' must be a string"));
            return;
        }

        if (input.AttributesError is not null)
        {
            outcomes.Add(new RejectedOutcome(input.Id, input.AttributesError));
            return;
        }

        // The campaign's 'ids' option: both entry points meet here, before anything looks at the ids (participant
        // lookup, event.actor and event.referrer, limits, state keys). Without it, ids stay exactly as given.
        var actor = input.Actor;
        var referrer = input.Referrer;
        if (campaign.Bound.Ids is { } ids)
        {
            if (CanonicalId(actor, ids) is not { } canonicalActor)
            {
                outcomes.Add(new RejectedOutcome(input.Id, "'actor' is not a usable participant id (it is empty once canonicalised, or not valid text)"));
                return;
            }

            var canonicalReferrer = referrer.Length == 0 ? referrer : CanonicalId(referrer, ids);
            if (canonicalReferrer is null)
            {
                outcomes.Add(new RejectedOutcome(input.Id, "'referrer' is not a usable participant id (it is empty once canonicalised, or not valid text)"));
                return;
            }

            actor = canonicalActor;
            referrer = canonicalReferrer;
        }

        try
        {
            if (ReadAttributes(compiledType.Symbol, attributes, values) is { } error)
            {
                outcomes.Add(new RejectedOutcome(input.Id, error));
                return;
            }

            // Accepted past step 3: the event moves the clock even if it is then rejected for its content, and what
            // is due by its time happens before it, so it sees the result (spec v1.1 §1).
            application.Clock.To(at);
            if (application.Horizon is { } moved)
            {
                application.Ledger.ForgetBefore(moved);
            }

            var ownOutcomes = outcomes.Count;
            eventData.Fill(input.Id, compiledType.Symbol, at, actor, referrer, values);
            try
            {
                application.Apply(eventData, compiledType);
            }
            catch (StoreCommitException)
            {
                // The store applied nothing (docs/stores.md): put back the engine's view and tell the host, who may
                // send the event again; no outcome of it stands.
                application.Undo();
                outcomes.RemoveRange(ownOutcomes, outcomes.Count - ownOutcomes);
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Nothing of the event was committed and every in-place change is undone, so nothing is half-applied;
                // the event can be sent again. The time-driven effects before it were committed on their own.
                application.Undo();
                outcomes.RemoveRange(ownOutcomes, outcomes.Count - ownOutcomes);
                outcomes.Add(new RejectedOutcome(input.Id, "the event could not be applied: " + ex.Message));
            }

            try
            {
                application.CommitClock(input.Id);
            }
            catch (StoreCommitException)
            {
                outcomes.RemoveRange(ownOutcomes, outcomes.Count - ownOutcomes);
                throw;
            }
        }
        finally
        {
            // Keep no host values alive between events, whether or not the event got as far as being filled in.
            Array.Clear(values);
            eventData.Clear();
            application.Forget();
        }
    }

    /// <summary>An id under the campaign's 'ids' option; null when nothing usable is left of it.</summary>
    private static string? CanonicalId(string id, IdsSymbol ids) =>
        ParticipantIds.Canonicalize(id, ids) is { Length: > 0 } canonical ? canonical : null;

    /// <summary>Fills <paramref name="values"/> by slot; returns an error message, or null when every attribute is valid.</summary>
    private static string? ReadAttributes<TSource>(EventTypeSymbol type, TSource source, object?[] values)
        where TSource : struct, IAttributeSource
    {
        foreach (var attribute in type.Attributes)
        {
            if (!source.TryRead(attribute, out var converted, out var error))
            {
                if (attribute.IsRequired)
                {
                    return $"missing required attribute '{attribute.Name}'";
                }

                values[attribute.Slot] = attribute.Default;
                continue;
            }

            if (error is not null)
            {
                return error;
            }

            values[attribute.Slot] = converted;
        }

        return null;
    }
}
