using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// A validated event, its attributes laid out in the slots of its event type; read by the delegates.
/// An engine keeps one instance and refills it for every event (its lock serializes events, and nothing keeps a
/// reference past the event), so the hot path allocates no event object.
/// </summary>
internal sealed class EventData
{
    public string Id { get; private set; } = "";

    public EventTypeSymbol EventType { get; private set; } = null!;

    public string Type => EventType.Name;

    /// <summary>The time of the event in UTC.</summary>
    public DateTime At { get; private set; }

    public string Actor { get; private set; } = "";

    /// <summary>The referrer's id; empty when the event has none.</summary>
    public string Referrer { get; private set; } = "";

    /// <summary>Attribute values by slot: long, decimal, bool, string or string[]. May be longer than the event type's attributes.</summary>
    public object?[] Values { get; private set; } = [];

    public void Fill(string id, EventTypeSymbol eventType, DateTime at, string actor, string referrer, object?[] values)
    {
        Id = id;
        EventType = eventType;
        At = at;
        Actor = actor;
        Referrer = referrer;
        Values = values;
    }

    /// <summary>Drops the references of the last event (the owner clears the values array it lent).</summary>
    public void Clear()
    {
        Values = [];
        Id = Actor = Referrer = "";
    }
}
