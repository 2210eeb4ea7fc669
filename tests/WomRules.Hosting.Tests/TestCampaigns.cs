using System.Globalization;

namespace WomRules.Hosting.Tests;

/// <summary>A small campaign with every kind of outcome the hosting layer counts, its reward a parameter (for reload tests).</summary>
internal static class TestCampaigns
{
    public const string Id = "hosted";
    public const long PointsBudget = 1000;

    public static string Yaml(long points, string id = Id) => string.Create(CultureInfo.InvariantCulture, $$"""
        womrules: 1
        campaign: {{id}}
        events:
          purchase:
            amount: decimal
            text: { type: string, default: "" }
            sponsored: { type: bool, default: false }
        budget: { points: {{PointsBudget}}, credit: 50.00 }
        disclosures:
          - name: must-disclose
            on: [purchase]
            applies: event.sponsored
            require: discloses(event.text)
            action: flag
        rules:
          - name: buy-points
            on: purchase
            rewards:
              - { points: {{points}} }
          - name: buy-credit
            on: purchase
            when: event.amount >= 100
            rewards:
              - { credit: 5.00 }
        """);

    /// <summary>Two errors: an unknown event type and an unknown attribute.</summary>
    public const string Broken = """
        womrules: 1
        campaign: broken
        events:
          purchase:
            amount: decimal
        rules:
          - name: a
            on: no.such.event
            rewards:
              - { points: 1 }
          - name: b
            on: purchase
            when: event.nothing > 1
            rewards:
              - { points: 1 }
        """;

    public static string Event(string id, string actor, decimal amount = 10, bool sponsored = false, string at = "2026-03-01T00:00:00Z") =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"id":"{{{id}}}","type":"purchase","at":"{{{at}}}","actor":"{{{actor}}}","attributes":{"amount":{{{amount}}},"sponsored":{{{(sponsored ? "true" : "false")}}}}}""");
}
