using WomRules.Emit;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Stores;

/// <summary>
/// The in-memory store's public <see cref="InMemoryParticipantStore.Commit"/> keeps every field of a
/// <see cref="StateChange"/> (issue 13): on generated campaigns (reversals, pending grants, expiry lots, tiers with keep
/// and downgrade, accept_late) and both evaluators, an engine over a thin wrapper of the store (the contract path, as
/// the SQLite store uses it) leaves a state file byte for byte equal to an engine directly over the store.
/// </summary>
public sealed class InMemoryContractCommitPropertyTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 60));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void An_engine_over_a_wrapper_of_the_in_memory_store_writes_the_state_file_of_a_direct_engine(int seed)
    {
        var (yaml, events) = new CampaignGenerator(seed).Generate();
        foreach (var evaluator in new[] { EvaluatorKind.Compiled, EvaluatorKind.Reference })
        {
            var campaign = CampaignRunner.Compile(yaml, evaluator);
            var direct = new CampaignEngine(campaign);
            var expected = Run(direct, events);
            var inner = new InMemoryParticipantStore(campaign);
            var wrapped = new CampaignEngine(campaign, new Wrapper(inner));
            var because = $"seed {seed}, {evaluator}";
            Run(wrapped, events).Should().Equal(expected, because);
            StateText(inner, campaign).Should().Be(StateText((InMemoryParticipantStore)direct.Store, campaign), because);
        }
    }

    private static string StateText(InMemoryParticipantStore store, CompiledCampaign campaign)
    {
        using var stream = new MemoryStream();
        store.WriteTo(stream, campaign);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static List<string> Run(CampaignEngine engine, string[] lines) => lines.SelectMany(engine.ProcessJson).Select(o => o.ToJson()).ToList();

    /// <summary>Forwards every call: an engine over it takes the contract path (<see cref="IParticipantStore.Commit"/>).</summary>
    private sealed class Wrapper(InMemoryParticipantStore inner) : IParticipantStore
    {
        public long PointsIssued => inner.PointsIssued;

        public decimal CreditIssued => inner.CreditIssued;

        public ParticipantState? Find(string participantId) => inner.Find(participantId);

        public bool HasSeenEvent(string eventId) => inner.HasSeenEvent(eventId);

        public void Commit(StateChange change) => inner.Commit(change);

        public LedgerEntrySnapshot? FindLedgerEntry(string eventId) => inner.FindLedgerEntry(eventId);
    }
}
