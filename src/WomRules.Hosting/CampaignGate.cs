namespace WomRules.Hosting;

/// <summary>
/// A campaign's async mutual exclusion (one request at a time: the engine is not thread-safe), built so that the
/// usual case, nobody else inside, costs one atomic operation to enter and one to leave. <see cref="SemaphoreSlim"/>
/// takes a monitor on both, which on the per-event path of the hosting benchmark was a measurable share of the layer's
/// cost (docs/performance.md).
/// </summary>
/// <remarks>
/// <see cref="count"/> is the holder plus everyone waiting. Whoever raises it from 0 holds the gate; anyone else waits
/// for <see cref="handoff"/>, which a leaving holder releases once when someone is still counted. So exactly one party
/// can hold the gate at any moment. A waiter that gives up (cancellation) stays counted until its hand-off arrives, and
/// then passes it straight on, so no hand-off is lost and none is doubled.
/// </remarks>
internal sealed class CampaignGate : IDisposable
{
    private readonly SemaphoreSlim handoff = new(0, int.MaxValue);
    private int count;

    /// <summary>Enters when the gate is free, without waiting; false when someone holds it or waits for it.</summary>
    public bool TryEnter() => Interlocked.CompareExchange(ref count, 1, 0) == 0;

    /// <summary>
    /// Enters, waiting (asynchronously, first come first served) while another party holds the gate. Cancellation is
    /// honoured while waiting: the caller then does not hold the gate.
    /// </summary>
    public ValueTask EnterAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Interlocked.Increment(ref count) == 1 ? default : WaitForHandoffAsync(cancellationToken);
    }

    /// <summary>Leaves the gate; the longest waiter, if any, holds it next.</summary>
    public void Exit()
    {
        if (Interlocked.Decrement(ref count) > 0)
        {
            handoff.Release();
        }
    }

    public void Dispose() => handoff.Dispose();

    // A hand-off that reached a party which had given up: it goes on as if that party had entered and left. If the gate
    // was disposed meanwhile (its campaign closed), nobody is left to hand it to.
    private static void PassOn(CampaignGate gate, Task arrived)
    {
        if (arrived.IsCompletedSuccessfully)
        {
            try
            {
                gate.Exit();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async ValueTask WaitForHandoffAsync(CancellationToken cancellationToken)
    {
        // Waited for without the token: once counted, this party is owed a hand-off and must take it, even after giving up.
        var handoffArrived = handoff.WaitAsync(CancellationToken.None);
        if (!cancellationToken.CanBeCanceled)
        {
            await handoffArrived.ConfigureAwait(false);
            return;
        }

        try
        {
            await handoffArrived.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Given up: when the hand-off comes, it goes on to the next party at once.
            _ = handoffArrived.ContinueWith(static (arrived, gate) => PassOn((CampaignGate)gate!, arrived), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }
}
