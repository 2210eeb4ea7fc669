namespace WomRules.Runtime;

/// <summary>A points lot's expiry waiting in the queue (spec v1.1 §4): at its due time, what is left of the lot expires.</summary>
internal sealed class LotExpiry(DateTime due, long grant, string participant) : DueEffect(due, grant)
{
    public override DuePhase Phase => DuePhase.ReleaseOrExpiry;

    public string Participant { get; } = participant;
}
