using System.Text.Json;
using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Issue 10, defects 1 and 2: an amount that would overflow a balance, a counter, the budget test or the issued
/// total skips that rule alone with reason <c>error</c> and a <c>detail</c>; nothing wraps, nothing rejects the event.
/// </summary>
public sealed class MoneyOverflowTests
{
    private const long Max = long.MaxValue;

    private static string Campaign(string budget = "") => $$"""
        womrules: 1
        campaign: overflow
        {{budget}}
        events:
          grant: { p: int, c: { type: decimal, default: 0 }, rate: { type: decimal, default: 0 } }
        counters: [hits]
        rules:
          - name: points
            on: grant
            when: event.p > 0
            rewards:
              - points: event.p
          - name: rate
            on: grant
            when: event.rate > 0
            rewards:
              - points: round(event.rate * 1000)
          - name: credit
            on: grant
            when: event.c > 0
            rewards:
              - credit: event.c
          - name: hits
            on: grant
            rewards:
              - { counter: hits, by: event.p }
          - name: badge
            on: grant
            rewards:
              - badge: seen
        """;

    private static string Grant(string id, string actor, long p, decimal c = 0m, decimal rate = 0m) =>
        Event(id, "grant", actor, $$"""{"p": {{p}}, "c": {{c}}, "rate": {{rate}}}""");

    private static List<JsonElement> Parse(IEnumerable<string> lines) => [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static JsonElement Only(List<JsonElement> outcomes, string rule) =>
        outcomes.Where(o => RuleOf(o) == rule).Should().ContainSingle().Subject;

    private static string? RuleOf(JsonElement outcome) => outcome.TryGetProperty("rule", out var r) ? r.GetString() : null;

    [Fact]
    public void The_budget_test_does_not_wrap_when_used_plus_amount_passes_the_largest_amount()
    {
        var runner = new CampaignRunner(Campaign($"budget: {{ points: {Max - 100} }}"));
        runner.Run(Grant("e-1", "u-1", 1000));

        // 1000 + (Max - 10) wraps negative with unchecked addition, and "negative <= budget" would pay it.
        var outcomes = Parse(runner.Run(Grant("e-2", "u-2", Max - 10)));

        Only(outcomes, "points").GetProperty("reason").GetString().Should().Be("budget");
        runner.Engine.Store.PointsIssued.Should().Be(1000);
        runner.Participant("u-2")!.Points.Should().Be(0);
    }

    [Fact]
    public void A_rounded_rate_near_the_largest_amount_cannot_get_past_the_budget()
    {
        var runner = new CampaignRunner(Campaign("budget: { points: 1000000 }"));
        runner.Run(Grant("e-1", "u-1", 999_000));

        var outcomes = Parse(runner.Run(Grant("e-2", "u-1", 0, rate: 9_223_372_036_854_775m)));

        Only(outcomes, "rate").GetProperty("reason").GetString().Should().Be("budget");
        runner.Engine.Store.PointsIssued.Should().Be(999_000);
    }

    [Fact]
    public void A_rounded_amount_past_the_int_range_is_an_error_with_a_detail()
    {
        var runner = new CampaignRunner(Campaign());

        var outcomes = Parse(runner.Run(Grant("e-1", "u-1", 0, rate: 9_300_000_000_000_000m)));

        var skipped = Only(outcomes, "rate");
        skipped.GetProperty("reason").GetString().Should().Be("error");
        skipped.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_balance_that_would_overflow_skips_that_rule_with_error_and_the_rest_of_the_event_applies()
    {
        var runner = new CampaignRunner(Campaign());
        runner.Run(Grant("e-1", "u-1", Max));

        var outcomes = Parse(runner.Run(Grant("e-2", "u-1", 1, c: 5m)));

        var skipped = Only(outcomes, "points");
        skipped.GetProperty("kind").GetString().Should().Be("skipped");
        skipped.GetProperty("reason").GetString().Should().Be("error");
        skipped.GetProperty("detail").GetString().Should().Contain("points").And.Contain(Max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Only(outcomes, "credit").GetProperty("kind").GetString().Should().Be("reward", "the other rules of the event still apply");
        runner.Participant("u-1")!.Points.Should().Be(Max);
        runner.Participant("u-1")!.Credit.Should().Be(5m);
    }

    [Fact]
    public void The_points_issued_total_never_wraps_even_without_a_budget()
    {
        var runner = new CampaignRunner(Campaign());
        runner.Run(Grant("e-1", "u-1", Max));

        var outcomes = Parse(runner.Run(Grant("e-2", "u-2", Max)));

        Only(outcomes, "points").GetProperty("reason").GetString().Should().Be("error");
        runner.Engine.Store.PointsIssued.Should().Be(Max);
    }

    [Fact]
    public void Credit_that_would_overflow_a_balance_skips_with_error()
    {
        var runner = new CampaignRunner(Campaign());
        runner.Run(Grant("e-1", "u-1", 0, c: decimal.MaxValue));

        var outcomes = Parse(runner.Run(Grant("e-2", "u-1", 0, c: 1m)));

        var skipped = Only(outcomes, "credit");
        skipped.GetProperty("reason").GetString().Should().Be("error");
        skipped.GetProperty("detail").GetString().Should().Contain("credit");
        runner.Participant("u-1")!.Credit.Should().Be(decimal.MaxValue);
    }

    [Fact]
    public void A_counter_at_the_largest_amount_skips_that_rule_alone_and_later_events_still_pay()
    {
        var runner = new CampaignRunner(Campaign());
        runner.Run(Grant("e-1", "u-1", Max));
        runner.Run(Grant("e-1b", "u-1", 0, c: 1m)); // p = 0: the counter steps by 0

        var outcomes = Parse(runner.Run(Grant("e-2", "u-1", 1, c: 2m)));

        outcomes.Should().NotContain(o => o.GetProperty("kind").GetString() == "rejected");
        var skipped = Only(outcomes, "hits");
        skipped.GetProperty("reason").GetString().Should().Be("error");
        skipped.GetProperty("detail").GetString().Should().Contain("hits");
        Only(outcomes, "credit").GetProperty("kind").GetString().Should().Be("reward");
        runner.Participant("u-1")!.CounterValues["hits"].Should().Be(Max);
        runner.Participant("u-1")!.Credit.Should().Be(3m);

        var later = Parse(runner.Run(Grant("e-3", "u-1", 0, c: 4m)));
        Only(later, "credit").GetProperty("kind").GetString().Should().Be("reward", "a saturated counter must not block a participant's later events");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_counter_and_balances_loaded_at_the_largest_amount_skip_only_the_rules_that_would_pass_it(bool compiled)
    {
        // As a state file can load them: the engine must not trust that stored amounts left room.
        var campaign = CampaignRunner.Compile(Campaign(), compiled ? WomRules.Emit.EvaluatorKind.Compiled : WomRules.Emit.EvaluatorKind.Reference);
        var store = new WomRules.Runtime.InMemoryParticipantStore();
        var stored = new WomRules.Runtime.ParticipantState(campaign.Schema, "u-1") { Points = Max, LifetimePoints = Max, Credit = decimal.MaxValue };
        stored.Counters[0] = Max;
        store.Put(stored);
        var engine = new WomRules.Runtime.CampaignEngine(campaign, store);

        var outcomes = Parse(engine.ProcessJson(Grant("e-1", "u-1", 1, c: 1m)).Select(o => o.ToJson()));

        foreach (var rule in new[] { "points", "credit", "hits" })
        {
            Only(outcomes, rule).GetProperty("reason").GetString().Should().Be("error", rule);
        }

        Only(outcomes, "badge").GetProperty("kind").GetString().Should().Be("reward");
        var after = engine.GetParticipant("u-1")!;
        (after.Points, after.Credit, after.CounterValues["hits"]).Should().Be((Max, decimal.MaxValue, Max));
    }

    [Fact]
    public void Two_rewards_of_one_rule_to_the_same_participant_are_checked_together()
    {
        const string campaign = """
            womrules: 1
            campaign: pair
            events:
              grant: { p: int }
            counters: [hits]
            rules:
              - name: twice
                on: grant
                rewards:
                  - { counter: hits, by: event.p }
                  - { badge: b1 }
                  - { counter: hits, by: event.p }
            """;
        var runner = new CampaignRunner(campaign);

        var outcomes = Parse(runner.Run(Event("e-1", "grant", "u-1", $$"""{"p": {{(Max / 2) + 1}}}""")));

        Only(outcomes, "twice").GetProperty("reason").GetString().Should().Be("error");
        runner.Participant("u-1")!.Badges.Should().BeEmpty("a rule fires as a whole or not at all");
        runner.Participant("u-1")!.CounterValues["hits"].Should().Be(0);
    }

    [Fact]
    public void Other_errors_carry_a_detail_too()
    {
        const string campaign = """
            womrules: 1
            campaign: div
            events:
              grant: { p: int }
            rules:
              - name: divide
                on: grant
                rewards:
                  - points: 100 / event.p
              - name: negative
                on: grant
                rewards:
                  - points: event.p - 10
            """;
        var runner = new CampaignRunner(campaign);

        var outcomes = Parse(runner.Run(Event("e-1", "grant", "u-1", """{"p": 0}""")));

        Only(outcomes, "divide").GetProperty("detail").GetString().Should().Contain("division by zero");
        Only(outcomes, "negative").GetProperty("detail").GetString().Should().Contain("negative");
    }

    [Fact]
    public void Credit_issued_is_tested_as_it_is_committed_since_decimal_addition_rounds()
    {
        // Two rules of 0.3 credit each on a store total of decimal.MaxValue: added one at a time each rounds back to
        // MaxValue, and the event's total 0.6 added at commit rounds past it. Neither sum is exact, so neither is paid
        // (a paid 0.3 that left the total at MaxValue would be credit the ledger never counted).
        var runner = new CampaignRunner("""
            womrules: 1
            campaign: rounding
            events:
              grant: { c: decimal }
            rules:
              - name: first
                on: grant
                rewards:
                  - credit: event.c
              - name: second
                on: grant
                rewards:
                  - { to: referrer, credit: event.c }
            """);
        runner.Run(Event("e-1", "grant", "u-1", $$"""{"c": {{decimal.MaxValue}}}"""));
        runner.Engine.Store.CreditIssued.Should().Be(decimal.MaxValue);

        var outcomes = Parse(runner.Run(Event("e-2", "grant", "u-2", """{"c": 0.3}""", referrer: "u-3")));

        outcomes.Should().NotContain(o => o.GetProperty("kind").GetString() == "rejected");
        foreach (var rule in new[] { "first", "second" })
        {
            var skipped = Only(outcomes, rule);
            skipped.GetProperty("reason").GetString().Should().Be("error", rule);
            skipped.GetProperty("detail").GetString().Should().Contain("credit issued", rule);
        }

        runner.Engine.Store.CreditIssued.Should().Be(decimal.MaxValue);
    }
    [Fact]
    public void Credit_that_decimal_addition_would_round_is_never_paid_past_a_full_budget()
    {
        // CampaignRunner checks both evaluators agree. Near the decimal range a sum keeps only 28-29 digits: 7922816251426433759354395033.5 + 0.04 rounds back to
        // the cap, so a test on the rounded sum would find the full budget "not exceeded" and pay forever.
        const decimal cap = 7922816251426433759354395033.5m;
        var runner = new CampaignRunner($$"""
            womrules: 1
            campaign: rounding
            budget: { credit: {{cap}} }
            events:
              grant: { c: decimal }
            rules:
              - name: credit
                on: grant
                rewards:
                  - credit: event.c
            """);
        runner.Run(Event("e-0", "grant", "u-0", $$"""{"c": {{cap}}}"""));
        runner.Engine.Store.CreditIssued.Should().Be(cap);

        for (var i = 1; i <= 3; i++)
        {
            var outcome = Only(Parse(runner.Run(Event($"e-{i}", "grant", $"u-{i}", """{"c": 0.04}"""))), "credit");
            outcome.GetProperty("kind").GetString().Should().Be("skipped", "the budget is already used up");
        }

        runner.Engine.Store.CreditIssued.Should().Be(cap);
    }

    [Fact]
    public void A_balance_grows_by_exactly_the_credit_its_outcomes_report()
    {
        // 79228162514264337593543950.335 + 0.60 has 30 digits: decimal rounds it to ...950.94, a balance 0.005 above
        // what was paid. Such a sum must skip the rule (error), not round the ledger.
        var runner = new CampaignRunner(Campaign());
        runner.Run(Grant("e-0", "u-1", 0, c: 79228162514264337593543950.335m));
        var before = runner.Participant("u-1")!.Credit;

        var outcomes = Parse(runner.Run(Grant("e-1", "u-1", 0, c: 0.60m)));

        var paid = outcomes.Where(o => o.GetProperty("kind").GetString() == "reward" && o.TryGetProperty("credit", out _))
            .Sum(o => decimal.Parse(o.GetProperty("credit").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        (runner.Participant("u-1")!.Credit - before).Should().Be(paid);
        Only(outcomes, "credit").GetProperty("reason").GetString().Should().Be("error");
    }
    [Fact]
    public void Credit_of_28_decimals_keeps_paying_when_the_sum_rounds_only_past_its_20th_digit()
    {
        // event.t / 3 gives 3.3333333333333333333333333333; from a balance of 7.92 on, the sum has more digits than a
        // decimal holds and rounds by about 1e-28. That is no lost money: the rule must keep paying, and the budget
        // used must still follow the outcomes to within that rounding.
        var runner = new CampaignRunner("""
            womrules: 1
            campaign: thirds
            budget: { credit: 1000 }
            events:
              grant: { t: decimal }
            rules:
              - name: third
                on: grant
                rewards:
                  - credit: event.t / 3
            """);
        var paid = 0m;
        for (var i = 1; i <= 6; i++)
        {
            var outcome = Only(Parse(runner.Run(Event($"e-{i}", "grant", "u-1", """{"t": 10}"""))), "third");
            outcome.GetProperty("kind").GetString().Should().Be("reward", $"event {i} is far inside the budget");
            paid += decimal.Parse(outcome.GetProperty("credit").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        }

        Math.Abs(runner.Engine.Store.CreditIssued - paid).Should().BeLessThan(1e-20m);
        Math.Abs(runner.Participant("u-1")!.Credit - paid).Should().BeLessThan(1e-20m);
    }

    [Fact]
    public void Held_points_count_against_the_balance_so_their_release_can_never_overflow_it()
    {
        // The balance comes from a state file, so the campaign's issued total (which counts held points) is small and
        // only the participant's own balance and held points can stop the grant.
        var campaign = Compile("""
            womrules: 1
            campaign: held
            events:
              grant: { p: int, h: int }
            rules:
              - { name: now, on: grant, when: event.p > 0, rewards: [ { points: event.p } ] }
              - { name: held, on: grant, when: event.h > 0, rewards: [ { points: event.h, pending: 1d } ] }
            """);
        using var state = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("{\"participants\": {\"u-1\": {\"points\": " + (Max - 10) + ", \"lifetime_points\": " + (Max - 10) + "}}}"));
        var engine = new WomRules.Runtime.CampaignEngine(campaign, WomRules.Runtime.InMemoryParticipantStore.ReadFrom(state, campaign));
        List<JsonElement> Run(string line) => Parse(engine.ProcessJson(line).Select(o => o.ToJson()));

        Run(Event("e-1", "grant", "u-1", """{"p": 0, "h": 8}""", at: "2026-03-02T11:00:00Z"));

        // The balance and what is held come to Max - 2, so 5 more points would leave no room for the release.
        var skipped = Only(Run(Event("e-2", "grant", "u-1", """{"p": 5, "h": 0}""", at: "2026-03-02T12:00:00Z")), "now");
        skipped.GetProperty("reason").GetString().Should().Be("error");
        skipped.GetProperty("detail").GetString().Should().Contain("held points");

        Run(Event("e-3", "grant", "u-1", """{"p": 0, "h": 0}""", at: "2026-03-04T10:00:00Z"))
            .Should().ContainSingle(o => o.GetProperty("kind").GetString() == "released");
        engine.GetParticipant("u-1")!.Points.Should().Be(Max - 2);
        engine.GetParticipant("u-1")!.PendingPoints.Should().Be(0);
    }
}
