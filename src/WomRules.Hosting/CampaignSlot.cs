using System.Runtime.CompilerServices;
using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>
/// One running campaign: its lock (one request at a time: the engine is not thread-safe), the version now running
/// and its state. <see cref="Current"/> changes only under <see cref="Gate"/>, between requests.
/// </summary>
internal sealed class CampaignSlot : IDisposable
{
    // What the store has issued, as the budget gauge reads it: written under Gate after each request that issued something,
    // read by the gauge's callback on any thread. Points are one word; credit, a decimal, is under a sequence lock, so
    // the writer never waits and a reader never sees it half-written (it retries instead). What is left is worked out
    // by the reader, against the running version's budgets.
    private long pointsIssued;
    private int creditVersion;
    private decimal creditIssued;
    private volatile CampaignVersion current;

    public CampaignSlot(CampaignVersion version, CampaignState state, CampaignSourceOptions source, string? path)
    {
        current = version;
        State = state;
        Source = source;
        Path = path;
        PublishIssued(force: true);
    }

    public string Id => current.Info.Id;

    /// <summary>The campaign file (resolved against the content root), or null for text.</summary>
    public string? Path { get; }

    public CampaignSourceOptions Source { get; }

    public CampaignGate Gate { get; } = new();

    /// <summary>Serializes reloads of this campaign (a file event and an explicit reload).</summary>
    public SemaphoreSlim ReloadGate { get; } = new(1, 1);

    public CampaignVersion Current
    {
        get => current;
        set => current = value;
    }

    public CampaignState State { get; }

    /// <summary>The most outcomes the slot's reused list keeps room for between requests.</summary>
    public const int KeptOutcomeCapacity = 256;

    /// <summary>The outcomes of the request in progress (under <see cref="Gate"/>); the result gets an exact-size copy.</summary>
    public List<Outcome> Outcomes { get; } = new(8);

    /// <summary>The running totals behind the meter's counters (they carry over a reload).</summary>
    public CampaignCounters Counters { get; } = new();

    /// <summary>
    /// Publishes what the store has issued for the budget gauge (under <see cref="Gate"/>, after each request, and after a
    /// reload, whose version may add a budget). Nothing is written when nothing changed, or when the campaign has no budget.
    /// </summary>
    public void PublishIssued(bool force = false)
    {
        var campaign = current.Campaign;
        if (campaign.PointsBudget is null && campaign.CreditBudget is null && !force)
        {
            return;
        }

        var points = State.PointsIssued;
        if (force || points != pointsIssued)
        {
            Volatile.Write(ref pointsIssued, points);
        }

        // The same bits: unchanged (the same amount at another scale only costs a needless write).
        var credit = State.CreditIssued;
        if (force || Unsafe.As<decimal, Int128>(ref credit) != Unsafe.As<decimal, Int128>(ref creditIssued))
        {
            Interlocked.Increment(ref creditVersion); // odd: a write is in progress (a full fence: the field moves after it)
            creditIssued = credit;
            Volatile.Write(ref creditVersion, creditVersion + 1); // even again: the field is written before it
        }
    }

    /// <summary>What is left of each budget the running version has (null: no such budget).</summary>
    public (long? Points, decimal? Credit) BudgetLeft()
    {
        var campaign = current.Campaign;
        var points = Volatile.Read(ref pointsIssued);
        var spinner = default(SpinWait);
        while (true)
        {
            var before = Volatile.Read(ref creditVersion);
            if ((before & 1) == 0)
            {
                var credit = creditIssued;
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref creditVersion) == before)
                {
                    return (campaign.PointsBudget - points, campaign.CreditBudget - credit);
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
