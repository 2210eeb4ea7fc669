using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using System.Diagnostics.Metrics;
using WomRules.Runtime;

namespace WomRules.Hosting.Tests;

public sealed class TelemetryTests
{
    private const string Traced = "traced";

    private static MetricCollector<T> Collect<T>(TestHost host, string instrument)
        where T : struct =>
        new(host.Host.Services.GetRequiredService<IMeterFactory>(), WomRulesTelemetry.MeterName, instrument);

    [Fact]
    public async Task A_rejected_event_logs_at_Debug_and_budget_exhaustion_at_Warning_with_their_fields()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(400));
        await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, "{\"id\":\"bad\",\"type\":\"purchase\"}");
        for (var i = 0; i < 4; i++)
        {
            await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-" + i, "u-1"));
        }

        var logs = host.Logs.GetSnapshot();
        var rejected = logs.Single(r => r.Id.Id == 1010);
        rejected.Level.Should().Be(LogLevel.Debug);
        rejected.Id.Name.Should().Be("EventRejected");
        rejected.StructuredState.Should().Contain(new KeyValuePair<string, string?>("EventId", "bad"))
            .And.Contain(new KeyValuePair<string, string?>("CampaignId", TestCampaigns.Id))
            .And.Contain(s => s.Key == "Reason" && !string.IsNullOrEmpty(s.Value));

        // 400 a time against a budget of 1000: the third and fourth events find it spent.
        var budget = logs.Where(r => r.Id.Id == 1011).ToList();
        budget.Should().HaveCount(2).And.OnlyContain(r => r.Level == LogLevel.Warning);
        budget.Select(r => r.StructuredState!.Single(s => s.Key == "Rule").Value).Should().OnlyContain(v => v == "buy-points");
        logs.Single(r => r.Id.Id == 1000).Level.Should().Be(LogLevel.Information);
    }

    [Fact]
    public async Task Every_instrument_measures_what_the_outcomes_say()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(300));
        using var events = Collect<long>(host, "womrules.events");
        using var duration = Collect<double>(host, "womrules.event.duration");
        using var rewards = Collect<long>(host, "womrules.rewards");
        using var points = Collect<long>(host, "womrules.points.issued");
        using var credit = Collect<double>(host, "womrules.credit.issued");
        using var violations = Collect<long>(host, "womrules.violations");
        using var skipped = Collect<long>(host, "womrules.rules.skipped");
        using var budget = Collect<double>(host, "womrules.budget.remaining");
        string[] lines =
        [
            TestCampaigns.Event("e-1", "u-1", 150),
            TestCampaigns.Event("e-2", "u-2", 10, sponsored: true),
            TestCampaigns.Event("e-1", "u-1", 150),
            "{\"id\":\"bad\"}",
            TestCampaigns.Event("e-3", "u-3", 10),
            TestCampaigns.Event("e-4", "u-3", 10),
        ];
        var outcomes = new List<Outcome>();
        foreach (var line in lines)
        {
            outcomes.AddRange((await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, line)).Outcomes);
        }

        // The counters are observable: one collection reads each series' running total.
        events.RecordObservableInstruments();
        rewards.RecordObservableInstruments();
        points.RecordObservableInstruments();
        credit.RecordObservableInstruments();
        violations.RecordObservableInstruments();
        skipped.RecordObservableInstruments();

        static long Sum(MetricCollector<long> c) => c.GetMeasurementSnapshot().Sum(m => m.Value);
        events.GetMeasurementSnapshot().Should().OnlyContain(m => m.Tags[WomRulesMetrics.CampaignTag] as string == TestCampaigns.Id);
        events.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags[WomRulesMetrics.ResultTag]!, m => m.Value)
            .Should().Equal(new Dictionary<string, long> { ["applied"] = 4, ["duplicate"] = 1, ["rejected"] = 1 });

        // The histogram is recorded per event, in order, with the event's result.
        duration.GetMeasurementSnapshot().Select(m => (string)m.Tags[WomRulesMetrics.ResultTag]!)
            .Should().Equal("applied", "applied", "duplicate", "rejected", "applied", "applied");
        duration.GetMeasurementSnapshot().Should().OnlyContain(m => m.Value >= 0);
        var granted = outcomes.OfType<RewardOutcome>().ToList();
        Sum(rewards).Should().Be(granted.Count);
        rewards.GetMeasurementSnapshot().Should().OnlyContain(m => m.Tags[WomRulesMetrics.RewardKindTag] as string == "points" || m.Tags[WomRulesMetrics.RewardKindTag] as string == "credit");
        Sum(points).Should().Be(granted.Sum(o => o.Points ?? 0));
        points.GetMeasurementSnapshot().Should().OnlyContain(m => m.Tags[WomRulesMetrics.RuleTag] as string == "buy-points");
        credit.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be((double)granted.Sum(o => o.Credit ?? 0));
        Sum(violations).Should().Be(outcomes.OfType<ViolationOutcome>().Count()).And.BePositive();
        Sum(skipped).Should().Be(outcomes.OfType<SkippedOutcome>().Count()).And.BePositive();
        skipped.GetMeasurementSnapshot().Should().OnlyContain(m => m.Tags[WomRulesMetrics.SkipReasonTag] as string == "budget");

        // A second collection reads the same totals again: nothing is counted twice.
        points.RecordObservableInstruments();
        points.LastMeasurement!.Value.Should().Be(granted.Sum(o => o.Points ?? 0));

        budget.RecordObservableInstruments();
        var left = budget.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags[WomRulesMetrics.BudgetKindTag]!, m => m.Value);
        left["points"].Should().Be(TestCampaigns.PointsBudget - granted.Sum(o => o.Points ?? 0));
        left["credit"].Should().Be(50 - (double)granted.Sum(o => o.Credit ?? 0));
    }

    [Fact]
    public async Task The_budget_gauge_follows_a_reload_that_changes_the_budget()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(30), c => c.Configure(o => o.HotReload = false));
        using var budget = Collect<double>(host, "womrules.budget.remaining");
        var granted = (await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1"))).Outcomes.OfType<RewardOutcome>().Sum(o => o.Points ?? 0);
        granted.Should().BePositive();

        // Nothing is issued by the reload itself, yet what is left changes with the budget.
        var bigger = TestCampaigns.PointsBudget * 3;
        File.WriteAllText(host.CampaignPath, TestCampaigns.Yaml(30).Replace($"points: {TestCampaigns.PointsBudget},", $"points: {bigger},", StringComparison.Ordinal));
        (await host.Runtime.ReloadAsync(TestCampaigns.Id)).Revision.Should().Be(2);

        budget.RecordObservableInstruments();
        budget.GetMeasurementSnapshot().Single(m => (string)m.Tags[WomRulesMetrics.BudgetKindTag]! == "points").Value.Should().Be(bigger - granted);
    }

    [Fact]
    public async Task The_counters_keep_their_totals_across_a_reload()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(30), c => c.Configure(o => o.HotReload = false));
        using var points = Collect<long>(host, "womrules.points.issued");
        using var events = Collect<long>(host, "womrules.events");
        var before = (await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-1", "u-1"))).Outcomes.OfType<RewardOutcome>().Sum(o => o.Points ?? 0);

        File.WriteAllText(host.CampaignPath, TestCampaigns.Yaml(40));
        (await host.Runtime.ReloadAsync(TestCampaigns.Id)).Revision.Should().Be(2);
        var after = (await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-2", "u-2"))).Outcomes.OfType<RewardOutcome>().Sum(o => o.Points ?? 0);

        // A counter never goes down: what the first version granted is still counted after the swap.
        points.RecordObservableInstruments();
        events.RecordObservableInstruments();
        before.Should().BePositive();
        after.Should().BeGreaterThan(before);
        points.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(before + after);
        events.GetMeasurementSnapshot().Single().Value.Should().Be(2);
    }

    [Fact]
    public async Task The_budget_gauge_read_while_requests_run_only_goes_down_and_ends_at_what_was_granted()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(7));
        using var budget = Collect<double>(host, "womrules.budget.remaining");
        var granted = 0L;
        var grantedCredit = 0m;
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            // The gauge is read on another thread than the requests', as an exporter does.
            while (!done.IsCancellationRequested)
            {
                budget.RecordObservableInstruments();
            }
        });
        for (var i = 0; i < 200; i++)
        {
            var result = await host.Runtime.ProcessJsonAsync(TestCampaigns.Id, TestCampaigns.Event("e-" + i, "u-" + (i % 7), i % 3 == 0 ? 150 : 10));
            granted += result.Outcomes.OfType<RewardOutcome>().Sum(o => o.Points ?? 0);
            grantedCredit += result.Outcomes.OfType<RewardOutcome>().Sum(o => o.Credit ?? 0);
        }

        await done.CancelAsync();
        await reader;
        budget.RecordObservableInstruments();

        foreach (var kind in new[] { "points", "credit" })
        {
            var seen = budget.GetMeasurementSnapshot().Where(m => (string)m.Tags[WomRulesMetrics.BudgetKindTag]! == kind).Select(m => m.Value).ToList();
            seen.Should().BeInDescendingOrder(because: "nothing is given back, so what is left never grows ({0})", kind);
            seen[^1].Should().Be(kind == "points" ? TestCampaigns.PointsBudget - granted : 50 - (double)grantedCredit);
        }

        granted.Should().BePositive();
    }

    [Fact]
    public async Task A_batch_not_applied_counts_its_good_lines_as_discarded_and_grants_nothing()
    {
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(10));
        using var events = Collect<long>(host, "womrules.events");
        using var points = Collect<long>(host, "womrules.points.issued");

        await host.Runtime.ProcessJsonLinesAsync(TestCampaigns.Id, [TestCampaigns.Event("e-1", "u"), "{}"]);
        events.RecordObservableInstruments();
        points.RecordObservableInstruments();

        events.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags[WomRulesMetrics.ResultTag]!, m => m.Value)
            .Should().Equal(new Dictionary<string, long> { ["discarded"] = 1, ["rejected"] = 1 });
        points.GetMeasurementSnapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task Each_request_is_one_span_with_OpenTelemetry_tags_and_a_store_failure_sets_status_Error()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == WomRulesTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                {
                    spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        FailingState? state = null;
        await using var host = await TestHost.StartAsync(TestCampaigns.Yaml(10, id: Traced), beforeStart: r => r.StateFactory = c => state = new FailingState(c));

        await host.Runtime.ProcessJsonAsync(Traced, TestCampaigns.Event("e-1", "u-1"));
        await host.Runtime.ProcessJsonLinesAsync(Traced, [TestCampaigns.Event("e-2", "u-1"), TestCampaigns.Event("e-3", "u-1")]);
        state!.Fail = true;
        var failing = () => host.Runtime.ProcessJsonAsync(Traced, TestCampaigns.Event("e-4", "u-1")).AsTask();
        await failing.Should().ThrowAsync<IOException>();

        List<Activity> mine;
        lock (spans)
        {
            mine = spans.Where(a => (string?)a.GetTagItem(WomRulesMetrics.CampaignTag) == Traced && a.OperationName == "womrules.process").ToList();
        }

        // A campaign id no other test uses: the listener sees every test's spans, and test classes run in parallel.
        mine.Should().HaveCount(3);
        mine[0].GetTagItem("womrules.event.count").Should().Be(1);
        mine[0].GetTagItem("womrules.event.id").Should().Be("e-1");
        mine[0].GetTagItem("womrules.campaign.revision").Should().Be(1L);
        mine[0].Status.Should().Be(ActivityStatusCode.Unset);
        mine[1].GetTagItem("womrules.event.count").Should().Be(2);
        mine[2].Status.Should().Be(ActivityStatusCode.Error);
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 1030 && r.Level == LogLevel.Error);

        // Nothing of the failed event stayed: sent again once the store works, it is applied.
        state.Fail = false;
        (await host.Runtime.ProcessJsonAsync(Traced, TestCampaigns.Event("e-4", "u-1"))).Outcomes.Should().NotContain(o => o is DuplicateOutcome);
    }

    /// <summary>An in-memory state whose commits fail on demand, as a database's would; it rolls back as the SQLite state does.</summary>
    private sealed class FailingState(CompiledCampaign campaign) : CampaignState
    {
        private readonly InMemoryCampaignState inner = new(campaign);

        public bool Fail { get; set; }

        public override CampaignEngine Engine => inner.Engine;

        public override long PointsIssued => inner.PointsIssued;

        public override decimal CreditIssued => inner.CreditIssued;

        // Always keep a rollback point, so that a failed commit of one event can be undone as a database would.
        public override void Begin(int events) => inner.Begin(2);

        public override void Commit(ReadOnlySpan<string> lines)
        {
            if (Fail)
            {
                inner.Rollback();
                throw new IOException("disk full");
            }

            inner.Commit(lines);
        }

        public override void Rollback() => inner.Rollback();

        public override void SwitchTo(CompiledCampaign next) => inner.SwitchTo(next);

        public override void Dispose() => inner.Dispose();
    }
}
