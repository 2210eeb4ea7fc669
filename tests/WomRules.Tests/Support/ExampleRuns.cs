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

    /// <summary>The outcomes as JSON lines, and the store's final state file.</summary>
    public static (string Outcomes, string State) RunLines(CompiledCampaign campaign, string[] lines, InMemoryParticipantStore store)
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

        using var state = new MemoryStream();
        store.WriteTo(state, campaign);
        return (outcomes.ToString(), Encoding.UTF8.GetString(state.ToArray()).ReplaceLineEndings("\n"));
    }
}
