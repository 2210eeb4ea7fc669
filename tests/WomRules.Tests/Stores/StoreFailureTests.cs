using WomRules.Runtime;
using WomRules.StoreConformance;
using WomRules.Tests.Support;

namespace WomRules.Tests.Stores;

/// <summary>What the engine does when a host's store fails or refuses a commit outside one event's own commit (docs/stores.md).</summary>
public sealed class StoreFailureTests
{
    private const string PendingYaml = """
        womrules: 1
        campaign: pending
        events:
          order.placed: { total: int }
        rules:
          - name: order-bonus
            on: order.placed
            rewards: [ { points: event.total, pending: 1d } ]
        """;

    [Fact]
    public void A_time_driven_effect_the_store_fails_to_commit_faults_the_engine()
    {
        var campaign = CampaignRunner.Compile(PendingYaml);
        var store = new FailingStore(new SnapshotStore(campaign));
        var engine = new CampaignEngine(campaign, store);
        engine.ProcessJson("""{"id":"o1","type":"order.placed","at":"2026-03-01T10:00:00Z","actor":"ann","attributes":{"total":50}}""")
            .Should().ContainSingle().Which.Kind.Should().Be("reward");
        store.FailCommitAt = store.Commits;

        // The release is due at the next event's time; its own commit fails, before the event is applied.
        var failure = engine.Invoking(e => e.ProcessJson("""{"id":"o2","type":"order.placed","at":"2026-03-03T10:00:00Z","actor":"bo","attributes":{"total":5}}"""))
            .Should().Throw<StoreCommitException>().Which;
        failure.EventId.Should().BeNull("a release belongs to no event");
        failure.EngineFaulted.Should().BeTrue();
        store.HasSeenEvent("o2").Should().BeFalse();
        store.Find("ann")!.PendingPoints.Should().Be(50, "the release was not applied");
        engine.Invoking(e => e.ProcessJson("""{"id":"o3","type":"order.placed","at":"2026-03-03T11:00:00Z","actor":"bo","attributes":{"total":5}}"""))
            .Should().Throw<InvalidOperationException>().WithMessage("*new engine*");
        engine.Invoking(e => e.AdvanceTo(DateTimeOffset.Parse("2026-03-04T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)))
            .Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Two_engines_sharing_one_store_never_overspend_the_budget_the_store_refuses_the_second()
    {
        // Both engines read the same total, so each alone would pay; the store's conditional add refuses the second,
        // which then, sent again, is skipped for the budget.
        var campaign = CampaignRunner.Compile("""
            womrules: 1
            campaign: shared
            budget: { points: 150 }
            events:
              order.placed: { total: int }
            rules:
              - { name: bonus, on: order.placed, rewards: [ { points: 100 } ] }
            """);
        var data = new SnapshotStoreData();
        var first = new CampaignEngine(campaign, new SnapshotStore(campaign, data));
        var second = new CampaignEngine(campaign, new SnapshotStore(campaign, data));
        var staleSecond = new StaleTotalsStore(new SnapshotStore(campaign, data), pointsIssued: 0);
        var raced = new CampaignEngine(campaign, staleSecond);

        first.ProcessJson("""{"id":"a","type":"order.placed","at":"2026-03-01T10:00:00Z","actor":"ann","attributes":{"total":1}}""")
            .Should().ContainSingle().Which.Kind.Should().Be("reward");
        var refusal = raced.Invoking(e => e.ProcessJson("""{"id":"b","type":"order.placed","at":"2026-03-01T10:00:01Z","actor":"bo","attributes":{"total":1}}"""))
            .Should().Throw<StoreCommitException>().Which;
        refusal.EventId.Should().Be("b");
        refusal.EngineFaulted.Should().BeFalse();
        data.PointsIssued.Should().Be(100);

        second.ProcessJson("""{"id":"b","type":"order.placed","at":"2026-03-01T10:00:01Z","actor":"bo","attributes":{"total":1}}""")
            .Should().ContainSingle().Which.ToJson().Should().Contain("\"budget\"");
        data.PointsIssued.Should().BeLessThanOrEqualTo(150);
    }

    /// <summary>A store whose engine read its totals before another engine spent: what a race between two hosts looks like to one of them.</summary>
    private sealed class StaleTotalsStore(IParticipantStore inner, long pointsIssued) : IParticipantStore
    {
        public long PointsIssued => pointsIssued;

        public decimal CreditIssued => inner.CreditIssued;

        public ParticipantState? Find(string participantId) => inner.Find(participantId);

        public bool HasSeenEvent(string eventId) => inner.HasSeenEvent(eventId);

        public void Commit(StateChange change) => inner.Commit(change);
    }
}
