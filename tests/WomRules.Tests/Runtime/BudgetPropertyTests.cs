using System.Globalization;
using System.Numerics;
using CsCheck;
using WomRules.Emit;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Issue 10, defect 1, as a law: over any sequence of events with huge and boundary amounts, the budget used stays
/// within [0, budget], and the issued totals and every balance equal the sums of the reward outcomes, after every
/// event, in both evaluators.
/// </summary>
public sealed class BudgetPropertyTests
{
    private static readonly long[] Points =
    [
        0, 1, 2, 7, 1000, -1, -5, long.MaxValue, long.MaxValue - 1, long.MaxValue / 2, (long.MaxValue / 2) + 1,
        long.MinValue, long.MinValue + 1, 999_999, 1_000_000,
    ];

    private static readonly decimal[] Credits =
    [
        0m, 0.01m, 1m, 10.50m, -1m, decimal.MaxValue, decimal.MaxValue - 1m, decimal.MaxValue / 2m, decimal.MinValue,
        9_223_372_036_854_775.807m, 9_300_000_000_000_000m, 1_000_000m,
    ];

    private static readonly string[] Budgets =
    [
        "budget: { points: 1000000, credit: 1000000.00 }",
        $"budget: {{ points: {long.MaxValue}, credit: 79228162514264337593543950335 }}",
        $"budget: {{ points: {long.MaxValue - 1}, credit: 79228162514264337593543950334 }}",
        "budget: { points: 0, credit: 0 }",
        "budget: { points: 1 }",
        "",
    ];

    private static string Campaign(string budget) => $$"""
        womrules: 1
        campaign: budget-law
        {{budget}}
        events:
          grant: { p: int, c: decimal, rate: decimal }
        counters: [hits]
        rules:
          - name: points
            on: grant
            rewards:
              - { to: referrer, points: event.p }
              - { to: actor, points: event.p, counter: hits, by: event.p }
          - name: rate
            on: grant
            priority: -1
            rewards:
              - points: round(event.rate * 1000)
          - name: credit
            on: grant
            rewards:
              - { credit: event.c }
              - { to: referrer, credit: event.c * 2 }
          - name: sum
            on: grant
            priority: -2
            rewards:
              - points: event.p + event.p
              - credit: event.c + event.rate
        """;

    private sealed record GrantEvent(string Actor, string? Referrer, long P, decimal C, decimal Rate);

    private static readonly Gen<GrantEvent> GrantGen =
        Gen.Select(
            Gen.OneOf("u-1", "u-2", "u-3"),
            Gen.OneOf<string?>(null, "u-1", "u-2", "u-4"),
            Gen.OneOf(Gen.OneOf(Points), Gen.Long),
            Gen.OneOf(Gen.OneOf(Credits), Gen.Decimal),
            Gen.OneOf(Credits),
            (actor, referrer, p, c, rate) => new GrantEvent(actor, referrer, p, c, rate));

    private static readonly Gen<(int Budget, GrantEvent[] Events)> Cases =
        Gen.Select(Gen.Int[0, Budgets.Length - 1], GrantGen.Array[1, 25]);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Budget_used_stays_within_the_budget_and_totals_equal_the_outcomes(bool compiled)
    {
        var evaluator = compiled ? EvaluatorKind.Compiled : EvaluatorKind.Reference;
        var campaigns = Budgets.Select(b => CampaignRunner.Compile(Campaign(b), evaluator)).ToArray();
        Cases.Sample(
            testCase => Check(campaigns[testCase.Budget], testCase.Events),
            iter: 400,
            threads: 1);
    }

    // Credit sums are kept exactly, as integers in units of 1e-28: a per-outcome decimal sum could itself round past
    // decimal.MaxValue where the engine's per-rule sums did not.
    private static readonly BigInteger DecimalUnit = BigInteger.Pow(10, 28);

    private static BigInteger Exact(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        var exact = mantissa * BigInteger.Pow(10, 28 - scale);
        return bits[3] < 0 ? -exact : exact;
    }

    // decimal keeps 28 to 29 significant digits, so the engine's per-rule sums and these exact sums may differ in the
    // last digits of each addition; a wrapped or lost amount is far outside this.
    private static void ShouldBeCloseTo(decimal actual, BigInteger exactSum, int additions, string because)
    {
        var tolerance = ((BigInteger.Abs(exactSum) / BigInteger.Pow(10, 26)) + DecimalUnit) * Math.Max(additions, 1);
        BigInteger.Abs(Exact(actual) - exactSum).Should().BeLessThanOrEqualTo(tolerance, because);
    }

    private static void Check(CompiledCampaign campaign, GrantEvent[] events)
    {
        var engine = new CampaignEngine(campaign);
        var budget = campaign.Bound.Budget;
        BigInteger pointsSum = 0;
        BigInteger creditSum = 0;
        var pointsOf = new Dictionary<string, BigInteger>();
        var creditOf = new Dictionary<string, BigInteger>();
        var creditAdds = 0;
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            var referrer = e.Referrer is null ? "" : $", \"referrer\": \"{e.Referrer}\"";
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $$$"""{"id": "e-{{{i}}}", "type": "grant", "at": "2026-03-02T10:00:00Z", "actor": "{{{e.Actor}}}"{{{referrer}}}, "attributes": {"p": {{{e.P}}}, "c": {{{e.C}}}, "rate": {{{e.Rate}}}}}""");
            var outcomes = engine.ProcessJson(line);

            outcomes.OfType<RejectedOutcome>().Should().BeEmpty("no amount may reject a whole event: " + line);
            foreach (var reward in outcomes.OfType<RewardOutcome>())
            {
                if (reward.Points is { } p)
                {
                    p.Should().BeGreaterThanOrEqualTo(0);
                    pointsSum += p;
                    pointsOf[reward.Participant] = pointsOf.GetValueOrDefault(reward.Participant) + p;
                }

                if (reward.Credit is { } c)
                {
                    c.Should().BeGreaterThanOrEqualTo(0m);
                    creditSum += Exact(c);
                    creditAdds++;
                    creditOf[reward.Participant] = creditOf.GetValueOrDefault(reward.Participant) + Exact(c);
                }
            }

            var store = engine.Store;
            store.PointsIssued.Should().BeGreaterThanOrEqualTo(0);
            store.CreditIssued.Should().BeGreaterThanOrEqualTo(0m);
            if (budget?.Points is { } pointsCap)
            {
                store.PointsIssued.Should().BeLessThanOrEqualTo(pointsCap, "the points budget may never be exceeded: " + line);
            }

            if (budget?.Credit is { } creditCap)
            {
                store.CreditIssued.Should().BeLessThanOrEqualTo(creditCap, "the credit budget may never be exceeded: " + line);
            }

            ((BigInteger)store.PointsIssued).Should().Be(pointsSum, "points issued equal the points outcomes");
            ShouldBeCloseTo(store.CreditIssued, creditSum, creditAdds, "credit issued equals the credit outcomes");
            foreach (var (id, points) in pointsOf)
            {
                var state = engine.GetParticipant(id)!;
                ((BigInteger)state.Points).Should().Be(points);
                ((BigInteger)state.LifetimePoints).Should().Be(points);
            }

            foreach (var (id, credit) in creditOf)
            {
                ShouldBeCloseTo(engine.GetParticipant(id)!.Credit, credit, creditAdds, "a balance equals its credit outcomes");
            }
        }
    }
}
