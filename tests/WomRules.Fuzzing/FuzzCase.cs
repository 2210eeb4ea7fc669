using System.Text;
using System.Text.Json.Nodes;

namespace WomRules.Fuzzing;

/// <summary>
/// One generated input: a campaign (in the form its file name says), an events file and an optional state file, all
/// derived from <see cref="Seed"/> alone, so that <c>--replay SEED</c> rebuilds it byte for byte.
/// </summary>
internal sealed record FuzzCase(int Seed, FuzzTarget Target, string Origin, string CampaignFile, byte[] Campaign, byte[] Events, byte[]? State)
{
    public string CampaignText => Encoding.UTF8.GetString(Campaign);

    public static FuzzCase Generate(int seed, Corpus corpus)
    {
        var random = new Random(seed);
        var target = (FuzzTarget)random.Next(4);
        var mutations = 1 + random.Next(3);
        switch (target)
        {
            case FuzzTarget.YamlCampaign or FuzzTarget.DslCampaign:
            {
                var origin = corpus.Campaigns[random.Next(corpus.Campaigns.Count)];
                var dsl = target == FuzzTarget.DslCampaign;
                var bytes = dsl ? origin.Dsl : origin.Yaml;
                for (var i = 0; i < mutations; i++)
                {
                    bytes = CampaignMutator.Mutate(bytes, dsl, random, dsl ? corpus.AllDsl : corpus.AllYaml);
                }

                return new FuzzCase(seed, target, origin.Name, dsl ? "campaign.wom" : "campaign.yaml", bytes, origin.Events, null);
            }

            case FuzzTarget.Events:
            {
                var origin = corpus.Campaigns[random.Next(corpus.Campaigns.Count)];
                var bytes = origin.Events;
                for (var i = 0; i < mutations; i++)
                {
                    bytes = MutateEvents(bytes, random, corpus.AllEvents);
                }

                return new FuzzCase(seed, target, origin.Name, "campaign.yaml", origin.Yaml, bytes, origin.State);
            }

            default:
            {
                var origin = corpus.States[random.Next(corpus.States.Count)];
                var bytes = origin.State;
                for (var i = 0; i < mutations; i++)
                {
                    bytes = JsonMutator.Mutate(bytes, random, indented: true) ?? ByteMutator.Mutate(bytes, random, corpus.AllStates);
                }

                // Half the mutated files are sealed again, as an operator's deliberate edit would be with `state seal`:
                // otherwise nearly all stop at the checksum and never reach the checks of the values behind it.
                if (random.Next(2) == 0)
                {
                    bytes = Reseal(bytes);
                }

                return new FuzzCase(seed, target, origin.Campaign.Name, "campaign.yaml", origin.Campaign.Yaml, origin.RestOfEvents, bytes);
            }
        }
    }

    private static byte[] Reseal(byte[] state)
    {
        try
        {
            return WomRules.Tests.Support.StateChecksum.Seal(state);
        }
        catch (InvalidOperationException)
        {
            return state; // the mutation took the checksum member away
        }
    }

    /// <summary>One line mutated as JSON (or as bytes), a line repeated under fresh ids (to push totals toward budgets and limits), or the file mutated as bytes.</summary>
    private static byte[] MutateEvents(byte[] events, Random random, IReadOnlyList<byte[]> others)
    {
        var lines = ByteMutator.Split(events);
        if (lines.Count == 0 || random.Next(6) == 0)
        {
            return ByteMutator.Mutate(events, random, others);
        }

        var at = random.Next(lines.Count);
        if (random.Next(5) == 0 && Repeat(lines[at], random) is { } copies)
        {
            lines.InsertRange(at + 1, copies);
            return ByteMutator.Join(lines);
        }

        lines[at] = JsonMutator.Mutate(lines[at], random, indented: false) ?? ByteMutator.Mutate(lines[at], random, others);
        return ByteMutator.Join(lines.SelectMany(l => ByteMutator.Split(l).DefaultIfEmpty([])));
    }

    private static List<byte[]>? Repeat(byte[] line, Random random)
    {
        try
        {
            if (JsonNode.Parse(line) is not JsonObject obj || obj["id"]?.GetValue<string>() is not { } id)
            {
                return null;
            }

            var copies = new List<byte[]>();
            var count = random.Next(2, 40);
            for (var i = 0; i < count; i++)
            {
                obj["id"] = $"{id}-again-{i}";
                copies.Add(Encoding.UTF8.GetBytes(obj.ToJsonString()));
            }

            return copies;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }
}
