using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>
/// The in-memory store: a batch of events is a batch of the store (docs/stores.md), which notes what the batch changes
/// as it goes and, refused, puts back just that; so refusing a batch costs what it touched, not a copy of the state.
/// </summary>
internal sealed class InMemoryCampaignState : CampaignState
{
    private CompiledCampaign campaign;
    private InMemoryParticipantStore store;
    private CampaignEngine engine;
    private bool batched;

    public InMemoryCampaignState(CompiledCampaign campaign)
    {
        this.campaign = campaign;
        store = new InMemoryParticipantStore(campaign);
        engine = new CampaignEngine(campaign, store);
    }

    public override CampaignEngine Engine => engine;

    public override long PointsIssued => store.PointsIssued;

    public override decimal CreditIssued => store.CreditIssued;

    // One event needs no batch: the engine applies an event wholly or not at all (a rejected one changes nothing but
    // the clock), and a single event is never rolled back.
    public override void Begin(int events)
    {
        // A request that threw before its commit or rollback left its batch open: nothing of it stands.
        Rollback();
        batched = events > 1;
        if (batched)
        {
            ((IParticipantStore)store).BeginBatch();
        }
    }

    public override void Commit(ReadOnlySpan<string> lines)
    {
        if (batched)
        {
            batched = false;
            ((IParticipantStore)store).CompleteBatch();
        }
    }

    public override void Rollback()
    {
        if (batched)
        {
            batched = false;
            ((IParticipantStore)store).AbandonBatch();
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
