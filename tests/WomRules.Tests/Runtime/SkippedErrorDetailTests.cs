using System.Text.Json;
using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Issue 12, item 8: every <c>skipped</c> outcome with reason <c>error</c> says in <c>detail</c> what failed. One rule per
/// way a rule can fail at run time (RuleFiring and AlertDataValues are the only places that produce reason
/// <c>error</c>); each is driven by one event, through both evaluators.
/// </summary>
public sealed class SkippedErrorDetailTests
{
    private const long Max = long.MaxValue;

    private const string Campaign = """
        womrules: 1
        campaign: details
        events:
          go: { kind: string, n: { type: int, default: 0 }, d: { type: decimal, default: 0 }, s: { type: string, default: "" } }
        counters: [hits]
        rules:
          - { name: condition-division, on: go, when: "event.kind == 'cond' and 10 / event.n > 1", rewards: [ { points: 1 } ] }
          - { name: amount-division, on: go, when: "event.kind == 'div'", rewards: [ { points: 10 / event.n } ] }
          - { name: amount-overflow, on: go, when: "event.kind == 'mul'", rewards: [ { points: event.n * event.n } ] }
          - { name: negative-points, on: go, when: "event.kind == 'negp'", rewards: [ { points: event.n } ] }
          - { name: negative-credit, on: go, when: "event.kind == 'negc'", rewards: [ { credit: event.d } ] }
          - { name: negative-step, on: go, when: "event.kind == 'negs'", rewards: [ { counter: hits, by: event.n } ] }
          - { name: points-sum, on: go, when: "event.kind == 'sum'", rewards: [ { points: event.n }, { points: event.n } ] }
          - { name: credit-sum, on: go, when: "event.kind == 'csum'", rewards: [ { credit: event.d }, { credit: event.d } ] }
          - { name: balance, on: go, when: "event.kind == 'bal'", rewards: [ { points: event.n } ] }
          - { name: alert-data, on: go, when: "event.kind == 'alert'", rewards: [ { alert: { name: a, data: { q: 1 / event.n } } } ] }
          - { name: long-string, on: go, when: "event.kind == 'str' and len(event.s + event.s) > 0", rewards: [ { points: 1 } ] }
        """;

    public static TheoryData<string, string, string> Failures() => new()
    {
        { """{"kind": "cond"}""", "condition-division", "the condition could not be evaluated: division by zero" },
        { """{"kind": "div"}""", "amount-division", "the amount could not be computed: division by zero" },
        { """{"kind": "mul", "n": 9223372036854775807}""", "amount-overflow", "the amount could not be computed: arithmetic overflow" },
        { """{"kind": "negp", "n": -3}""", "negative-points", "the points amount is negative: -3" },
        { """{"kind": "negc", "d": -2.5}""", "negative-credit", "the credit amount is negative: -2.5" },
        { """{"kind": "negs", "n": -1}""", "negative-step", "the counter step is negative: -1" },
        { """{"kind": "sum", "n": 9223372036854775807}""", "points-sum", "points overflow" },
        { """{"kind": "csum", "d": 79228162514264337593543950335}""", "credit-sum", "credit overflow" },
        { """{"kind": "alert"}""", "alert-data", "the alert data 'q' could not be computed: division by zero" },
        { """{"kind": "str", "s": "abcdefghij"}""", "long-string", "the condition could not be evaluated: a string would be longer than the limit" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Every_kind_of_failure_says_what_failed(string attributes, string rule, string detail)
    {
        var runner = new CampaignRunner(Campaign, CompilationOptions.Default with { MaxStringLength = 12 });
        var outcome = Single(runner.Run(Event("e-1", "go", "u-1", attributes)));
        outcome.GetProperty("rule").GetString().Should().Be(rule);
        outcome.GetProperty("reason").GetString().Should().Be("error");
        outcome.GetProperty("detail").GetString().Should().StartWith(detail);
    }

    [Fact]
    public void A_grant_past_the_largest_amount_says_which_total_overflows()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Event("e-1", "go", "u-1", $$"""{"kind": "bal", "n": {{Max}}}"""));
        var outcome = Single(runner.Run(Event("e-2", "go", "u-1", """{"kind": "bal", "n": 1}""")));
        outcome.GetProperty("reason").GetString().Should().Be("error");
        outcome.GetProperty("detail").GetString().Should().Be($"points issued overflow: {Max} + 1 exceeds the largest amount");
    }

    [Fact]
    public void Only_error_skips_carry_a_detail()
    {
        var runner = new CampaignRunner(Campaign.Replace("events:", "budget: { points: 5 }\nevents:"));
        var outcome = Single(runner.Run(Event("e-1", "go", "u-1", """{"kind": "bal", "n": 6}""")));
        outcome.GetProperty("reason").GetString().Should().Be("budget");
        outcome.TryGetProperty("detail", out _).Should().BeFalse();
    }

    private static JsonElement Single(List<string> lines) =>
        lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).Where(o => o.GetProperty("kind").GetString() != "tier").Should().ContainSingle().Subject;
}
