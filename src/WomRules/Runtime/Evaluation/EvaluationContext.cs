namespace WomRules.Runtime;

/// <summary>What a compiled expression reads: the event, the participant (actor, or the subject of a tier check) and the referrer.</summary>
internal sealed class EvaluationContext
{
    public EventData? Event;
    public ParticipantState Participant = null!;
    public ParticipantState? Referrer;

    /// <summary>The engine's identity records, which <c>shares_identity</c> reads (spec v1.1 §8); null outside an engine.</summary>
    public IdentityIndex? Identities;

    /// <summary>Characters of strings built so far by the expression being evaluated; see <see cref="StringLimits"/>.</summary>
    public long BuiltCharacters;
}
