using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>
/// The campaigns a host runs (docs/hosting.md). Thread-safe: the events of one campaign are applied one request at a
/// time (an async lock per campaign, no thread blocked while waiting); different campaigns run in parallel. A hot
/// reload swaps a campaign's version between two requests, so every request is evaluated wholly by one version.
/// Unknown campaign ids throw <see cref="KeyNotFoundException"/>.
/// </summary>
public interface ICampaignRuntime
{
    /// <summary>The campaigns, in configuration order, each with the version now running.</summary>
    IReadOnlyList<CampaignInfo> Campaigns { get; }

    /// <summary>The campaign with this id and its running version, or null.</summary>
    CampaignInfo? FindCampaign(string campaignId);

    /// <summary>
    /// Applies one event (a JSON object, as one line of an events file). A <c>rejected</c> event changes no
    /// participant, budget or seen id; <see cref="CampaignResult.Applied"/> is then false and
    /// <see cref="CampaignResult.Rejections"/> says why.
    /// </summary>
    ValueTask<CampaignResult> ProcessJsonAsync(string campaignId, string json, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies one event as <see cref="ProcessJsonAsync(string, string, CancellationToken)"/> does, but appends its
    /// outcomes to <paramref name="outcomes"/> instead of returning a new result: a host on a hot path that reuses one
    /// collection allocates nothing per request for the answer. A rejected event appends its <c>rejected</c> outcome
    /// (the first one it appends). Returns the version that evaluated the event.
    /// </summary>
    async ValueTask<CampaignInfo> ProcessJsonIntoAsync(string campaignId, string json, ICollection<Outcome> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var result = await ProcessJsonAsync(campaignId, json, cancellationToken).ConfigureAwait(false);
        foreach (var outcome in result.Outcomes)
        {
            outcomes.Add(outcome);
        }

        return result.Campaign;
    }

    /// <summary>
    /// Applies a batch of events (JSONL lines, blank lines skipped) all or nothing: if any line is rejected, none is
    /// applied (<see cref="CampaignResult.Applied"/> false, every rejected line in <see cref="CampaignResult.Rejections"/>).
    /// More lines than <see cref="WomRulesOptions.MaxBatchEvents"/> throw <see cref="ArgumentException"/>.
    /// </summary>
    ValueTask<CampaignResult> ProcessJsonLinesAsync(string campaignId, IReadOnlyList<string> lines, CancellationToken cancellationToken = default);

    /// <summary>
    /// A participant's current state as an immutable snapshot taken under the campaign's lock (the engine's own
    /// object changes with the next event), or null when the campaign has not seen them.
    /// </summary>
    ValueTask<ParticipantSnapshot?> GetParticipantAsync(string campaignId, string participantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Recompiles a file campaign now (what hot reload does after an edit) and swaps the new version in if it compiles
    /// and the state fits it; otherwise keeps the running version and logs why. Returns the version running afterwards.
    /// </summary>
    ValueTask<CampaignInfo> ReloadAsync(string campaignId, CancellationToken cancellationToken = default);
}
