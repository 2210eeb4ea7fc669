using WomRules.Runtime;
using WomRules.StoreConformance;
using WomRules.Tests.Support;

namespace WomRules.Tests.Stores;

/// <summary>The in-memory store's public <see cref="InMemoryParticipantStore.Commit"/>, as an engine over a wrapper of it uses it.</summary>
public sealed class InMemoryStoreCommitTests
{
    [Fact]
    public void Identity_records_committed_through_a_wrapper_are_kept_and_compared()
    {
        var campaign = CampaignRunner.Compile("""
            womrules: 1
            campaign: wrapped
            events:
              account.verified: { device: { type: string, identity: true } }
              referral.converted: { n: int }
            rules:
              - { name: referral, on: referral.converted, when: "not shares_identity(event.actor, event.referrer)", rewards: [ { to: referrer, points: 100 } ] }
            """);
        var inner = new InMemoryParticipantStore();
        var engine = new CampaignEngine(campaign, new FailingStore(inner));
        engine.ProcessJson("""{"id":"v1","type":"account.verified","at":"2026-03-01T08:00:00Z","actor":"ann","attributes":{"device":"d-1"}}""");
        engine.ProcessJson("""{"id":"v2","type":"account.verified","at":"2026-03-01T09:00:00Z","actor":"bo","attributes":{"device":"d-1"}}""");

        inner.Find("bo")!.ToSnapshot().Identities.Should().Equal(new IdentityValueSnapshot("device", "d-1"));
        var direct = new CampaignEngine(campaign, inner);
        direct.ProcessJson("""{"id":"r1","type":"referral.converted","at":"2026-03-02T08:00:00Z","actor":"bo","referrer":"ann","attributes":{"n":1}}""")
            .Should().NotContain(o => o.Kind == "reward", "ann and bo share a device, as recorded through the wrapper");
    }
}
