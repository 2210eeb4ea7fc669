using CsCheck;
using WomRules.Emit;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Property (issue 10, defect 6): a random string expression the binder accepts never builds a string longer than
/// <c>MaxStringGrowth × L + literals</c>, where L is the longest input string, nor longer than the run-time cap, for
/// inputs that together fill most of the 1 Mi-character event line; when the cap or the per-evaluation budget refuses
/// it, the rule is <c>skipped: error</c>, never a crash. The rule pays <c>len(expression) + 1</c> points, so the
/// outcome shows the length that was built.
/// </summary>
public sealed class StringGrowthPropertyTests
{
    private const int Growth = 4;
    private const int MaxLiteral = 4;
    private static readonly string[] Inputs = ["event.a", "event.b", "participant.nick"];

    private static readonly Gen<string> Leaf = Gen.Int[0, 5].SelectMany(k => k < 3
        ? Gen.Const(Inputs[k])
        : Gen.Int[0, MaxLiteral].Select(n => "'" + new string('q', n) + "'"));

    private static Gen<string> Expression(int depth) => depth == 0
        ? Leaf
        : Gen.Int[0, 9].SelectMany(k => k switch
        {
            < 3 => Leaf,
            < 7 => Gen.Select(Expression(depth - 1), Expression(depth - 1), (a, b) => $"({a} + {b})"),
            7 => Expression(depth - 1).Select(a => $"lower({a})"),
            8 => Expression(depth - 1).Select(a => $"upper({a})"),
            _ => Gen.Select(Expression(depth - 1), Expression(depth - 1), Expression(depth - 1), (c, a, b) => $"(if len({c}) > 3 then {a} else {b})"),
        });

    private static string Campaign(string expression) => $"""
        womrules: 1
        campaign: growth
        events:
          post: {"{"} a: string, b: string {"}"}
        participant:
          nick: {"{"} type: string, default: n {"}"}
        rules:
          - name: r
            on: post
            rewards: [ {"{"} points: "len({expression}) + 1" {"}"} ]
        budget: {"{"} points: 100000000 {"}"}
        """;

    [Fact]
    public void Accepted_string_expressions_never_build_past_the_static_bound()
    {
        var options = new CompilationOptions { MaxStringGrowth = Growth };
        var accepted = 0;
        var rejected = 0;
        var capped = 0;
        var evaluated = 0;
        Gen.Select(Expression(5), Gen.Int[0, 500_000], Gen.Int[0, 500_000]).Sample((expression, lengthA, lengthB) =>
        {
            var compilation = CampaignCompilation.Create(Campaign(expression), "growth.yaml", options);
            if (compilation.HasErrors)
            {
                rejected++;
                compilation.GetDiagnostics().Where(d => d.IsError).Should().ContainSingle().Which.Id.Should().Be("WOM3038", expression);
                return;
            }

            accepted++;
            var literals = expression.Split('\'').Length / 2 * MaxLiteral;
            var longest = Math.Max(Math.Max(lengthA, lengthB), 1);
            var line = CampaignRunner.Event("e", "post", "u", $$"""{"a": "{{new string('x', lengthA)}}", "b": "{{new string('y', lengthB)}}"}""");
            foreach (var evaluator in new[] { EvaluatorKind.Compiled, EvaluatorKind.Reference })
            {
                var campaign = CampaignRunner.Compile(Campaign(expression), evaluator, options);
                var outcome = new WomRules.Runtime.CampaignEngine(campaign).ProcessJson(line).Single().ToJson();
                if (outcome.Contains("\"kind\":\"skipped\"", StringComparison.Ordinal))
                {
                    outcome.Should().Contain("\"reason\":\"error\"", expression);
                    capped++;
                    continue;
                }

                var points = long.Parse(System.Text.RegularExpressions.Regex.Match(outcome, "\"points\":(\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                (points - 1).Should().BeLessThanOrEqualTo((long)Growth * longest + literals, expression);
                (points - 1).Should().BeLessThanOrEqualTo(options.MaxStringLength, expression);
                evaluated++;
            }
        }, iter: 100, threads: 1, seed: "0000000000N1");
        accepted.Should().BePositive();
        evaluated.Should().BeGreaterThan(capped, "most accepted expressions should evaluate, or the bound is barely tested");
        rejected.Should().BePositive("the generator must reach the limit, or the property proves little");
    }
}
