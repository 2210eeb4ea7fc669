using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>
/// <c>x in [literal list]</c> compiles to a chain of ordinal comparisons (16 items at most; longer lists call the
/// built-in); both forms must answer as the reference evaluator does.
/// </summary>
public sealed class LiteralListTests
{
    private static readonly string Seventeen = string.Join(", ", Enumerable.Range(0, 16).Select(i => $"\"x{i}\"").Append("\"web\""));

    [Theory]
    [InlineData("event.s in [\"web\", \"app\"]", "web", true)]
    [InlineData("event.s in [\"web\", \"app\"]", "app", true)]
    [InlineData("event.s in [\"web\", \"app\"]", "Web", false)] // case-sensitive
    [InlineData("event.s in [\"web\", \"app\"]", "we", false)]
    [InlineData("event.s in [\"web\"]", "web", true)]
    [InlineData("not (event.s in [\"web\", \"app\", \"store\"])", "phone", true)]
    [InlineData("lower(event.s) in [\"web\", \"app\"]", "WEB", true)]
    [InlineData("event.s in [\"\", \"web\"]", "", true)]
    [InlineData("SEVENTEEN", "web", true)]
    [InlineData("SEVENTEEN", "app", false)]
    public void In_a_literal_list_is_ordinal_membership(string when, string value, bool expected)
    {
        when = when.Replace("SEVENTEEN", $"event.s in [{Seventeen}]", StringComparison.Ordinal);
        var runner = new CampaignRunner($$"""
            womrules: 1
            campaign: lists
            budget: { points: 1000 }
            events:
              probe: { s: string }
            rules:
              - name: probe
                on: probe
                when: '{{when}}'
                rewards:
                  - points: 1
            """);

        var outcomes = runner.Run(Event("e-1", "probe", "u-1", $$"""{"s": "{{value}}"}"""));

        outcomes.Count.Should().Be(expected ? 1 : 0);
    }
}
