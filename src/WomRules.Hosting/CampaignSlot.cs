using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>
/// One running campaign: its lock (one request at a time: the engine is not thread-safe), the version now running
/// and its state. <see cref="Current"/> changes only under <see cref="Gate"/>, between requests.
/// </summary>
internal sealed class CampaignSlot : IDisposable
{
    // The budget gauge's copy, written under Gate after each request and read by the gauge's callback on any thread:
    // a sequence lock, so the writer never waits and a reader never sees a half-written decimal (it retries instead).
    private int budgetVersion;
    private long? pointsLeft;
    private decimal? creditLeft;
    private long pointsSeen = -1;
    private decimal creditSeen = -1;
    private volatile CampaignVersion current;

    public CampaignSlot(CampaignVersion version, CampaignState state, CampaignSourceOptions source, string? path)
    {
        current = version;
        State = state;
        Source = source;
        Path = path;
        UpdateBudget(force: true);
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

    /// <summary>One request's line, reused under <see cref="Gate"/> so a one-event request allocates no array.</summary>
    public string[] OneLine { get; } = new string[1];

    /// <summary>The most outcomes the slot's reused list keeps room for between requests.</summary>
    public const int KeptOutcomeCapacity = 256;

    /// <summary>The outcomes of the request in progress (under <see cref="Gate"/>); the result gets an exact-size copy.</summary>
    public List<Outcome> Outcomes { get; } = new(8);

    /// <summary>
    /// Refreshes what the budget gauge reads (under <see cref="Gate"/>, after each request); <paramref name="force"/>
    /// after a reload, whose budgets may differ. Nothing is written when nothing was issued since the last call.
    /// </summary>
    public void UpdateBudget(bool force = false)
    {
        var campaign = current.Campaign;
        if (campaign.PointsBudget is null && campaign.CreditBudget is null && !force)
        {
            return;
        }

        var pointsIssued = State.PointsIssued;
        var creditIssued = State.CreditIssued;
        if (!force && pointsIssued == pointsSeen && creditIssued == creditSeen)
        {
            return;
        }

        pointsSeen = pointsIssued;
        creditSeen = creditIssued;
        Interlocked.Increment(ref budgetVersion); // odd: a write is in progress (a full fence: the fields move after it)
        pointsLeft = campaign.PointsBudget is { } points ? points - pointsIssued : null;
        creditLeft = campaign.CreditBudget is { } credit ? credit - creditIssued : null;
        Volatile.Write(ref budgetVersion, budgetVersion + 1); // even again: the fields are written before it
    }

    public (long? Points, decimal? Credit) BudgetLeft()
    {
        var spinner = default(SpinWait);
        while (true)
        {
            var before = Volatile.Read(ref budgetVersion);
            if ((before & 1) == 0)
            {
                var points = pointsLeft;
                var credit = creditLeft;
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref budgetVersion) == before)
                {
                    return (points, credit);
                }
            }

            spinner.SpinOnce();
        }
    }

    public void Dispose()
    {
        State.Dispose();
        Gate.Dispose();
        ReloadGate.Dispose();
    }
}
