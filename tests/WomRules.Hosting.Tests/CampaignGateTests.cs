using FluentAssertions;

namespace WomRules.Hosting.Tests;

public sealed class CampaignGateTests
{
    [Fact]
    public void TryEnter_takes_a_free_gate_and_fails_on_a_held_one()
    {
        using var gate = new CampaignGate();
        gate.TryEnter().Should().BeTrue();
        gate.TryEnter().Should().BeFalse();
        gate.Exit();
        gate.TryEnter().Should().BeTrue();
        gate.Exit();
    }

    [Fact]
    public async Task A_waiter_gets_the_gate_when_the_holder_leaves_and_not_before()
    {
        using var gate = new CampaignGate();
        gate.TryEnter().Should().BeTrue();
        var waiting = gate.EnterAsync().AsTask();
        await Task.Delay(50);
        waiting.IsCompleted.Should().BeFalse();

        gate.Exit();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        gate.TryEnter().Should().BeFalse("the waiter holds it now");
        gate.Exit();
        gate.TryEnter().Should().BeTrue();
        gate.Exit();
    }

    [Fact]
    public async Task A_waiter_that_gives_up_does_not_hold_the_gate_and_loses_no_hand_off()
    {
        using var gate = new CampaignGate();
        gate.TryEnter().Should().BeTrue();
        using var cancel = new CancellationTokenSource();
        var givingUp = gate.EnterAsync(cancel.Token).AsTask();
        var next = gate.EnterAsync().AsTask();
        await cancel.CancelAsync();
        await givingUp.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();

        // The hand-off meant for the waiter that gave up goes on to the next one.
        gate.Exit();
        await next.WaitAsync(TimeSpan.FromSeconds(10));
        gate.Exit();

        // And the gate is free again, on its fast path.
        await EnterFreeGateAsync(gate);
        gate.Exit();
    }

    /// <summary>
    /// Four threads entering over and over, some giving up while they wait: never two inside at once, and the gate ends
    /// free. (Threads of their own, so they truly run side by side; a wait blocks its thread.)
    /// </summary>
    [Fact]
    public async Task Under_contention_with_cancellations_only_one_party_is_ever_inside()
    {
        using var gate = new CampaignGate();
        var inside = 0;
        var overlaps = 0;
        var entered = 0;
        var cancelled = 0;
        var waited = 0;
        var threads = Enumerable.Range(0, 4).Select(worker => new Thread(() =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 400; i++)
            {
                if (random.Next(3) == 0 && gate.TryEnter())
                {
                    // Entered without waiting.
                }
                else
                {
                    using var cancel = new CancellationTokenSource();
                    var entering = gate.EnterAsync(cancel.Token);
                    if (!entering.IsCompleted)
                    {
                        Interlocked.Increment(ref waited);
                        if (random.Next(4) == 0)
                        {
                            cancel.Cancel();
                        }
                    }

                    try
                    {
                        entering.AsTask().GetAwaiter().GetResult();
                    }
                    catch (OperationCanceledException)
                    {
                        Interlocked.Increment(ref cancelled);
                        continue;
                    }
                }

                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Interlocked.Increment(ref entered);
                Thread.SpinWait(random.Next(10, 500));
                Interlocked.Decrement(ref inside);
                gate.Exit();
                Thread.SpinWait(random.Next(0, 100));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join(TimeSpan.FromSeconds(60)).Should().BeTrue("a thread is stuck at the gate"));

        overlaps.Should().Be(0);
        waited.Should().BePositive("the threads contended");
        cancelled.Should().BePositive("some parties gave up while waiting");
        (entered + cancelled).Should().Be(4 * 400);
        await EnterFreeGateAsync(gate);
        gate.Exit();
    }

    // A given-up waiter passes its hand-off on from a continuation: allow it a moment to run.
    private static async Task EnterFreeGateAsync(CampaignGate gate)
    {
        for (var i = 0; i < 500; i++)
        {
            if (gate.TryEnter())
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException("the gate never came free: a hand-off was lost");
    }
}
