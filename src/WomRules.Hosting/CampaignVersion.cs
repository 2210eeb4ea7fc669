namespace WomRules.Hosting;

/// <summary>One compiled version of a campaign, immutable: what a request captures once and evaluates all of its events with.</summary>
internal sealed record CampaignVersion(CompiledCampaign Campaign, CampaignInfo Info)
{
    /// <summary>The revision as the span's tag value, boxed once per version rather than per request.</summary>
    public object BoxedRevision { get; } = Info.Revision;
}
