using WomRules.Runtime;
using WomRules.StoreConformance;

namespace WomRules.Tests.Stores;

/// <summary>The store conformance suite against the in-memory store; reopening is a save and load of the state file.</summary>
public sealed class InMemoryStoreConformanceTests : StoreConformanceTests
{
    protected override bool CanAbandonBatch => false;

    protected override IParticipantStore CreateStore(CompiledCampaign campaign) => new InMemoryParticipantStore();

    protected override CampaignEngine Restart(IParticipantStore store, CompiledCampaign campaign) => new(campaign, Reopen(store, campaign));

    protected override IParticipantStore Reopen(IParticipantStore store, CompiledCampaign campaign)
    {
        using var file = new MemoryStream();
        ((InMemoryParticipantStore)store).WriteTo(file, campaign);
        file.Position = 0;
        return InMemoryParticipantStore.ReadFrom(file, campaign);
    }
}
