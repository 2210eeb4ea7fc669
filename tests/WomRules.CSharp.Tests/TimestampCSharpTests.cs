using WomRules.CSharp.Tests.Support;

namespace WomRules.CSharp.Tests;

/// <summary>
/// Spec v1.1 §10 in C# rules: a timestamp attribute is typed <see cref="DateTime"/> there, but no DateTime member or
/// operator is on the allow-list yet, so using one is a positioned allow-list error, not a crash (docs/csharp.md).
/// </summary>
public sealed class TimestampCSharpTests
{
    [Theory]
    [InlineData("Event.AskedAt == Event.AskedAt", "11:11 WOM7006")]
    [InlineData("Event.AskedAt.Hour == 9", "11:25 WOM7006")]
    public void A_timestamp_in_a_csharp_rule_is_typed_but_not_yet_allowed(string when, string expected)
    {
        var yaml = $$"""
            womrules: 1
            campaign: csharp-time
            events:
              question.answered:
                asked_at: timestamp
            budget: { points: 1000 }
            rules:
              - name: fast
                on: question.answered
                lang: csharp
                when: {{when}}
                rewards:
                  - points: '10'
            """;

        CSharpCampaigns.Diagnose(yaml).Should().Equal(expected);
    }
}
