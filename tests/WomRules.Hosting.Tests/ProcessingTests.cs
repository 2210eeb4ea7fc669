using WomRules.Runtime;

namespace WomRules.Hosting.Tests;

public sealed class ProcessingTests
{
    private static CampaignEngine BareEngine(string yaml) =>
        new(CampaignCompilation.Create(yaml).Emit().Campaign!, new InMemoryParticipantStore(CampaignCompilation.Create(yaml).Emit().Campaign!));

    [Fact]
    public async Task A_big_batchs_outcome_buffer_is_not_kept_between_requests()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(1));
        var lines = Enumerable.Range(0, 400).Select(i => TestCampaigns.Event("e-" + i, "u-" + i)).ToList();
        var result = await host.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, lines);

        // More outcomes than the slot keeps room for, and all of them in the caller's result.
        result.Outcomes.Count.Should().BeGreaterThan(CampaignSlot.KeptOutcomeCapacity);
        var slot = ((CampaignRuntime)host.Runtime).SlotFor(TestCampaigns.Id);
        slot.Outcomes.Should().BeEmpty();
        slot.Outcomes.Capacity.Should().BeLessThanOrEqualTo(CampaignSlot.KeptOutcomeCapacity);

        // A later request still gets its own outcomes, not the batch's.
        var next = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-next", "u-next"));
        next.Outcomes.Should().NotBeEmpty().And.OnlyContain(o => o.EventId == "e-next");
    }

    /// <summary>
    /// The law for the two one-event forms: over the same events (applied, sponsored, a duplicate, a rejected one, a
    /// blank line), ProcessJsonIntoAsync appends exactly the outcomes ProcessJsonAsync returns, names the same version,
    /// and leaves the same state; and it appends, keeping what the caller's collection already held.
    /// </summary>
    [Fact]
    public async Task ProcessJsonIntoAsync_appends_what_ProcessJsonAsync_returns_and_leaves_the_same_state()
    {
        await using var returning = await TestHost.StartAsync(TestCampaigns.Yaml(300));
        await using var appending = await TestHost.StartAsync(TestCampaigns.Yaml(300));
        string[] lines =
        [
            TestCampaigns.Event("e-1", "u-1", 150),
            TestCampaigns.Event("e-2", "u-2", 10, sponsored: true),
            TestCampaigns.Event("e-1", "u-1", 150),
            "{\"id\":\"bad\"}",
            "   ",
            TestCampaigns.Event("e-3", "u-1", 40),
        ];
        var appended = new List<Outcome>();
        BareEngine(TestCampaigns.Yaml(300)).ProcessJson("{\"id\":\"already-there\"}", appended);
        var sentinel = appended.Single();
        foreach (var line in lines)
        {
            var result = await returning.Runtime.ProcessJsonAsync(TestCampaigns.Id, line);
            var before = appended.Count;
            var version = await appending.Runtime.ProcessJsonIntoAsync(TestCampaigns.Id, line, appended);

            appended.Skip(before).Select(o => o.ToJson()).Should().Equal(result.Outcomes.Select(o => o.ToJson()));
            version.Revision.Should().Be(result.Campaign.Revision);
            version.ContentHash.Should().Be(result.Campaign.ContentHash);
        }

        appended[0].Should().BeSameAs(sentinel);
        appended.Should().Contain(o => o is RewardOutcome).And.Contain(o => o is DuplicateOutcome).And.Contain(o => o is RejectedOutcome && o.EventId == "bad");
        foreach (var participant in new[] { "u-1", "u-2" })
        {
            var expected = await returning.Runtime.GetParticipantAsync(TestCampaigns.Id, participant);
            var actual = await appending.Runtime.GetParticipantAsync(TestCampaigns.Id, participant);
            actual.Should().BeEquivalentTo(expected);
        }
    }

    [Fact]
    public async Task An_ICampaignRuntime_without_its_own_ProcessJsonIntoAsync_gets_one_built_on_ProcessJsonAsync()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(300));
        ICampaignRuntime wrapper = new ForwardingRuntime(host.Runtime);
        var appended = new List<Outcome>();

        var version = await wrapper.ProcessJsonIntoAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1", 150), appended);

        version.Revision.Should().Be(1);
        appended.Should().Contain(o => o is RewardOutcome).And.OnlyContain(o => o.EventId == "e-1");
    }

    // Implements only what an ICampaignRuntime must (a decorator a host might write), not ProcessJsonIntoAsync.
    private sealed class ForwardingRuntime(ICampaignRuntime inner) : ICampaignRuntime
    {
        public IReadOnlyList<CampaignInfo> Campaigns => inner.Campaigns;

        public CampaignInfo? FindCampaign(string campaignId) => inner.FindCampaign(campaignId);

        public ValueTask<CampaignResult> ProcessJsonAsync(string campaignId, string json, CancellationToken cancellationToken = default) =>
            inner.ProcessJsonAsync(campaignId, json, cancellationToken);

        public ValueTask<CampaignResult> ProcessJsonLinesAsync(string campaignId, IReadOnlyList<string> lines, CancellationToken cancellationToken = default) =>
            inner.ProcessJsonLinesAsync(campaignId, lines, cancellationToken);

        public ValueTask<ParticipantSnapshot?> GetParticipantAsync(string campaignId, string participantId, CancellationToken cancellationToken = default) =>
            inner.GetParticipantAsync(campaignId, participantId, cancellationToken);

        public ValueTask<CampaignInfo> ReloadAsync(string campaignId, CancellationToken cancellationToken = default) =>
            inner.ReloadAsync(campaignId, cancellationToken);
    }

    [Fact]
    public async Task Events_give_the_outcomes_of_the_bare_engine_and_the_version_that_evaluated_them()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(100));
        var bare = BareEngine(TestCampaigns.Yaml(100));
        string[] lines = [TestCampaigns.Event("e-1", "u-1", 150), TestCampaigns.Event("e-2", "u-2", 5, sponsored: true), TestCampaigns.Event("e-1", "u-1")];

        var hosted = new List<string>();
        foreach (var line in lines)
        {
            var result = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, line);
            result.Applied.Should().BeTrue();
            result.Campaign.Revision.Should().Be(1);
            result.Campaign.ContentHash.Should().MatchRegex("^[0-9a-f]{16}$");
            hosted.AddRange(result.Outcomes.Select(o => o.ToJson()));
        }

        hosted.Should().Equal(lines.SelectMany(l => bare.ProcessJson(l)).Select(o => o.ToJson()));
        var participant = await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1");
        participant!.Points.Should().Be(bare.GetParticipant("u-1")!.Points);
        (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "nobody")).Should().BeNull();
    }

    [Fact]
    public async Task A_participant_read_is_a_snapshot_that_later_events_do_not_change()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(100));
        await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-0", "u-1"));
        var read = (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!;
        var pointsWhenRead = read.Points;

        await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1"));

        read.Points.Should().Be(pointsWhenRead);
        (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!.Points.Should().BeGreaterThan(pointsWhenRead);
    }

    [Fact]
    public async Task A_batch_with_a_rejected_line_applies_nothing_and_gives_the_engines_reasons()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(100));
        await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-0", "u-1"));
        var before = (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!;
        string[] batch = [TestCampaigns.Event("e-1", "u-1"), "", """{"id":"e-2","type":"purchase","at":"2026-03-01T00:00:00Z","actor":"u-1"}""", "not json"];

        var result = await host.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, batch);

        result.Applied.Should().BeFalse();
        var bare = BareEngine(TestCampaigns.Yaml(100));
        var expected = new[] { 2, 3 }.Select(i => (i + 1, ((RejectedOutcome)bare.ProcessJson(batch[i]).Single()).Reason));
        result.Rejections.Select(r => (r.Line, r.Reason)).Should().Equal(expected);
        (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1"))!.Should().BeEquivalentTo(before);

        // The good line was not applied: sent alone, it is applied now, not a duplicate.
        var again = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, batch[0]);
        again.Outcomes.Should().NotContain(o => o is DuplicateOutcome);
    }

    [Fact]
    public async Task A_valid_batch_is_applied_whole()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(100));
        var lines = Enumerable.Range(0, 5).Select(i => TestCampaigns.Event("e-" + i, "u-" + (i % 2))).ToList();

        var result = await host.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, lines);

        result.Applied.Should().BeTrue();
        var bare = BareEngine(TestCampaigns.Yaml(100));
        result.Outcomes.Select(o => o.ToJson()).Should().Equal(lines.SelectMany(l => bare.ProcessJson(l)).Select(o => o.ToJson()));
        (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-0"))!.Points.Should().Be(bare.GetParticipant("u-0")!.Points);
    }

    [Fact]
    public async Task Many_tasks_on_one_campaign_total_what_a_sequential_run_does_and_never_pass_the_budget()
    {
        const long reward = 30;
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(reward));
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            var granted = 0L;
            for (var i = 0; i < 25; i++)
            {
                var result = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event($"t{t}-{i}", $"u-{t}"));
                granted += result.Outcomes.OfType<RewardOutcome>().Sum(o => o.Points ?? 0);
            }

            return granted;
        })).ToList();
        var total = (await Task.WhenAll(tasks)).Sum();

        // The same 200 events one after another on a bare engine: every event rewards alike, so the totals agree whatever the interleaving.
        var bare = BareEngine(TestCampaigns.Yaml(reward));
        var sequential = Enumerable.Range(0, 8).SelectMany(t => Enumerable.Range(0, 25).Select(i => TestCampaigns.Event($"t{t}-{i}", $"u-{t}")))
            .SelectMany(l => bare.ProcessJson(l)).OfType<RewardOutcome>().Sum(o => o.Points ?? 0);
        total.Should().Be(sequential);
        total.Should().BeLessThanOrEqualTo(TestCampaigns.PointsBudget);
        var perParticipant = 0L;
        for (var t = 0; t < 8; t++)
        {
            perParticipant += (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, $"u-{t}"))?.Points ?? 0;
        }

        perParticipant.Should().Be(total);
    }

    [Fact]
    public async Task Concurrent_batches_each_apply_wholly_or_not_at_all()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(1));
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            var results = new List<(string[] Ids, CampaignResult Result)>();
            for (var b = 0; b < 20; b++)
            {
                var ids = Enumerable.Range(0, 3).Select(k => $"t{t}-b{b}-{k}").ToArray();
                var lines = ids.Select(id => TestCampaigns.Event(id, $"u-{t}")).ToList();
                if (b % 2 == 1)
                {
                    lines.Add("{\"id\":\"bad\"}");
                }

                results.Add((ids, await host.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, lines)));
            }

            return results;
        })).ToList();
        var all = (await Task.WhenAll(tasks)).SelectMany(r => r).ToList();

        all.Should().Contain(r => r.Result.Applied).And.Contain(r => !r.Result.Applied);

        // The law: an applied batch's events are all seen (sent again, each is a duplicate); a refused batch's are none.
        foreach (var (ids, result) in all)
        {
            var again = await host.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, ids.Select(id => TestCampaigns.Event(id, "probe")).Append("{}").ToList());
            var duplicates = again.Outcomes.OfType<DuplicateOutcome>().Select(o => o.EventId).ToList();
            duplicates.Should().BeEquivalentTo(result.Applied ? ids : [], "batch {0} was {1}", ids[0], result.Applied ? "applied" : "refused");
        }

        // And the points held are exactly those the applied batches granted.
        var granted = all.Where(r => r.Result.Applied).SelectMany(r => r.Result.Outcomes).OfType<RewardOutcome>().Sum(o => o.Points ?? 0);
        var held = 0L;
        for (var t = 0; t < 8; t++)
        {
            held += (await host.Runtime.GetParticipantAsync(TestCampaigns.Id, $"u-{t}"))?.Points ?? 0;
        }

        held.Should().Be(granted);
    }

    [Fact]
    public async Task Requests_on_one_campaign_run_one_at_a_time_and_wait_without_a_thread()
    {
        BlockingState? state = null;
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(1), beforeStart: r => r.StateFactory = c => state = new BlockingState(c));
        state!.Block = true;

        var first = Task.Run(() => host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1")).AsTask());
        state.Entered.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue();
        var second = host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-2", "u-1")).AsTask();
        var participant = host.Runtime.GetParticipantAsync(TestCampaigns.Id, "u-1").AsTask();
        await Task.Delay(200);

        // The second request and the read wait for the lock (as incomplete tasks, not blocked threads).
        second.IsCompleted.Should().BeFalse();
        participant.IsCompleted.Should().BeFalse();
        state.Concurrent.Should().Be(1);
        state.Block = false;
        state.Release.Set();
        (await first).Applied.Should().BeTrue();
        (await second).Applied.Should().BeTrue();
        (await participant).Should().NotBeNull();
        state.MaxConcurrent.Should().Be(1);
    }

    /// <summary>An in-memory state that can hold a request inside it, and counts how many are inside at once.</summary>
    private sealed class BlockingState(CompiledCampaign campaign) : CampaignState
    {
        private readonly InMemoryCampaignState inner = new(campaign);
        private int inside;

        public volatile bool Block;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public int Concurrent => Volatile.Read(ref inside);

        public int MaxConcurrent { get; private set; }

        public override CampaignEngine Engine => inner.Engine;

        public override long PointsIssued => inner.PointsIssued;

        public override decimal CreditIssued => inner.CreditIssued;

        public override void Begin(int events)
        {
            MaxConcurrent = Math.Max(MaxConcurrent, Interlocked.Increment(ref inside));
            if (Block)
            {
                Entered.Set();
                Release.Wait(TimeSpan.FromSeconds(10));
            }

            inner.Begin(events);
        }

        public override void Commit(ReadOnlySpan<string> lines)
        {
            inner.Commit(lines);
            Interlocked.Decrement(ref inside);
        }

        public override void Rollback()
        {
            inner.Rollback();
            Interlocked.Decrement(ref inside);
        }

        public override void SwitchTo(CompiledCampaign next) => inner.SwitchTo(next);

        public override void Dispose() => inner.Dispose();
    }

    [Fact]
    public async Task Each_result_keeps_its_own_outcomes_while_later_requests_run()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(10));
        var first = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1", 150));
        var kept = first.Outcomes.ToList();
        kept.Should().NotBeEmpty();

        // The runtime reuses its buffers between requests: a result handed out must not be one of them.
        await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-2", "u-2", 5, sponsored: true));
        await host.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, [TestCampaigns.Event("e-3", "u-3"), "{}"]);

        first.Outcomes.Should().Equal(kept);
        first.Outcomes.Should().OnlyContain(o => o.EventId == "e-1");
    }

    [Fact]
    public async Task A_failure_is_reported_by_the_returned_task_not_thrown_by_the_call()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(10));
        var runtime = host.Runtime;
        await host.Host.StopAsync();

        // The lock is free, so the request takes the synchronous path: it must fail as the awaited path does.
        var pending = runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1"));

        pending.IsFaulted.Should().BeTrue();
        var awaiting = () => pending.AsTask();
        await awaiting.Should().ThrowAsync<ObjectDisposedException>();
    }
}
