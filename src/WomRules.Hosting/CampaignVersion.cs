namespace WomRules.Hosting;

/// <summary>One compiled version of a campaign, immutable: what a request captures once and evaluates all of its events with.</summary>
internal sealed record CampaignVersion(CompiledCampaign Campaign, CampaignInfo Info);
