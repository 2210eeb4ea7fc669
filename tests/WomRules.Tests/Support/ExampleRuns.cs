using System.Text;
using WomRules.Runtime;

namespace WomRules.Tests.Support;

/// <summary>Runs an example's events through a compiled campaign, from the example's initial state; shared by the example tests.</summary>
internal static class ExampleRuns
{
    /// <summary>An example may start from a state file (host-supplied participant attributes): examples/NAME/state.json.</summary>
    public static InMemoryParticipantStore InitialStore(string name, CompiledCampaign campaign)
    {
        var path = Path.Combine(RepositoryPaths.Examples, name, "state.json");
        if (!File.Exists(path))
        {
            return new InMemoryParticipantStore();
        }

        using var stream = File.OpenRead(path);
        return InMemoryParticipantStore.ReadFrom(stream, campaign);
    }

    /// <summary>An example may end with a final sweep (spec v1.1 §1), as `womrules run --until`: examples/NAME/until.</summary>
    public static DateTimeOffset? Until(string name)
    {
        var path = Path.Combine(RepositoryPaths.Examples, name, "until");
        return File.Exists(path) ? DateTimeOffset.Parse(File.ReadAllText(path).Trim(), System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The outcomes as JSON lines, and the store's final state file; with <paramref name="until"/>, a sweep after the last line.</summary>
    public static (string Outcomes, string State) RunLines(CompiledCampaign campaign, string[] lines, InMemoryParticipantStore store, DateTimeOffset? until = null)
    {
        var engine = new CampaignEngine(campaign, store);
        var outcomes = new StringBuilder();
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            foreach (var outcome in engine.ProcessJson(line))
            {
                outcomes.Append(outcome.ToJson()).Append('\n');
            }
        }

        if (until is { } time)
        {
            foreach (var outcome in engine.AdvanceTo(time))
            {
                outcomes.Append(outcome.ToJson()).Append('\n');
            }
        }

        using var state = new MemoryStream();
        store.WriteTo(state, campaign);
        return (outcomes.ToString(), Encoding.UTF8.GetString(state.ToArray()).ReplaceLineEndings("\n"));
    }
}
