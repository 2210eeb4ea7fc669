using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>A validated event, its attributes laid out in the slots of its event type. Built once per event; read by the delegates.</summary>
internal sealed class EventData(string id, EventTypeSymbol eventType, DateTime at, string actor, string referrer, object?[] values)
{
    public string Id { get; } = id;

    public EventTypeSymbol EventType { get; } = eventType;

    public string Type => EventType.Name;

    /// <summary>The time of the event in UTC.</summary>
    public DateTime At { get; } = at;

    public string Actor { get; } = actor;

    /// <summary>The referrer's id; empty when the event has none.</summary>
    public string Referrer { get; } = referrer;

    /// <summary>Attribute values by slot: long, decimal, bool, string or string[].</summary>
    public object?[] Values { get; } = values;
}
