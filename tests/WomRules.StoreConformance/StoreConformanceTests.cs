using System.Text.Json;
using WomRules.Runtime;

namespace WomRules.StoreConformance;

/// <summary>
/// The store conformance suite (docs/stores.md). A store's test project inherits this class, says how to make an empty
/// store and how to close and reopen one, and gets every test: outcomes equal the in-memory engine's, a failing
/// commit applies nothing, duplicates, the budget, limits, resume, batches, the async path, and the v1.1 conformance
/// cases. The reference for every comparison is an engine over the in-memory store, so a law is checked, not numbers.
/// </summary>
public abstract class StoreConformanceTests
{
    private const long PointsBudget = 20000;
    private const decimal CreditBudget = 300.00m;

    /// <summary>The campaign the suite runs (most tests).</summary>
    protected static CompiledCampaign Campaign { get; } = ConformanceEvents.Compile();

    /// <summary>A new, empty store for <paramref name="campaign"/>.</summary>
    protected abstract IParticipantStore CreateStore(CompiledCampaign campaign);

    /// <summary>Closes <paramref name="store"/> and opens what it committed again (a restart of the host).</summary>
    protected abstract IParticipantStore Reopen(IParticipantStore store, CompiledCampaign campaign);

    /// <summary>
    /// Closes <paramref name="store"/>, opens what it committed again, and makes a new engine over it from what the store
    /// holds alone (docs/stores.md: <see cref="CampaignEngine.Rehydrate"/> with the store's clock, grant order,
    /// participants and pending grants), carrying nothing over from the old engine.
    /// </summary>
    protected abstract CampaignEngine Restart(IParticipantStore store, CompiledCampaign campaign);

    /// <summary>
    /// Whether the store can drop a batch it was told to abandon. The in-memory store cannot (the engine changes its
    /// states in place, and it is not durable anyway); a database store must.
    /// </summary>
    protected virtual bool CanAbandonBatch => true;

    [Fact]
    public void Outcomes_totals_and_participants_equal_the_in_memory_engine()
    {
        var events = ConformanceEvents.Stream(1, 300);
        var store = CreateStore(Campaign);
        var outcomes = Run(new CampaignEngine(Campaign, store), events);
        outcomes.Should().Equal(Reference(events, out var reference));
        outcomes.Should().Contain(o => o.Contains("\"budget\"", StringComparison.Ordinal), "the stream must reach the budget for this to test it");
        ShouldHoldTheSame(store, reference);
    }

    [Fact]
    public void A_failing_commit_at_any_step_applies_nothing_and_the_event_can_be_sent_again()
    {
        var events = ConformanceEvents.Stream(2, 40);
        var expected = Reference(events, out var reference);
        for (var step = 0; step < events.Length; step++)
        {
            var store = new FailingStore(CreateStore(Campaign)) { FailCommitAt = step };
            var engine = new CampaignEngine(Campaign, store);
            var outcomes = new List<string>();
            var failed = false;
            foreach (var e in events)
            {
                var before = Holdings(store, e);
                try
                {
                    outcomes.AddRange(engine.Process(e).Select(o => o.ToJson()));
                }
                catch (StoreCommitException ex)
                {
                    failed = true;
                    ex.EventId.Should().Be(e.Id);
                    ex.EngineFaulted.Should().BeFalse("one event's failed commit is undone in the engine too");
                    ex.InnerException.Should().BeOfType<IOException>();
                    Holdings(store, e).Should().Be(before, $"nothing of '{e.Id}' is applied when its commit fails (step {step})");
                    outcomes.AddRange(engine.Process(e).Select(o => o.ToJson()));
                }
            }

            outcomes.Should().Equal(expected, $"a failed commit at step {step}, then the event sent again, is an uninterrupted run");
            ShouldHoldTheSame(store, reference);
            if (step < store.Commits - 1)
            {
                failed.Should().BeTrue($"commit {step} was made to fail");
            }
        }
    }

    [Fact]
    public void An_event_sent_twice_is_applied_once()
    {
        var events = ConformanceEvents.Stream(3, 200);
        var store = CreateStore(Campaign);
        var engine = new CampaignEngine(Campaign, store);
        var outcomes = new List<string>();
        foreach (var e in events)
        {
            outcomes.AddRange(engine.Process(e).Select(o => o.ToJson()));
            engine.Process(e).Select(o => o.ToJson()).Should().Equal([$$"""{"kind":"duplicate","event":"{{e.Id}}"}"""]);
        }

        outcomes.Should().Equal(Reference(events, out var reference));
        ShouldHoldTheSame(store, reference);
    }

    [Fact]
    public void The_budget_is_never_exceeded_and_limits_hold()
    {
        foreach (var seed in new[] { 4, 5, 6 })
        {
            var store = CreateStore(Campaign);
            var engine = new CampaignEngine(Campaign, store);
            var referrals = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in ConformanceEvents.Stream(seed, 400))
            {
                foreach (var outcome in engine.Process(e))
                {
                    using var json = JsonDocument.Parse(outcome.ToJson());
                    if (json.RootElement.TryGetProperty("rule", out var rule) && rule.GetString() == "referral"
                        && json.RootElement.GetProperty("kind").GetString() == "reward"
                        && json.RootElement.TryGetProperty("points", out _))
                    {
                        var referrer = json.RootElement.GetProperty("participant").GetString()!;
                        referrals[referrer] = referrals.GetValueOrDefault(referrer) + 1;
                        referrals[referrer].Should().BeLessThanOrEqualTo(3, "the referral rule's limit is 3 per referrer");
                    }
                }

                store.PointsIssued.Should().BeLessThanOrEqualTo(PointsBudget);
                store.CreditIssued.Should().BeLessThanOrEqualTo(CreditBudget);
            }

            referrals.Should().NotBeEmpty();
        }
    }

    [Fact]
    public void Closing_and_reopening_the_store_anywhere_resumes_as_an_uninterrupted_run()
    {
        var events = ConformanceEvents.Stream(7, 200);
        var expected = Reference(events, out var reference);
        foreach (var split in new[] { 0, 1, 37, 100, 199 })
        {
            var store = CreateStore(Campaign);
            var outcomes = Run(new CampaignEngine(Campaign, store), events[..split]);
            store = Reopen(store, Campaign);
            outcomes.AddRange(Run(new CampaignEngine(Campaign, store), events[split..]));
            outcomes.Should().Equal(expected, $"split at {split}");
            ShouldHoldTheSame(store, reference);
        }
    }

    [Fact]
    public void Batches_give_the_outcomes_of_single_events_and_a_failed_batch_applies_nothing()
    {
        var events = ConformanceEvents.Stream(8, 200);
        var lines = events.Select(ConformanceEvents.ToLine).ToArray();
        var expected = Reference(events, out var reference);

        var store = CreateStore(Campaign);
        var engine = new CampaignEngine(Campaign, store);
        var outcomes = new List<Outcome>();
        foreach (var batch in lines.Chunk(50))
        {
            engine.ProcessJsonBatch(batch, outcomes);
        }

        outcomes.Select(o => o.ToJson()).Should().Equal(expected);
        ShouldHoldTheSame(store, reference);

        if (!CanAbandonBatch)
        {
            return;
        }

        // Batch 2 fails to complete: its events are not applied, the engine is faulted, and a new engine over the
        // reopened store, sent the batch again, ends as the uninterrupted run.
        var failing = new FailingStore(CreateStore(Campaign)) { FailBatchAt = 2 };
        engine = new CampaignEngine(Campaign, failing);
        outcomes.Clear();
        var chunks = lines.Chunk(50).ToArray();
        engine.ProcessJsonBatch(chunks[0], outcomes);
        engine.ProcessJsonBatch(chunks[1], outcomes);
        var before = (failing.PointsIssued, failing.CreditIssued);
        var failure = engine.Invoking(en => en.ProcessJsonBatch(chunks[2], outcomes)).Should().Throw<StoreCommitException>().Which;
        failure.EngineFaulted.Should().BeTrue();
        failure.EventIds.Should().NotBeEmpty().And.OnlyContain(id => chunks[2].Any(line => line.Contains($"\"{id}\"", StringComparison.Ordinal)));
        (failing.PointsIssued, failing.CreditIssued).Should().Be(before, "nothing of the failed batch is applied");
        chunks[2].Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!)
            .Where(id => !chunks[0].Concat(chunks[1]).Any(l => l.Contains($"\"{id}\"", StringComparison.Ordinal)))
            .Should().OnlyContain(id => !failing.HasSeenEvent(id));
        engine.Invoking(en => en.ProcessJsonBatch(chunks[3], outcomes)).Should().Throw<InvalidOperationException>("a faulted engine refuses work");

        var reopened = Reopen(failing.Inner, Campaign);
        engine = new CampaignEngine(Campaign, reopened);
        foreach (var chunk in chunks[2..])
        {
            engine.ProcessJsonBatch(chunk, outcomes);
        }

        outcomes.Select(o => o.ToJson()).Should().Equal(expected);
        ShouldHoldTheSame(reopened, reference);
    }

    [Fact]
    public async Task The_async_path_gives_the_outcomes_of_the_sync_path()
    {
        var events = ConformanceEvents.Stream(9, 200);
        var store = CreateStore(Campaign);
        var engine = new CampaignEngine(Campaign, store);
        var outcomes = new List<string>();
        foreach (var e in events)
        {
            outcomes.AddRange((await engine.ProcessAsync(e)).Select(o => o.ToJson()));
        }

        outcomes.Should().Equal(Reference(events, out var reference));
        ShouldHoldTheSame(store, reference);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var next = events[0] with { Id = "never" };
        await engine.Invoking(en => en.ProcessAsync(next, cancelled.Token).AsTask()).Should().ThrowAsync<OperationCanceledException>();
        store.HasSeenEvent("never").Should().BeFalse("a cancelled event applies nothing");
    }

    [Fact]
    public void Identity_records_survive_closing_and_reopening_the_store()
    {
        // Spec v1.1 §8: shares_identity compares records of earlier events, which the store keeps with each participant.
        var campaign = CampaignCompilation.Create("""
            womrules: 1
            campaign: identity-resume
            events:
              account.verified: { device: { type: string, identity: true } }
              referral.converted: { device: { type: string, default: "", identity: true } }
            rules:
              - name: referral
                on: referral.converted
                when: event.referrer != event.actor and not shares_identity(event.actor, event.referrer)
                rewards: [ { to: referrer, points: 100 } ]
            """, "identity-resume.yaml").Emit().Campaign!;
        string[] lines =
        [
            """{"id":"v1","type":"account.verified","at":"2026-03-01T08:00:00Z","actor":"ann","attributes":{"device":"d-1"}}""",
            """{"id":"v2","type":"account.verified","at":"2026-03-01T09:00:00Z","actor":"bo","attributes":{"device":"d-1"}}""",
            """{"id":"v3","type":"account.verified","at":"2026-03-01T10:00:00Z","actor":"cy","attributes":{"device":"d-2"}}""",
            """{"id":"r1","type":"referral.converted","at":"2026-03-02T08:00:00Z","actor":"bo","referrer":"ann"}""",
            """{"id":"r2","type":"referral.converted","at":"2026-03-02T09:00:00Z","actor":"cy","referrer":"ann"}""",
            """{"id":"r3","type":"referral.converted","at":"2026-03-02T10:00:00Z","actor":"dee","referrer":"cy","attributes":{"device":"d-2"}}""",
        ];
        var expected = RunLines(new CampaignEngine(campaign), lines, null);
        expected.Count(o => o.Contains("\"reward\"", StringComparison.Ordinal)).Should().Be(1, "only cy's referral is between two people");
        for (var split = 0; split <= lines.Length; split++)
        {
            var store = CreateStore(campaign);
            var outcomes = RunLines(new CampaignEngine(campaign, store), lines[..split], null);
            store = Reopen(store, campaign);
            outcomes.AddRange(RunLines(new CampaignEngine(campaign, store), lines[split..], null));
            outcomes.Should().Equal(expected, $"split at {split}");
        }
    }

    /// <summary>
    /// A restart with a new engine at every point of every v1.1 conformance case (reversals, pending grants, expiry,
    /// tiers that move and keep, accept_late, identity) goes on as the uninterrupted run: the same outcomes, totals and
    /// participants. So the ledger, the queue of time-driven effects and the clock must live in the store.
    /// </summary>
    [Theory]
    [MemberData(nameof(ConformanceCases))]
    public void Restarting_with_a_new_engine_anywhere_in_a_conformance_case_resumes_as_an_uninterrupted_run(string name)
    {
        var folder = ConformanceCaseFolders.Folder(name);
        var campaign = CampaignCompilation.FromFile(Path.Combine(folder, "campaign.yaml")).Emit().Campaign!;
        var lines = File.ReadAllLines(Path.Combine(folder, "events.jsonl")).Where(l => l.Length > 0).ToArray();
        var until = Path.Combine(folder, "until");
        DateTimeOffset? sweep = File.Exists(until) ? DateTimeOffset.Parse(File.ReadAllText(until).Trim(), System.Globalization.CultureInfo.InvariantCulture) : null;
        var reference = new CampaignEngine(campaign);
        var expected = RunLines(reference, lines, sweep);
        var ids = lines.SelectMany(ParticipantsOf).Distinct(StringComparer.Ordinal).ToList();
        for (var split = 0; split <= lines.Length; split++)
        {
            var store = CreateStore(campaign);
            var outcomes = RunLines(new CampaignEngine(campaign, store), lines[..split], null);
            var restarted = Restart(store, campaign);
            outcomes.AddRange(RunLines(restarted, lines[split..], sweep));
            outcomes.Should().Equal(expected, $"{name}, restarted before line {split}");
            restarted.Store.PointsIssued.Should().Be(reference.Store.PointsIssued, $"{name}, split {split}");
            restarted.Store.CreditIssued.Should().Be(reference.Store.CreditIssued, $"{name}, split {split}");
            restarted.Clock.Should().Be(reference.Clock, $"{name}, split {split}");
            foreach (var id in ids)
            {
                Describe(restarted.Store.Find(id)).Should().Be(Describe(reference.Store.Find(id)), $"{name}, split {split}, participant {id}");
            }
        }
    }

    private static IEnumerable<string> ParticipantsOf(string line)
    {
        using var json = JsonDocument.Parse(line);
        foreach (var member in new[] { "actor", "referrer" })
        {
            if (json.RootElement.TryGetProperty(member, out var id) && id.ValueKind == JsonValueKind.String)
            {
                yield return id.GetString()!;
            }
        }
    }

    /// <summary>The v1.1 conformance cases found beside the repository (../shared/conformance/v1.1).</summary>
    public static TheoryData<string> ConformanceCases() => new(ConformanceCaseFolders.Names());

    [Theory]
    [MemberData(nameof(ConformanceCases))]
    public void A_conformance_case_through_the_store_gives_the_in_memory_outcomes(string name)
    {
        var folder = ConformanceCaseFolders.Folder(name);
        var compilation = CampaignCompilation.FromFile(Path.Combine(folder, "campaign.yaml"));
        var campaign = compilation.Emit().Campaign;
        campaign.Should().NotBeNull($"{name}'s campaign compiles");
        var lines = File.ReadAllLines(Path.Combine(folder, "events.jsonl")).Where(l => l.Length > 0).ToArray();
        var until = Path.Combine(folder, "until");
        DateTimeOffset? sweep = File.Exists(until) ? DateTimeOffset.Parse(File.ReadAllText(until).Trim(), System.Globalization.CultureInfo.InvariantCulture) : null;

        var store = CreateStore(campaign!);
        RunLines(new CampaignEngine(campaign!, store), lines, sweep).Should().Equal(RunLines(new CampaignEngine(campaign!), lines, sweep));
    }

    private static List<string> RunLines(CampaignEngine engine, string[] lines, DateTimeOffset? sweep)
    {
        var outcomes = lines.SelectMany(engine.ProcessJson).Select(o => o.ToJson()).ToList();
        if (sweep is { } time)
        {
            outcomes.AddRange(engine.AdvanceTo(time).Select(o => o.ToJson()));
        }

        return outcomes;
    }

    private static List<string> Run(CampaignEngine engine, IEnumerable<EngagementEvent> events) =>
        events.SelectMany(engine.Process).Select(o => o.ToJson()).ToList();

    private static List<string> Reference(EngagementEvent[] events, out IParticipantStore store)
    {
        var engine = new CampaignEngine(Campaign);
        store = engine.Store;
        return Run(engine, events);
    }

    /// <summary>What an event could change in the store: its participants, the totals and its id.</summary>
    private static string Holdings(IParticipantStore store, EngagementEvent e) =>
        string.Join("|", Describe(store.Find(e.Actor)), e.Referrer is null ? "" : Describe(store.Find(e.Referrer)), store.PointsIssued, store.CreditIssued, store.HasSeenEvent(e.Id));

    private static void ShouldHoldTheSame(IParticipantStore store, IParticipantStore reference)
    {
        store.PointsIssued.Should().Be(reference.PointsIssued);
        store.CreditIssued.Should().Be(reference.CreditIssued);
        foreach (var id in ConformanceEvents.Participants)
        {
            Describe(store.Find(id)).Should().Be(Describe(reference.Find(id)), $"participant {id}");
        }
    }

    /// <summary>A participant's snapshot as text: every field, so two equal texts are equal states.</summary>
    private static string Describe(ParticipantState? state) => state is null ? "none" : JsonSerializer.Serialize(state.ToSnapshot());
}
