using System.Text.Json;
using WomRules.Emit;
using WomRules.Runtime;
using WomRules.StoreConformance;
using WomRules.Tests.Support;

namespace WomRules.Tests.Stores;

/// <summary>
/// A restart over a host's store loses nothing (docs/stores.md, issue 13): on generated campaigns (reversals, pending
/// grants, expiry lots, tiers with keep and downgrade, accept_late, identity signals) and both evaluators, a run through
/// a <see cref="SnapshotStore"/> restarted at a random point with a NEW engine made only from what the store holds
/// (<see cref="CampaignEngine.Rehydrate"/>), then continued, equals the uninterrupted in-memory run: every outcome, the
/// totals, the clock and every participant.
/// </summary>
public sealed class RehydrationPropertyTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 60));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_new_engine_rehydrated_from_the_store_at_a_random_split_continues_as_an_uninterrupted_run(int seed)
    {
        var (yaml, events) = new CampaignGenerator(seed).Generate();
        var random = new Random(seed);
        foreach (var evaluator in new[] { EvaluatorKind.Compiled, EvaluatorKind.Reference })
        {
            var campaign = CampaignRunner.Compile(yaml, evaluator);
            var reference = new CampaignEngine(campaign);
            var expected = Run(reference, events);
            expected.Should().NotBeEmpty();

            // Two restarts, so a rehydrated engine's own changes are checked to rehydrate too.
            var first = random.Next(events.Length + 1);
            var second = random.Next(first, events.Length + 1);
            var data = new SnapshotStoreData();
            var outcomes = Run(new CampaignEngine(campaign, new SnapshotStore(campaign, data)), events[..first]);
            outcomes.AddRange(Run(new SnapshotStore(campaign, data).Rehydrate(), events[first..second]));
            var last = new SnapshotStore(campaign, data).Rehydrate();
            outcomes.AddRange(Run(last, events[second..]));

            var because = $"seed {seed}, {evaluator}, restarted before lines {first} and {second}";
            outcomes.Should().Equal(expected, because);
            last.Clock.Should().Be(reference.Clock, because);
            last.Store.PointsIssued.Should().Be(reference.Store.PointsIssued, because);
            last.Store.CreditIssued.Should().Be(reference.Store.CreditIssued, because);
            var memory = (InMemoryParticipantStore)reference.Store;
            data.Participants.Keys.Should().BeEquivalentTo(memory.Participants.Select(p => p.Id), because);
            foreach (var participant in memory.Participants)
            {
                JsonSerializer.Serialize(data.Participants[participant.Id]).Should().Be(JsonSerializer.Serialize(participant.ToSnapshot()), because);
            }
        }
    }

    /// <summary>
    /// A state file copied into a host's store (what <c>state import</c> does): the in-memory store's participants,
    /// campaign state, ledger entries and pending grants, written as rows, then a rehydrated engine continues as the
    /// uninterrupted run.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void An_in_memory_state_copied_into_a_host_store_at_a_random_split_continues_as_an_uninterrupted_run(int seed)
    {
        var (yaml, events) = new CampaignGenerator(seed).Generate();
        var split = new Random(seed).Next(events.Length + 1);
        var campaign = CampaignRunner.Compile(yaml, EvaluatorKind.Compiled);
        var expected = Run(new CampaignEngine(campaign), events);

        var engine = new CampaignEngine(campaign);
        var outcomes = Run(engine, events[..split]);
        var memory = (InMemoryParticipantStore)engine.Store;
        var state = memory.ToCampaignStateSnapshot();
        var data = new SnapshotStoreData { PointsIssued = state.PointsIssued, CreditIssued = state.CreditIssued, Clock = state.Clock, NextGrant = state.NextGrant };
        foreach (var participant in memory.Participants)
        {
            data.Participants[participant.Id] = participant.ToSnapshot();
        }

        foreach (var (id, at) in state.SeenEvents)
        {
            data.Seen[id] = at;
        }

        foreach (var entry in memory.LedgerEntries)
        {
            data.Ledger[entry.EventId] = entry;
        }

        foreach (var pending in memory.PendingGrants)
        {
            data.Pending[pending.Grant] = pending;
        }

        outcomes.AddRange(Run(new SnapshotStore(campaign, data).Rehydrate(), events[split..]));
        outcomes.Should().Equal(expected, $"seed {seed}, copied at {split}");
    }

    private static List<string> Run(CampaignEngine engine, string[] lines) => lines.SelectMany(engine.ProcessJson).Select(o => o.ToJson()).ToList();
}
