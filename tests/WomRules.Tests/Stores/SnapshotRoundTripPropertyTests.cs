using System.Text;
using WomRules.Emit;
using WomRules.Runtime;
using WomRules.StoreConformance;
using WomRules.Tests.Support;

namespace WomRules.Tests.Stores;

/// <summary>
/// Participant snapshots lose nothing (spec v1.1 §12, issue 13): on generated campaigns (tiers with keep and downgrade,
/// expiry lots, pending grants, limits, reversals, identity signals) and both evaluators, (1) a run through a store that
/// keeps only snapshots gives the in-memory engine's outcomes, and (2) an in-memory run whose every participant is
/// replaced by its snapshot rebuilt, at any split, then continued, equals the uninterrupted run, state file included.
/// </summary>
public sealed class SnapshotRoundTripPropertyTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_store_of_snapshots_gives_the_in_memory_outcomes(int seed)
    {
        var (yaml, events) = new CampaignGenerator(seed).Generate();
        foreach (var evaluator in new[] { EvaluatorKind.Compiled, EvaluatorKind.Reference })
        {
            var campaign = CampaignRunner.Compile(yaml, evaluator);
            var expected = Run(new CampaignEngine(campaign), events);
            expected.Should().NotBeEmpty();
            Run(new CampaignEngine(campaign, new SnapshotStore(campaign)), events).Should().Equal(expected, $"seed {seed}, {evaluator}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rehydrating_every_participant_from_its_snapshot_mid_run_changes_nothing(int seed)
    {
        var (yaml, events) = new CampaignGenerator(seed).Generate();
        var split = new Random(seed).Next(events.Length + 1);
        foreach (var evaluator in new[] { EvaluatorKind.Compiled, EvaluatorKind.Reference })
        {
            var campaign = CampaignRunner.Compile(yaml, evaluator);
            var uninterrupted = new CampaignEngine(campaign);
            var expected = Run(uninterrupted, events);

            var engine = new CampaignEngine(campaign);
            var outcomes = Run(engine, events[..split]);
            var store = (InMemoryParticipantStore)engine.Store;
            foreach (var state in store.LiveParticipants.ToList())
            {
                var snapshot = state.ToSnapshot();
                var rebuilt = ParticipantState.FromSnapshot(campaign, snapshot);
                Serialize(rebuilt.ToSnapshot()).Should().Be(Serialize(snapshot), $"seed {seed}: a snapshot rebuilt is the same snapshot");
                store.Put(rebuilt);
            }

            outcomes.AddRange(Run(engine, events[split..]));
            outcomes.Should().Equal(expected, $"seed {seed}, {evaluator}, split at {split}");
            SplitRuns.Save(store, campaign).Should().Be(SplitRuns.Save((InMemoryParticipantStore)uninterrupted.Store, campaign));
        }
    }

    [Fact]
    public void A_snapshot_the_campaign_does_not_declare_is_refused_with_its_name()
    {
        var campaign = ConformanceEvents.Compile();
        var bad = new (ParticipantSnapshot Snapshot, string Name)[]
        {
            (new ParticipantSnapshot("u") { Tier = "platinum" }, "platinum"),
            (new ParticipantSnapshot("u") { Counters = new Dictionary<string, long> { ["refs"] = 1 } }, "refs"),
            (new ParticipantSnapshot("u") { Attributes = new Dictionary<string, object?> { ["age"] = 3L } }, "age"),
            (new ParticipantSnapshot("u") { Attributes = new Dictionary<string, object?> { ["country"] = 3L } }, "country"),
            (new ParticipantSnapshot("u") { LimitUsage = [new LimitUsageSnapshot("referral", false, "campaign", 0)] }, "referral"),
            (new ParticipantSnapshot("u") { RollingFirings = [new RollingFiringsSnapshot("weekly", true, [DateTimeOffset.UnixEpoch.AddDays(2), DateTimeOffset.UnixEpoch])] }, "weekly"),
            (new ParticipantSnapshot("u") { Identities = [new IdentityValueSnapshot("device", "")] }, "device"),
        };
        foreach (var (snapshot, name) in bad)
        {
            FluentActions.Invoking(() => ParticipantState.FromSnapshot(campaign, snapshot)).Should().Throw<ArgumentException>().WithMessage($"*{name}*");
        }

        var good = new ParticipantSnapshot("u") { Tier = "silver", Points = 7, Counters = new Dictionary<string, long> { ["referrals"] = 2 }, Badges = ["reviewer"] };
        Serialize(ParticipantState.FromSnapshot(campaign, good).ToSnapshot()).Should().Be(Serialize(ParticipantState.FromSnapshot(campaign, ParticipantState.FromSnapshot(campaign, good).ToSnapshot()).ToSnapshot()));
        ParticipantState.FromSnapshot(campaign, good).Should().BeEquivalentTo(new { Tier = "silver", Points = 7L, Badges = new[] { "reviewer" } });
    }

    private static string Serialize(ParticipantSnapshot snapshot) => System.Text.Json.JsonSerializer.Serialize(snapshot);

    private static List<string> Run(CampaignEngine engine, string[] lines)
    {
        var output = new List<string>();
        foreach (var line in lines)
        {
            output.AddRange(engine.ProcessJson(line).Select(o => o.ToJson()));
        }

        return output;
    }
}
