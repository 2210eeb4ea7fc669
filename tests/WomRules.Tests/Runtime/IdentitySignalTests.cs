using System.Text;
using WomRules.Emit;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Spec v1.1 §8, identity signals: every clause, the identity points of the c5 walkthrough (on a campaign without its
/// caps and rolling window, which are §7), the state file (§12), the front ends and the diagnostics. Every engine
/// test runs both evaluators (<see cref="CampaignRunner"/>).
/// </summary>
public sealed class IdentitySignalTests
{
    // c5's events and identity attributes, with a shared alert and one paying rule per side of the test.
    private const string C5Yaml = """
        womrules: 1
        campaign: freshcart-identity
        events:
          account.verified:
            phone_hash: { type: string, identity: true }
            payment_fp: { type: string, identity: true }
          referral.converted:
            basket_total: decimal
            phone_hash: { type: string, identity: true }
            payment_fp: { type: string, identity: true }
        budget: { points: 100000 }
        rules:
          - name: shared-identity
            on: referral.converted
            when: shares_identity(event.actor, event.referrer)
            rewards:
              - alert: { name: shared-identity, severity: high, data: { referrer: event.referrer } }
          - name: invite-points
            on: referral.converted
            when: not shares_identity(event.actor, event.referrer)
            rewards:
              - { to: referrer, points: round(event.basket_total) }
        """;

    private static string Verified(string id, string actor, string phone, string card, string at) =>
        CampaignRunner.Event(id, "account.verified", actor, $$"""{"phone_hash": "{{phone}}", "payment_fp": "{{card}}"}""", at: at);

    private static string Converted(string id, string actor, string referrer, string phone, string card, string at, string basket = "40.00") =>
        CampaignRunner.Event(id, "referral.converted", actor, $$"""{"basket_total": {{basket}}, "phone_hash": "{{phone}}", "payment_fp": "{{card}}"}""", referrer, at);

    private static readonly string[] C5Lines =
    [
        Verified("ver-1", "greta", "ph-7781", "fp-1001", "2026-09-01T08:00:00Z"),
        Verified("ver-2", "ivan", "ph-3312", "fp-2002", "2026-09-01T08:30:00Z"),
        Converted("inv-1", "jon", "greta", "ph-5550", "fp-3003", "2026-09-01T12:00:00Z"),
        Converted("inv-2", "kemal", "greta", "ph-9001", "fp-1001", "2026-09-01T15:00:00Z", "32.50"),
        Converted("inv-3", "lea", "ivan", "ph-5550", "fp-4004", "2026-09-01T18:00:00Z", "180.00"),
        Converted("inv-4", "mo", "jon", "ph-4242", "fp-3003", "2026-09-02T10:00:00Z"),
    ];

    private static bool Shared(IEnumerable<string> outcomes) => outcomes.Any(o => o.Contains("\"alert\":\"shared-identity\"", StringComparison.Ordinal));

    [Fact]
    public void The_c5_walkthrough_identity_points_hold()
    {
        var runner = new CampaignRunner(C5Yaml);

        // 1. ver-1, ver-2: no rule reacts, but their values are recorded against their actors.
        runner.Run(C5Lines[0], C5Lines[1]).Should().BeEmpty();

        // 2. inv-1: jon shares nothing with greta.
        var inv1 = runner.Run(C5Lines[2]);
        Shared(inv1).Should().BeFalse();
        inv1.Should().ContainSingle(o => o.Contains("\"participant\":\"greta\",\"points\":40", StringComparison.Ordinal));

        // 3. inv-2: kemal's card was recorded for greta by ver-1, and kemal's own value is recorded before rules run.
        var inv2 = runner.Run(C5Lines[3]);
        Shared(inv2).Should().BeTrue();
        inv2.Should().ContainSingle().Which.Should().Contain("\"severity\":\"high\"").And.Contain("\"data\":{\"referrer\":\"greta\"}");

        // 4. inv-3: lea's phone is jon's, not ivan's: only the two participants' own values count.
        var inv3 = runner.Run(C5Lines[4]);
        Shared(inv3).Should().BeFalse();
        inv3.Should().ContainSingle(o => o.Contains("\"participant\":\"ivan\",\"points\":180", StringComparison.Ordinal));

        // 6. inv-4: mo's card was recorded for jon when jon was the actor of inv-1; jon is now the referrer.
        var inv4 = runner.Run(C5Lines[5]);
        Shared(inv4).Should().BeTrue();
        inv4.Single().Should().Contain("\"data\":{\"referrer\":\"jon\"}");
    }

    [Fact]
    public void Identity_records_survive_a_saved_and_resumed_state_at_every_split()
    {
        var campaign = CampaignRunner.Compile(C5Yaml);
        var whole = SplitRuns.Run(campaign, C5Lines, C5Lines.Length);
        whole.Should().Contain("\"identities\"", "the state file carries the records");
        for (var split = 0; split <= C5Lines.Length; split++)
        {
            SplitRuns.Run(campaign, C5Lines, split).Should().Be(whole, $"split after {split} events");
        }
    }

    [Fact]
    public void Records_of_an_attribute_no_longer_marked_identity_are_dropped_on_load()
    {
        var before = CampaignRunner.Compile(C5Yaml);
        var engine = new CampaignEngine(before);
        engine.ProcessJson(C5Lines[0]);
        var saved = SplitRuns.Save((InMemoryParticipantStore)engine.Store, before);
        saved.Should().Contain("\"payment_fp\"");

        var after = CampaignRunner.Compile(C5Yaml.Replace("payment_fp: { type: string, identity: true }", "payment_fp: { type: string, identity: false }", StringComparison.Ordinal));
        var resumed = new CampaignEngine(after, InMemoryParticipantStore.ReadFrom(new MemoryStream(Encoding.UTF8.GetBytes(saved)), after));
        resumed.ProcessJson(Converted("c-1", "kemal", "greta", "ph-9", "fp-1001", "2026-09-01T15:00:00Z")).Select(o => o.ToJson())
            .Should().NotContain(o => o.Contains("shared-identity", StringComparison.Ordinal), "the card is no longer an identity signal");
        var resaved = SplitRuns.Save((InMemoryParticipantStore)resumed.Store, after);
        resaved.Should().Contain("\"phone_hash\"").And.NotContain("\"payment_fp\"");
    }

    [Fact]
    public void Only_the_same_attribute_name_matches()
    {
        var runner = new CampaignRunner(C5Yaml);
        runner.Run(Verified("v-1", "ann", "x-1", "fp-a", "2026-09-01T08:00:00Z"));

        // bo's card is ann's phone value: a different attribute, so no match.
        Shared(runner.Run(Converted("c-1", "bo", "ann", "ph-b", "x-1", "2026-09-01T09:00:00Z"))).Should().BeFalse();
        Shared(runner.Run(Converted("c-2", "cy", "ann", "x-1", "fp-c", "2026-09-01T10:00:00Z"))).Should().BeTrue();
    }

    [Fact]
    public void Empty_values_never_match_and_are_not_recorded()
    {
        var runner = new CampaignRunner(C5Yaml);
        runner.Run(Verified("v-1", "ann", "", "", "2026-09-01T08:00:00Z"));
        Shared(runner.Run(Converted("c-1", "bo", "ann", "", "", "2026-09-01T09:00:00Z"))).Should().BeFalse();

        var state = SplitRuns.Save((InMemoryParticipantStore)runner.Engine.Store, runner.Engine.Campaign);
        state.Should().NotContain("\"identities\"", "an empty value is never recorded");
    }

    [Fact]
    public void It_is_false_for_the_same_id_and_for_an_empty_id()
    {
        const string yaml = """
            womrules: 1
            campaign: same
            events:
              seen:
                dev: { type: string, identity: true }
                other: { type: string, default: "" }
            rules:
              - { name: self, on: seen, when: "shares_identity(event.actor, event.actor)", rewards: [ { alert: self } ] }
              - { name: empty, on: seen, when: "shares_identity(event.actor, event.other) or shares_identity(event.other, event.actor)", rewards: [ { alert: empty } ] }
              - { name: other, on: seen, when: "shares_identity(event.actor, event.other)", rewards: [ { alert: other } ] }
            """;
        var runner = new CampaignRunner(yaml);
        runner.Run(CampaignRunner.Event("e-1", "seen", "ann", """{"dev": "d-1"}""")).Should().BeEmpty("an id shares nothing with itself or with \"\"");
        runner.Run(CampaignRunner.Event("e-2", "seen", "bo", """{"dev": "d-1", "other": "ann"}"""))
            .Should().Equal(
                """{"kind":"reward","event":"e-2","rule":"empty","participant":"bo","alert":"empty","severity":"medium"}""",
                """{"kind":"reward","event":"e-2","rule":"other","participant":"bo","alert":"other","severity":"medium"}""");
    }

    [Fact]
    public void Events_that_are_not_accepted_record_nothing()
    {
        var runner = new CampaignRunner(C5Yaml);

        // A line missing a required identity attribute is rejected, and a duplicate id is not applied: neither records.
        runner.Run(CampaignRunner.Event("v-1", "account.verified", "ann", """{"phone_hash": "ph-1"}""", at: "2026-09-01T08:00:00Z"))
            .Should().ContainSingle().Which.Should().Contain("\"kind\":\"rejected\"");
        runner.Run(Verified("v-2", "zed", "ph-z", "fp-z", "2026-09-01T08:10:00Z"));
        runner.Run(Verified("v-2", "ann", "ph-1", "fp-1", "2026-09-01T08:20:00Z")).Should().ContainSingle().Which.Should().Contain("\"kind\":\"duplicate\"");

        Shared(runner.Run(Converted("c-1", "bo", "ann", "ph-1", "fp-1", "2026-09-01T09:00:00Z"))).Should().BeFalse();
    }

    [Fact]
    public void Under_the_ids_option_the_arguments_are_compared_canonicalised()
    {
        var yaml = C5Yaml.Replace("budget:", "ids: { case: insensitive }\nbudget:", StringComparison.Ordinal)
            .Replace("shares_identity(event.actor, event.referrer)\n    rewards:\n      - alert", "shares_identity(upper(event.actor), \"GRETA\")\n    rewards:\n      - alert", StringComparison.Ordinal);
        yaml.Should().Contain("\"GRETA\"");
        var runner = new CampaignRunner(yaml);
        runner.Run(Verified("v-1", "Greta", "ph-1", "fp-1", "2026-09-01T08:00:00Z"));
        Shared(runner.Run(Converted("c-1", "KEMAL", "someone", "ph-9", "fp-1", "2026-09-01T09:00:00Z"))).Should().BeTrue("GRETA and KEMAL are greta and kemal");
    }

    [Fact]
    public void A_failed_event_takes_its_records_back()
    {
        // An event its store fails to commit is undone, its identity records too, and the engine says so (docs/stores.md).
        var campaign = CampaignRunner.Compile(C5Yaml);
        var store = new ThrowingStore();
        var engine = new CampaignEngine(campaign, store);
        engine.ProcessJson(Verified("v-1", "ann", "ph-1", "fp-1", "2026-09-01T08:00:00Z")).Should().BeEmpty();
        store.Throw = true;
        engine.Invoking(e => e.ProcessJson(Verified("v-2", "bo", "ph-2", "fp-2", "2026-09-01T08:10:00Z")))
            .Should().Throw<StoreCommitException>().Which.EventId.Should().Be("v-2");
        store.Throw = false;

        // Had bo's values stayed, cy would share bo's phone.
        var outcomes = engine.ProcessJson(Converted("c-1", "cy", "bo", "ph-2", "fp-3", "2026-09-01T09:00:00Z"));
        outcomes.Select(o => o.ToJson()).Should().NotContain(o => o.Contains("shared-identity", StringComparison.Ordinal));
    }

    /// <summary>
    /// A then B from the saved state equals A+B, the evaluators agree, and every referral's answer is the one a plain
    /// model of §8 gives (sets of (attribute, value) per participant over the accepted events, the current one included),
    /// over seeded random streams with duplicates, rejected lines, empty values and, on half, the ids option.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Random_streams_follow_the_model_split_anywhere_and_agree_across_evaluators(bool ids)
    {
        var yaml = ids ? C5Yaml.Replace("budget:", "ids: { case: insensitive }\nbudget:", StringComparison.Ordinal) : C5Yaml;
        var compiled = CampaignRunner.Compile(yaml, EvaluatorKind.Compiled);
        var reference = CampaignRunner.Compile(yaml, EvaluatorKind.Reference);
        var (sharedSeen, notSharedSeen) = (0, 0);
        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(seed);
            var (lines, expected) = Stream(random, ids);
            var whole = SplitRuns.Run(compiled, lines, lines.Length);
            SplitRuns.Run(reference, lines, lines.Length).Should().Be(whole, $"the evaluators must agree, seed {seed}");
            var split = random.Next(lines.Length + 1);
            SplitRuns.Run(compiled, lines, split).Should().Be(whole, $"seed {seed}, split after {split} lines");

            var outcomes = whole.Split("--- state ---")[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var (id, shared) in expected)
            {
                var mine = outcomes.Where(o => o.Contains($"\"event\":\"{id}\"", StringComparison.Ordinal)).ToList();
                Shared(mine).Should().Be(shared, $"seed {seed}, event {id}");
                mine.Any(o => o.Contains("\"rule\":\"invite-points\"", StringComparison.Ordinal)).Should().Be(!shared, $"seed {seed}, event {id}");
                (shared ? ref sharedSeen : ref notSharedSeen)++;
            }
        }

        sharedSeen.Should().BeGreaterThan(100, "the streams must often share an identity, or the property proves little");
        notSharedSeen.Should().BeGreaterThan(100);
    }

    private static (string[] Lines, List<(string Id, bool Shared)> Expected) Stream(Random random, bool ids)
    {
        string[] people = ["ann", "bo", "cy", "dee", "eve", "fin"];
        var records = new Dictionary<string, HashSet<(string, string)>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        var expected = new List<(string, bool)>();
        var at = new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);
        string Value(string prefix) => random.Next(5) == 0 ? "" : prefix + random.Next(4);
        string Spell(string id) => ids && random.Next(2) == 0 ? id.ToUpperInvariant() : id;
        for (var i = 0; i < 30; i++)
        {
            at = at.AddMinutes(random.Next(1, 90));
            var id = random.Next(8) == 0 && i > 0 ? $"e-{random.Next(i)}" : $"e-{i}";
            var actor = people[random.Next(people.Length)];
            var (phone, card) = (Value("ph-"), Value("fp-"));
            var time = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            if (random.Next(10) == 0)
            {
                // Missing a required identity attribute: rejected, records nothing.
                lines.Add(CampaignRunner.Event(id, "account.verified", Spell(actor), $$"""{"phone_hash": "{{phone}}"}""", at: time));
                continue;
            }

            var referral = random.Next(3) != 0;
            var referrer = people[random.Next(people.Length)];
            lines.Add(referral ? Converted(id, Spell(actor), Spell(referrer), phone, card, time) : Verified(id, Spell(actor), phone, card, time));
            if (!seen.Add(id))
            {
                continue; // a duplicate: not applied
            }

            var mine = records.TryGetValue(actor, out var r) ? r : records[actor] = [];
            foreach (var (name, value) in new[] { ("phone_hash", phone), ("payment_fp", card) })
            {
                if (value.Length > 0)
                {
                    mine.Add((name, value));
                }
            }

            if (referral)
            {
                var shared = actor != referrer && records.TryGetValue(referrer, out var theirs) && mine.Overlaps(theirs);
                expected.Add((id, shared));
            }
        }

        return ([.. lines], expected);
    }

    [Theory]
    [InlineData("dev: { type: int, identity: true }", "WOM3080", 6, 33)]
    [InlineData("dev: { type: string, identity: yes }", "WOM3082", 6, 36)]
    public void An_identity_mistake_is_reported_at_the_flag_in_yaml(string declaration, string id, int line, int column)
    {
        var text = $$"""
            womrules: 1
            campaign: mistakes
            events:
              seen:
                n: int
                {{declaration}}
            rules:
              - { name: r, on: seen, rewards: [ { alert: a } ] }
            """;

        CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}")
            .Should().Equal($"{line}:{column} {id}");
    }

    [Fact]
    public void Identity_on_a_participant_attribute_is_reported_at_the_flag()
    {
        const string text = """
            womrules: 1
            campaign: mistakes
            events:
              seen: { n: int }
            participant:
              dev: { type: string, default: "", identity: true }
            rules:
              - { name: r, on: seen, rewards: [ { alert: a } ] }
            """;

        var diagnostic = CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Should().ContainSingle(d => d.IsError).Subject;
        $"{diagnostic.Line}:{diagnostic.Column} {diagnostic.Id}".Should().Be("6:47 WOM3081");
        diagnostic.Message.Should().Contain("'dev'");
    }

    [Fact]
    public void Identity_on_a_non_string_attribute_in_the_dsl_is_reported_at_the_word()
    {
        const string text = """
            campaign mistakes
            event seen
              n: decimal identity
            rule r on seen
              reward alert a
            """;

        var diagnostic = CampaignCompilation.Create(text, "c.wom").GetDiagnostics().Should().ContainSingle(d => d.IsError).Subject;
        $"{diagnostic.Line}:{diagnostic.Column} {diagnostic.Id}".Should().Be("3:14 WOM3080");
        diagnostic.Message.Should().Be("Only string attributes can be identity signals, and 'n' is a decimal; declare it '{ type: string, identity: true }' or drop 'identity'.");
    }

    [Theory]
    [InlineData("shares_identity(event.actor)", "WOM3015")]
    [InlineData("shares_identity(event.actor, 3)", "WOM3018")]
    public void Shares_identity_takes_two_strings(string when, string id)
    {
        var text = C5Yaml.Replace("when: shares_identity(event.actor, event.referrer)\n    rewards:\n      - alert", $"when: {when}\n    rewards:\n      - alert", StringComparison.Ordinal);
        CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Where(d => d.IsError).Select(d => d.Id).Should().Equal(id);
    }

    [Fact]
    public void The_dsl_form_is_the_yaml_form_and_both_print_back()
    {
        const string dsl = """
            campaign ids
            event seen
              dev: string identity
              ip: string identity = ""
              n: int
            rule r on seen
              when shares_identity(event.actor, event.referrer)
              reward alert a
            """;

        var yaml = Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
        yaml.Should().Contain("dev: { type: string, identity: true }").And.Contain("ip: { type: string, default: \"\", identity: true }").And.Contain("n: int");
        Forms.ShouldBeSameTree(Forms.Parse(yaml, CampaignFormat.Yaml), Forms.Parse(dsl, CampaignFormat.Dsl), "identity is one tree in both forms");
        Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl).Should().Be(Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Dsl));
        CampaignCompilation.Create(yaml, "c.yaml").GetDiagnostics().Should().NotContain(d => d.IsError);
    }

    [Fact]
    public void An_event_type_that_only_records_identities_needs_no_rule()
    {
        CampaignCompilation.Create(C5Yaml, "c.yaml").GetDiagnostics().Should().NotContain(d => d.Id == "WOM4006", "account.verified records identity values");
    }

    /// <summary>A store whose commits fail on demand: the engine undoes the event.</summary>
    private sealed class ThrowingStore : IParticipantStore
    {
        private readonly InMemoryParticipantStore inner = new();

        public bool Throw { get; set; }

        public long PointsIssued => inner.PointsIssued;

        public decimal CreditIssued => inner.CreditIssued;

        public ParticipantState? Find(string participantId) => inner.Find(participantId);

        public bool HasSeenEvent(string eventId) => inner.HasSeenEvent(eventId);

        public void Commit(StateChange change)
        {
            if (Throw)
            {
                throw new InvalidOperationException("the store is down");
            }

            inner.Commit(change);
        }
    }
}
