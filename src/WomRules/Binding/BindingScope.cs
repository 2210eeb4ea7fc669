namespace WomRules.Binding;

/// <summary>What an expression may read where it stands: a rule or disclosure sees its event; a tier condition sees only the participant.</summary>
internal sealed class BindingScope(ParticipantSchema participant, EventTypeSymbol? eventType, bool isTierCondition)
{
    public ParticipantSchema Participant { get; } = participant;

    /// <summary>The event type whose attributes <c>event.x</c> reads; null in tier conditions.</summary>
    public EventTypeSymbol? EventType { get; } = eventType;

    public bool IsTierCondition { get; } = isTierCondition;

    /// <summary>Set while binding when the expression reads <c>referrer.x</c>: such a rule does not fire without a referrer.</summary>
    public bool ReadsReferrer { get; set; }
}
