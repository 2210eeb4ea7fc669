using WomRules.Runtime;
using WomRules.StoreConformance;
using WomRules.Tests.Support;

namespace WomRules.Tests.Stores;

/// <summary>The edges of the campaign-wide state a host's store keeps (docs/stores.md): bad rows, failed clock commits.</summary>
public sealed class RehydrationTests
{
    private const string Yaml = """
        womrules: 1
        campaign: rehydration
        events:
          order.placed: { total: int }
        rules:
          - name: order-bonus
            on: order.placed
            rewards: [ { points: event.total } ]
        """;

    private const string Order = """{"id":"o1","type":"order.placed","at":"2026-03-01T10:00:00Z","actor":"ann","attributes":{"total":50}}""";
    private const string Undo = """{"id":"u1","type":"event.reversed","at":"2026-03-02T10:00:00Z","actor":"ops","attributes":{"target":"o1"}}""";

    [Fact]
    public void A_stored_ledger_entry_that_is_not_valid_gives_a_rejected_reversal_naming_the_event()
    {
        var campaign = CampaignRunner.Compile(Yaml);
        var data = new SnapshotStoreData();
        new CampaignEngine(campaign, new SnapshotStore(campaign, data)).ProcessJson(Order);
        data.Ledger["o1"] = new LedgerEntrySnapshot("o1", data.Ledger["o1"].At, false, false, """{"at":"2026-03-01T10:00:00Z","grants":[{"participant":"ann","points":-5}]}""");

        var outcome = new SnapshotStore(campaign, data).Rehydrate().ProcessJson(Undo).Should().ContainSingle().Which;
        outcome.Should().BeOfType<RejectedOutcome>().Which.Reason.Should().Contain("ledger entry of event 'o1'");
        data.Participants["ann"].Points.Should().Be(50, "nothing of the reversal is applied");
    }

    [Fact]
    public void A_reversal_after_a_restart_takes_back_what_it_would_have_without_one()
    {
        var campaign = CampaignRunner.Compile(Yaml);
        var expected = new CampaignEngine(campaign);
        var outcomes = new[] { Order, Undo }.SelectMany(expected.ProcessJson).Select(o => o.ToJson()).ToList();
        outcomes.Should().Contain(o => o.Contains("\"reversed\"", StringComparison.Ordinal));

        var data = new SnapshotStoreData();
        var actual = new CampaignEngine(campaign, new SnapshotStore(campaign, data)).ProcessJson(Order).Select(o => o.ToJson()).ToList();
        actual.AddRange(new SnapshotStore(campaign, data).Rehydrate().ProcessJson(Undo).Select(o => o.ToJson()));
        actual.Should().Equal(outcomes);
        data.Ledger["o1"].Reversed.Should().BeTrue("the change carried the target's entry, marked reversed");
        data.Ledger["u1"].IsReversal.Should().BeTrue();
    }

    [Fact]
    public void A_clock_the_store_fails_to_take_goes_back_and_the_event_can_be_sent_again()
    {
        var campaign = CampaignRunner.Compile(Yaml);
        var store = new FailingStore(new SnapshotStore(campaign));
        var engine = new CampaignEngine(campaign, store);
        engine.ProcessJson(Order);
        var clock = engine.Clock;

        // Rejected for its content: the clock moves, and the store gets a change with the clock alone.
        const string overdraw = """{"id":"r1","type":"points.redeemed","at":"2026-03-05T10:00:00Z","actor":"ann","attributes":{"points":500}}""";
        store.FailCommitAt = store.Commits;
        var failure = engine.Invoking(e => e.ProcessJson(overdraw)).Should().Throw<StoreCommitException>().Which;
        failure.EventId.Should().Be("r1");
        failure.EngineFaulted.Should().BeFalse();
        engine.Clock.Should().Be(clock, "the engine's clock goes back to the store's");

        engine.ProcessJson(overdraw).Should().ContainSingle().Which.Should().BeOfType<RejectedOutcome>();
        engine.Clock.Should().Be(DateTimeOffset.Parse("2026-03-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        ((SnapshotStore)store.Inner).Data.Clock.Should().Be(engine.Clock, "the store holds the clock the rejected event moved");
    }

    [Fact]
    public void Rehydrating_over_the_in_memory_store_is_refused()
    {
        var campaign = CampaignRunner.Compile(Yaml);
        var state = new CampaignStateSnapshot(0, 0m, null, new Dictionary<string, DateTimeOffset?>());
        FluentActions.Invoking(() => CampaignEngine.Rehydrate(campaign, new InMemoryParticipantStore(), state, [], []))
            .Should().Throw<ArgumentException>().WithMessage("*state file*");
    }
}
