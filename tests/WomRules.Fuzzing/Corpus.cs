using System.Text;
using WomRules.Formatting;
using WomRules.Tests.Support;

namespace WomRules.Fuzzing;

/// <summary>
/// The seeds: every example (examples/*/campaign.yaml and .wom, events.jsonl, state.json), a few campaigns of the
/// core tests' generator, and state files produced from each example by the CLI itself. Deterministic, so that a
/// case seed names the same input on every machine.
/// </summary>
internal sealed class Corpus
{
    private const int GeneratedCampaigns = 6;

    private Corpus(IReadOnlyList<CampaignSeed> campaigns, IReadOnlyList<StateSeed> states)
    {
        Campaigns = campaigns;
        States = states;
    }

    public IReadOnlyList<CampaignSeed> Campaigns { get; }

    public IReadOnlyList<StateSeed> States { get; }

    public IReadOnlyList<byte[]> AllYaml => [.. Campaigns.Select(c => c.Yaml)];

    public IReadOnlyList<byte[]> AllDsl => [.. Campaigns.Select(c => c.Dsl)];

    public IReadOnlyList<byte[]> AllEvents => [.. Campaigns.Select(c => c.Events)];

    public IReadOnlyList<byte[]> AllStates => [.. States.Select(s => s.State)];

    public static Corpus Load()
    {
        var campaigns = new List<CampaignSeed>();
        foreach (var name in RepositoryPaths.ExampleNames)
        {
            var folder = Path.Combine(RepositoryPaths.Examples, name);
            var state = Path.Combine(folder, "state.json");
            campaigns.Add(new CampaignSeed(
                "examples/" + name,
                File.ReadAllBytes(Path.Combine(folder, "campaign.yaml")),
                File.ReadAllBytes(Path.Combine(folder, "campaign.wom")),
                File.ReadAllBytes(Path.Combine(folder, "events.jsonl")),
                File.Exists(state) ? File.ReadAllBytes(state) : null));
        }

        for (var seed = 1; seed <= GeneratedCampaigns; seed++)
        {
            var (yaml, events) = new CampaignGenerator(seed).Generate();
            var dsl = CampaignFormatter.Format(yaml, null, CampaignFormat.Yaml, CampaignFormat.Dsl).Text;
            if (dsl is not null)
            {
                campaigns.Add(new CampaignSeed($"generated/{seed}", Encoding.UTF8.GetBytes(yaml), Encoding.UTF8.GetBytes(dsl), Encoding.UTF8.GetBytes(string.Join('\n', events) + "\n"), null));
            }
        }

        return new Corpus(campaigns, [.. campaigns.Where(c => c.Name.StartsWith("examples/", StringComparison.Ordinal)).Select(SaveState)]);
    }

    /// <summary>Runs the first half of the events with <c>run --save-state</c>, as an operator would before resuming.</summary>
    private static StateSeed SaveState(CampaignSeed seed)
    {
        var folder = Directory.CreateTempSubdirectory("womrules-fuzz-seed-").FullName;
        try
        {
            var lines = ByteMutator.Split(seed.Events);
            var half = lines.Count / 2;
            File.WriteAllBytes(Path.Combine(folder, "campaign.yaml"), seed.Yaml);
            File.WriteAllBytes(Path.Combine(folder, "first.jsonl"), ByteMutator.Join(lines.Take(half)));
            var args = new List<string> { "run", Path.Combine(folder, "campaign.yaml"), Path.Combine(folder, "first.jsonl"), "--save-state", Path.Combine(folder, "state.json") };
            if (seed.State is not null)
            {
                File.WriteAllBytes(Path.Combine(folder, "initial.json"), seed.State);
                args.AddRange(["--state", Path.Combine(folder, "initial.json")]);
            }

            var result = new InProcessCli(TimeSpan.FromSeconds(60)).Run([.. args]);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"cannot produce a state file from {seed.Name}: {result.Stderr}{result.Crash}");
            }

            return new StateSeed(seed, File.ReadAllBytes(Path.Combine(folder, "state.json")), ByteMutator.Join(lines.Skip(half)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
