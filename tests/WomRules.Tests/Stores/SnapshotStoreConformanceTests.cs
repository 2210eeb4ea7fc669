using WomRules.Runtime;
using WomRules.StoreConformance;

namespace WomRules.Tests.Stores;

/// <summary>
/// The store conformance suite against <see cref="SnapshotStore"/>, the suite's own store written only against the
/// public contract: a host's store goes through the engine's copy path, and every state it hands back is rebuilt from
/// a <see cref="ParticipantSnapshot"/>.
/// </summary>
public sealed class SnapshotStoreConformanceTests : StoreConformanceTests
{
    protected override IParticipantStore CreateStore(CompiledCampaign campaign) => new SnapshotStore(campaign);

    protected override CampaignEngine Restart(IParticipantStore store, CompiledCampaign campaign) => ((SnapshotStore)Reopen(store, campaign)).Rehydrate();

    protected override IParticipantStore Reopen(IParticipantStore store, CompiledCampaign campaign) => new SnapshotStore(campaign, ((SnapshotStore)store).Data);
}
