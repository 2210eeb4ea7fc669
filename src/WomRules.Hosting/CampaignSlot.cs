namespace WomRules.Hosting;

/// <summary>
/// One running campaign: its lock (one request at a time: the engine is not thread-safe), the version now running
/// and its state. <see cref="Current"/> changes only under <see cref="Gate"/>, between requests.
/// </summary>
internal sealed class CampaignSlot : IDisposable
{
    private readonly object budgetGate = new();
    private long? pointsLeft;
    private decimal? creditLeft;
    private volatile CampaignVersion current;

    public CampaignSlot(CampaignVersion version, CampaignState state, CampaignSourceOptions source, string? path)
    {
        current = version;
        State = state;
        Source = source;
        Path = path;
        UpdateBudget();
    }

    public string Id => current.Info.Id;

    /// <summary>The campaign file (resolved against the content root), or null for text.</summary>
    public string? Path { get; }

    public CampaignSourceOptions Source { get; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Serializes reloads of this campaign (a file event and an explicit reload).</summary>
    public SemaphoreSlim ReloadGate { get; } = new(1, 1);

    public CampaignVersion Current
    {
        get => current;
        set => current = value;
    }

    public CampaignState State { get; }

    /// <summary>Refreshes what the budget gauge reads (under <see cref="Gate"/>, after each request).</summary>
    public void UpdateBudget()
    {
        var campaign = current.Campaign;
        lock (budgetGate)
        {
            pointsLeft = campaign.PointsBudget is { } points ? points - State.PointsIssued : null;
            creditLeft = campaign.CreditBudget is { } credit ? credit - State.CreditIssued : null;
        }
    }

    public (long? Points, decimal? Credit) BudgetLeft()
    {
        lock (budgetGate)
        {
            return (pointsLeft, creditLeft);
        }
    }

    public void Dispose()
    {
        State.Dispose();
        Gate.Dispose();
        ReloadGate.Dispose();
    }
}
