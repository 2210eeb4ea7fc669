using WomRules.Runtime;

namespace WomRules.Testing;

/// <summary>
/// Runs a campaign over events and returns deterministic, diff-friendly text for any snapshot library (Verify,
/// Snapshooter) or a plain string comparison in a host's own tests. The text is what <c>womrules test</c> compares
/// with <c>&lt;case&gt;.verified.jsonl</c>: each outcome as its JSON line, then each participant's final state
/// ordered by id, then the budget used. No timestamps, invariant culture, '\n' line ends.
/// </summary>
public static class CampaignSnapshot
{
    /// <summary>Runs JSON event lines (the events file format of <c>womrules run</c>) and returns the snapshot text.</summary>
    /// <param name="campaign">The compiled campaign.</param>
    /// <param name="eventLines">One JSON event a line; blank lines are skipped, malformed ones give <c>rejected</c>.</param>
    /// <param name="initialState">The participants to start from (for example read with <see cref="InMemoryParticipantStore.ReadFrom"/>); it is updated in place.</param>
    public static string Run(CompiledCampaign campaign, IEnumerable<string> eventLines, InMemoryParticipantStore? initialState = null)
    {
        ArgumentNullException.ThrowIfNull(eventLines);
        return Build(campaign, initialState, builder =>
        {
            foreach (var line in eventLines)
            {
                builder.ProcessLine(line);
            }
        });
    }

    /// <summary>Runs events built in code and returns the snapshot text.</summary>
    /// <param name="campaign">The compiled campaign.</param>
    /// <param name="events">The events, in order.</param>
    /// <param name="initialState">The participants to start from; it is updated in place.</param>
    public static string RunEvents(CompiledCampaign campaign, IEnumerable<EngagementEvent> events, InMemoryParticipantStore? initialState = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Build(campaign, initialState, builder =>
        {
            foreach (var engagement in events)
            {
                builder.Process(engagement);
            }
        });
    }

    private static string Build(CompiledCampaign campaign, InMemoryParticipantStore? initialState, Action<SnapshotBuilder> run)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var builder = new SnapshotBuilder(campaign, initialState);
        run(builder);
        return builder.ToText();
    }
}
