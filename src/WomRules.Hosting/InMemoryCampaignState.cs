using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>The in-memory store: a batch's rollback point is a state file of the state before it.</summary>
internal sealed class InMemoryCampaignState : CampaignState
{
    private CompiledCampaign campaign;
    private InMemoryParticipantStore store;
    private CampaignEngine engine;
    private byte[]? before;

    public InMemoryCampaignState(CompiledCampaign campaign)
    {
        this.campaign = campaign;
        store = new InMemoryParticipantStore(campaign);
        engine = new CampaignEngine(campaign, store);
    }

    public override CampaignEngine Engine => engine;

    public override long PointsIssued => store.PointsIssued;

    public override decimal CreditIssued => store.CreditIssued;

    // One event needs no copy: the engine applies an event wholly or not at all (a rejected one changes nothing but the clock).
    public override void Begin(int events) => before = events > 1 ? Serialize(store, campaign) : null;

    public override void Commit(IReadOnlyList<string> lines) => before = null;

    public override void Rollback()
    {
        if (before is not null)
        {
            Use(campaign, Deserialize(before, campaign));
            before = null;
        }
    }

    public override void SwitchTo(CompiledCampaign next) => Use(next, Deserialize(Serialize(store, campaign), next));

    public override void Dispose()
    {
    }

    private void Use(CompiledCampaign version, InMemoryParticipantStore state)
    {
        campaign = version;
        store = state;
        engine = new CampaignEngine(version, state);
    }
}
