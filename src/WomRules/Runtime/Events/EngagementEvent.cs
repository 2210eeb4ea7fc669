namespace WomRules.Runtime;

/// <summary>An engagement event as a host hands it to the engine (spec §4). Attribute values: numbers, bool, string, or a list of strings.</summary>
/// <param name="Id">Unique id; a second event with the same id is a duplicate.</param>
/// <param name="Type">The event type, as declared under <c>events</c>.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">The participant who acted.</param>
/// <param name="Referrer">The participant who referred the actor, if any.</param>
/// <param name="Attributes">The attributes of the event's type; unknown ones are ignored.</param>
public sealed record EngagementEvent(
    string Id,
    string Type,
    DateTimeOffset At,
    string Actor,
    string? Referrer = null,
    IReadOnlyDictionary<string, object?>? Attributes = null);
