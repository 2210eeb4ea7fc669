using System.Globalization;
using System.Text;
using WomRules.Runtime;

namespace WomRules.Tests.Support;

/// <summary>"A then B from saved state equals A+B" (spec v1.1 §12): runs lines with a save and reload at a split point.</summary>
internal static class SplitRuns
{
    /// <summary>
    /// Runs the first <paramref name="split"/> lines, saves and reloads the state, runs the rest; returns every outcome
    /// and the final state file. A line "sweep TIME" is a sweep (spec v1.1 §1), so splits fall between sweeps and events too.
    /// </summary>
    public static string Run(CompiledCampaign campaign, string[] lines, int split)
    {
        var output = new StringBuilder();
        var engine = new CampaignEngine(campaign);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i == split)
            {
                var saved = Save((InMemoryParticipantStore)engine.Store, campaign);
                engine = new CampaignEngine(campaign, InMemoryParticipantStore.ReadFrom(new MemoryStream(Encoding.UTF8.GetBytes(saved)), campaign));
            }

            var outcomes = lines[i].StartsWith("sweep ", StringComparison.Ordinal)
                ? engine.AdvanceTo(DateTimeOffset.Parse(lines[i]["sweep ".Length..], CultureInfo.InvariantCulture))
                : engine.ProcessJson(lines[i]);
            foreach (var outcome in outcomes)
            {
                output.Append(outcome.ToJson()).Append('\n');
            }
        }

        return output.Append("--- state ---\n").Append(Save((InMemoryParticipantStore)engine.Store, campaign)).ToString();
    }

    /// <summary>The store's state file as text.</summary>
    public static string Save(InMemoryParticipantStore store, CompiledCampaign campaign)
    {
        using var stream = new MemoryStream();
        store.WriteTo(stream, campaign);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
