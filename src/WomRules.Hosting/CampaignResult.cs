using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>What one request (an event or a batch) gave, and which version of the campaign evaluated all of it.</summary>
public sealed class CampaignResult
{
    internal CampaignResult(CampaignInfo campaign, IReadOnlyList<Outcome> outcomes, IReadOnlyList<RejectedLine> rejections)
    {
        Campaign = campaign;
        Outcomes = outcomes;
        Rejections = rejections;
    }

    /// <summary>The campaign and the version (revision, content hash) that evaluated every event of the request.</summary>
    public CampaignInfo Campaign { get; }

    /// <summary>The outcomes in order, as <c>womrules run</c> prints them; for a request not applied, the trial's.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; }

    /// <summary>The rejected lines; empty when the request was applied.</summary>
    public IReadOnlyList<RejectedLine> Rejections { get; }

    /// <summary>Whether the request was applied: false when any of its events was rejected (then none of them is).</summary>
    public bool Applied => Rejections.Count == 0;
}
