using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// The engine changes the in-memory store's participants in place and copies those of any other store on write. Both
/// must give the same outcomes and states, a failed event must leave no trace in either, and what a host is handed
/// must be a snapshot.
/// </summary>
public sealed class InPlaceStateTests
{
    // The last rule, gift, is a host's C# rule whose code throws an unexpected exception (not an evaluation failure)
    // for an amount of 2, after the first rules have already changed the referrer (points, counter, badge, limit
    // usage); the event must then be undone. (Money overflow no longer fails an event: it skips the rule, issue 10.)
    private const string Campaign = """
        womrules: 1
        campaign: in-place
        events:
          gift:
            amount: int
        counters: [gifts]
        tiers:
          - name: bronze
          - name: silver
            when: participant.lifetime_points >= 10
        rules:
          - name: thank-referrer
            on: gift
            rewards:
              - { to: referrer, points: 5, counter: gifts }
            limit: { count: 5, per: day, of: referrer }
          - name: first-thanks
            on: gift
            when: event.amount <= 2
            rewards:
              - { to: referrer, badge: thanked }
          - name: gift
            on: gift
            lang: csharp
            when: host fault on amount 2
            rewards:
              - { counter: gifts }
              - { points: event.amount }
        """;

    private static readonly CompilationOptions WithFaultyHost = CompilationOptions.Default with { AllowCSharp = true, CSharpCompiler = new FaultyHostCompiler() };

    private static readonly string FirstGift = CampaignRunner.Event("e-1", "gift", "u-2", """{"amount": 1000}""", referrer: "u-1");
    private static readonly string Faulting = CampaignRunner.Event("e-2", "gift", "u-2", """{"amount": 2}""", referrer: "u-1");

    public static TheoryData<bool> Stores => new() { true, false };

    [Theory]
    [MemberData(nameof(Stores))]
    public void An_event_that_fails_after_changing_a_participant_is_undone(bool inMemory)
    {
        var engine = NewEngine(CampaignRunner.Compile(Campaign, options: WithFaultyHost), inMemory);
        engine.ProcessJson(FirstGift).Select(o => o.ToJson()).Should().Equal(
            """{"kind":"reward","event":"e-1","rule":"thank-referrer","participant":"u-1","points":5}""",
            """{"kind":"reward","event":"e-1","rule":"thank-referrer","participant":"u-1","counter":"gifts","by":1}""",
            """{"kind":"reward","event":"e-1","rule":"gift","participant":"u-2","counter":"gifts","by":1}""",
            """{"kind":"reward","event":"e-1","rule":"gift","participant":"u-2","points":1000}""",
            """{"kind":"tier","event":"e-1","participant":"u-2","from":"bronze","to":"silver"}""");
        var referrer = FullState(engine.GetParticipant("u-1")!);
        var actor = FullState(engine.GetParticipant("u-2")!);

        var outcomes = engine.ProcessJson(Faulting);

        outcomes.Should().ContainSingle().Which.Should().BeOfType<RejectedOutcome>()
            .Which.Reason.Should().StartWith("the event could not be applied");
        FullState(engine.GetParticipant("u-1")!).Should().Be(referrer);
        FullState(engine.GetParticipant("u-2")!).Should().Be(actor);
        engine.Store.HasSeenEvent("e-2").Should().BeFalse();
        engine.ProcessJson(Faulting).Single().Should().BeOfType<RejectedOutcome>("the failed event was not recorded as seen");
    }

    [Fact]
    public void The_undone_referrer_goes_on_from_where_it_was()
    {
        var engine = NewEngine(CampaignRunner.Compile(Campaign, options: WithFaultyHost), inMemory: true);
        engine.ProcessJson(FirstGift);
        engine.ProcessJson(Faulting);

        var outcomes = engine.ProcessJson(CampaignRunner.Event("e-3", "gift", "u-3", """{"amount": 1}""", referrer: "u-1")).Select(o => o.ToJson());

        outcomes.Should().Contain("""{"kind":"reward","event":"e-3","rule":"thank-referrer","participant":"u-1","points":5}""");
        outcomes.Should().Contain("""{"kind":"reward","event":"e-3","rule":"first-thanks","participant":"u-1","badge":"thanked"}""");
        outcomes.Should().Contain("""{"kind":"tier","event":"e-3","participant":"u-1","from":"bronze","to":"silver"}""");
        var state = engine.GetParticipant("u-1")!;
        state.Points.Should().Be(10);
        state.CounterValues["gifts"].Should().Be(2);
        state.Badges.Should().Equal("thanked");
        state.LimitUsage(false).Single().Value.Values.Should().Equal(2L);
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void In_place_and_copy_on_write_stores_agree_on_every_example(string name)
    {
        var campaign = CampaignCompilation.FromFile(Path.Combine(RepositoryPaths.Examples, name, "campaign.yaml")).Emit().Campaign!;
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Examples, name, "events.jsonl"));
        var inPlace = NewEngine(campaign, inMemory: true);
        var copying = NewEngine(campaign, inMemory: false);

        foreach (var line in lines.Concat(lines))
        {
            copying.ProcessJson(line).Select(o => o.ToJson()).Should().Equal(inPlace.ProcessJson(line).Select(o => o.ToJson()), line);
        }

        var ids = ((InMemoryParticipantStore)inPlace.Store).Participants.Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        ids.Should().NotBeEmpty().And.Equal(((CopyingStore)copying.Store).Ids.Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            FullState(copying.GetParticipant(id)!).Should().Be(FullState(inPlace.GetParticipant(id)!));
        }

        copying.Store.PointsIssued.Should().Be(inPlace.Store.PointsIssued);
        copying.Store.CreditIssued.Should().Be(inPlace.Store.CreditIssued);
    }

    public static TheoryData<string> ExampleNames => new(RepositoryPaths.ExampleNames);

    [Fact]
    public void What_the_in_memory_store_hands_out_is_a_snapshot()
    {
        var store = new InMemoryParticipantStore();
        var engine = new CampaignEngine(CampaignRunner.Compile(Campaign, options: WithFaultyHost), store);
        engine.ProcessJson(CampaignRunner.Event("e-1", "gift", "u-2", """{"amount": 1}""", referrer: "u-1"));
        var found = store.Find("u-1")!;
        var listed = store.Participants.Single(p => p.Id == "u-1");
        var text = FullState(found);

        engine.ProcessJson(CampaignRunner.Event("e-2", "gift", "u-3", """{"amount": 1}""", referrer: "u-1"));

        FullState(found).Should().Be(text);
        FullState(listed).Should().Be(text);
        FullState(store.Find("u-1")!).Should().NotBe(text);
    }

    private static CampaignEngine NewEngine(CompiledCampaign campaign, bool inMemory) =>
        new(campaign, inMemory ? new InMemoryParticipantStore() : new CopyingStore());

    private static string FullState(ParticipantState p) =>
        CampaignRunner.StateText(p) + " limits=" + string.Join(";", p.LimitUsage(false).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => r.Key + ":" + string.Join(",", r.Value.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}={w.Value}"))));

    /// <summary>
    /// Stands in for WomRules.CSharp: the rule's condition throws <see cref="InvalidOperationException"/> (a host bug,
    /// not an evaluation failure) when the amount is 2; its points are the amount.
    /// </summary>
    private sealed class FaultyHostCompiler : WomRules.Binding.ICSharpRuleCompiler
    {
        public System.Collections.Immutable.ImmutableArray<WomRules.Binding.CSharpCompiledExpression?> Compile(
            WomRules.Binding.CSharpCompilationRequest request, WomRules.Diagnostics.DiagnosticBag diagnostics) =>
            [.. request.Expressions.Select(e => (WomRules.Binding.CSharpCompiledExpression?)new WomRules.Binding.CSharpCompiledExpression(
                e.Type == WomRules.Binding.ValueType.Bool
                    ? new Func<EvaluationContext, bool>(c => (long)c.Event!.Values[0]! == 2 ? throw new InvalidOperationException("host fault") : true)
                    : new Func<EvaluationContext, long>(c => e.What.Contains("points", StringComparison.Ordinal) ? (long)c.Event!.Values[0]! : 1),
                ReadsReferrer: false))];
    }

    [Theory]
    [InlineData("c1-reversal")]
    [InlineData("c2-pending-and-expiry")]
    public void Reversals_releases_and_expiries_give_the_same_outcomes_and_states_in_place_and_copied_on_write(string name)
    {
        // Conformance cases c1 (spec v1.1 §2: clawbacks, a negative balance, restored points, refusals) and c2 (§1, §3,
        // §4: held grants, releases, lots and expiries, a final sweep), whose time-driven effects commit on their own.
        var folder = Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance", "v1.1", name);
        var campaign = CampaignCompilation.FromFile(Path.Combine(folder, "campaign.yaml")).Emit().Campaign!;
        var memory = new CampaignEngine(campaign);
        var copying = new CopyingStore();
        var host = new CampaignEngine(campaign, copying);
        foreach (var line in File.ReadAllLines(Path.Combine(folder, "events.jsonl")).Where(l => l.Length > 0))
        {
            host.ProcessJson(line).Select(o => o.ToJson()).Should().Equal(memory.ProcessJson(line).Select(o => o.ToJson()), line);
        }

        if (File.Exists(Path.Combine(folder, "until")))
        {
            var until = DateTimeOffset.Parse(File.ReadAllText(Path.Combine(folder, "until")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            host.AdvanceTo(until).Select(o => o.ToJson()).Should().Equal(memory.AdvanceTo(until).Select(o => o.ToJson())).And.NotBeEmpty();
        }

        copying.Ids.Should().NotBeEmpty();
        foreach (var id in copying.Ids)
        {
            CampaignRunner.StateText(host.GetParticipant(id)!).Should().Be(CampaignRunner.StateText(memory.GetParticipant(id)!));
            (host.GetParticipant(id)!.PendingPoints, host.GetParticipant(id)!.PendingCredit).Should().Be((memory.GetParticipant(id)!.PendingPoints, memory.GetParticipant(id)!.PendingCredit));
        }

        (copying.PointsIssued, copying.CreditIssued).Should().Be((memory.Store.PointsIssued, memory.Store.CreditIssued));
    }

    [Fact]
    public void Keep_ends_give_the_same_outcomes_and_tier_since_in_place_and_copied_on_write()
    {
        // Conformance case c3 without its alert rule (which needs §6): tiers seeded, kept 30 days, left at the end of
        // keep as a time-driven effect that commits on its own, and left at a change after it.
        var folder = Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance", "v1.1", "c3-tiers-that-move");
        var yaml = File.ReadAllText(Path.Combine(folder, "campaign.yaml"));
        var campaign = CampaignCompilation.Create(yaml[..yaml.IndexOf("  - name: tier-check", StringComparison.Ordinal)], "campaign.yaml").Emit().Campaign!;
        campaign.Bound.TierKeep.Should().Be(TimeSpan.FromDays(30));
        var memory = new CampaignEngine(campaign);
        var copying = new CopyingStore();
        var host = new CampaignEngine(campaign, copying);
        var timeDriven = 0;
        foreach (var line in File.ReadAllLines(Path.Combine(folder, "events.jsonl")).Where(l => l.Length > 0))
        {
            var outcomes = memory.ProcessJson(line).Select(o => o.ToJson()).ToList();
            host.ProcessJson(line).Select(o => o.ToJson()).Should().Equal(outcomes, line);
            timeDriven += outcomes.Count(o => o.Contains("\"event\":null", StringComparison.Ordinal));
        }

        timeDriven.Should().Be(1, "amara's star ends with her keep");
        foreach (var id in copying.Ids)
        {
            CampaignRunner.StateText(host.GetParticipant(id)!).Should().Be(CampaignRunner.StateText(memory.GetParticipant(id)!));
            host.GetParticipant(id)!.TierSince.Should().Be(memory.GetParticipant(id)!.TierSince);
        }

        memory.GetParticipant("amara")!.TierSince.Should().Be(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), "the time-driven move happened at the end of keep");
    }

    [Fact]
    public void Rolling_windows_caps_and_the_horizon_give_the_same_outcomes_and_states_in_a_hosts_store()
    {
        // Spec v1.1 §7, §13: the rolling firings and cap usage a copy shares must never change under the stored state.
        var campaign = CampaignRunner.Compile(AcceptLateTests.Yaml);
        for (var seed = 0; seed < 30; seed++)
        {
            var copying = new CopyingStore();
            var host = new CampaignEngine(campaign, copying);
            var memory = new CampaignEngine(campaign);
            foreach (var line in AcceptLateTests.Generate(new Random(seed), 60))
            {
                var (a, b) = line.StartsWith("sweep ", StringComparison.Ordinal)
                    ? (host.AdvanceTo(DateTimeOffset.Parse(line[6..], System.Globalization.CultureInfo.InvariantCulture)), memory.AdvanceTo(DateTimeOffset.Parse(line[6..], System.Globalization.CultureInfo.InvariantCulture)))
                    : (host.ProcessJson(line), memory.ProcessJson(line));
                a.Select(o => o.ToJson()).Should().Equal(b.Select(o => o.ToJson()), $"seed {seed}: {line}");
            }

            foreach (var id in copying.Ids)
            {
                CampaignRunner.StateText(host.GetParticipant(id)!).Should().Be(CampaignRunner.StateText(memory.GetParticipant(id)!));
            }
        }
    }

    /// <summary>A host's store: keeps exactly the states committed, so the engine must copy before it changes one.</summary>
    private sealed class CopyingStore : IParticipantStore
    {
        private readonly Dictionary<string, ParticipantState> participants = new(StringComparer.Ordinal);
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);

        public IEnumerable<string> Ids => participants.Keys;

        public long PointsIssued { get; private set; }

        public decimal CreditIssued { get; private set; }

        public ParticipantState? Find(string participantId) => participants.GetValueOrDefault(participantId);

        public bool HasSeenEvent(string eventId) => seen.Contains(eventId);

        public void Commit(StateChange change)
        {
            foreach (var p in change.Participants)
            {
                participants[p.Id] = p;
            }

            if (change.EventId is not null)
            {
                seen.Add(change.EventId);
            }

            PointsIssued += change.PointsIssued;
            CreditIssued += change.CreditIssued;
        }
    }
}
