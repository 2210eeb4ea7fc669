using System.Globalization;
using CsCheck;
using WomRules.Emit;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Stores;

/// <summary>
/// The in-memory store's batches (docs/stores.md): on generated campaigns (reversals, pending grants, expiry lots,
/// tiers with keep and downgrade, accept_late, identity signals, caps and rolling windows) and both evaluators, a state
/// S reached by a random prefix, then BeginBatch, a random batch B of events and sweeps (any lines of the stream, in any
/// order: resends, late events, reversals of S's events), then AbandonBatch, leaves exactly S (the state file byte for
/// byte), and a continuation C then gives the outcomes and final state of a run that never saw B.
/// </summary>
public sealed class BatchAbandonPropertyTests
{
    private static readonly Gen<(int Seed, int Split, int[] Batch, bool Reference)> Cases =
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue].Array[1, 12], Gen.Bool);

    [Fact]
    public void Begin_a_batch_abandon_it_and_the_state_and_everything_after_are_as_if_it_never_came()
    {
        Cases.Sample(
            c =>
            {
                var (yaml, events) = new CampaignGenerator(c.Seed).Generate();
                var campaign = CampaignRunner.Compile(yaml, c.Reference ? EvaluatorKind.Reference : EvaluatorKind.Compiled);
                var lines = Augmented(events);
                var split = c.Split % (lines.Length + 1);
                var batch = c.Batch.Select(i => lines[i % lines.Length]).ToArray();

                var engine = new CampaignEngine(campaign);
                var store = (InMemoryParticipantStore)engine.Store;
                var outcomes = Run(engine, lines[..split]);
                var before = SplitRuns.Save(store, campaign);

                IParticipantStore contract = store;
                contract.BeginBatch();
                Run(engine, batch);
                contract.AbandonBatch();
                var because = $"seed {c.Seed}, split {split}, batch [{string.Join(", ", c.Batch.Select(i => i % lines.Length))}], {(c.Reference ? "reference" : "compiled")}";
                SplitRuns.Save(store, campaign).Should().Be(before, because);

                outcomes.AddRange(Run(engine, lines[split..]));
                var untouched = new CampaignEngine(campaign);
                var expected = Run(untouched, lines);
                outcomes.Should().Equal(expected, because);
                SplitRuns.Save(store, campaign).Should().Be(SplitRuns.Save((InMemoryParticipantStore)untouched.Store, campaign), because);
            },
            iter: 150);
    }

    /// <summary>
    /// The generated events with, after every fifth, a sweep (spec v1.1 §1) a day past its time, and after every third a
    /// reversal (spec v1.1 §2) of an earlier id an hour past it, so batches also move the clock, take due effects, and
    /// reverse grants (pending ones too).
    /// </summary>
    private static string[] Augmented(string[] events)
    {
        var lines = new List<string>();
        for (var i = 0; i < events.Length; i++)
        {
            lines.Add(events[i]);
            var time = DateTimeOffset.Parse(System.Text.Json.JsonDocument.Parse(events[i]).RootElement.GetProperty("at").GetString()!, CultureInfo.InvariantCulture);
            if (i % 3 == 2)
            {
                var at = time.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                lines.Add(CampaignRunner.Event($"r-{i}", "event.reversed", "u1", $"{{\"target\": \"e-{i * 7 % 37}\", \"reason\": \"returned\"}}", at: at));
            }

            if (i % 5 == 4)
            {
                lines.Add("sweep " + time.AddDays(1).ToString("O", CultureInfo.InvariantCulture));
            }
        }

        return [.. lines];
    }

    private static List<string> Run(CampaignEngine engine, string[] lines)
    {
        var outcomes = new List<string>();
        foreach (var line in lines)
        {
            var result = line.StartsWith("sweep ", StringComparison.Ordinal)
                ? engine.AdvanceTo(DateTimeOffset.Parse(line["sweep ".Length..], CultureInfo.InvariantCulture))
                : engine.ProcessJson(line);
            outcomes.AddRange(result.Select(o => o.ToJson()));
        }

        return outcomes;
    }
}
