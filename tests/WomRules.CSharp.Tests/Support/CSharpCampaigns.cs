using WomRules.Tests.Support;

namespace WomRules.CSharp.Tests.Support;

/// <summary>Small campaigns with C# rules, compiled with C# enabled, and their diagnostics as "line:col ID".</summary>
internal static class CSharpCampaigns
{
    /// <summary>The line (1-based) on which <see cref="WithWhen"/> puts the C# expression, and its column.</summary>
    public const int WhenLine = 22;
    public const int WhenColumn = 7;

    public static CompilationOptions Options { get; } = CompilationOptions.Default.WithCSharp();

    /// <summary>A campaign whose one C# rule has <paramref name="when"/> as its condition, in a literal block scalar.</summary>
    public static string WithWhen(string when, string points = "10") => $"""
        womrules: 1
        campaign: csharp-test
        events:
          review.posted:
            rating: int
            text: string
            tags: {"{"} type: list, default: [] {"}"}
            order_total: {"{"} type: decimal, default: 0 {"}"}
        participant:
          country: {"{"} type: string, default: MY {"}"}
        counters: [reviews]
        tiers:
          - name: bronze
          - name: gold
            when: participant.points >= 100
        budget: {"{"} points: 100000, credit: 1000 {"}"}
        rules:
          - name: csharp-rule
            on: review.posted
            lang: csharp
            when: |-
              {when.Replace("\n", "\n      ", StringComparison.Ordinal)}
            rewards:
              - {"{"} points: '{points}', counter: reviews {"}"}
        """;

    public static CampaignCompilation Compile(string yaml, CompilationOptions? options = null) =>
        CampaignCompilation.Create(yaml, "campaign.yaml", options ?? Options);

    /// <summary>Errors and warnings as "line:col ID".</summary>
    public static List<string> Diagnose(string yaml, CompilationOptions? options = null) =>
        [.. Compile(yaml, options).GetDiagnostics().Select(d => $"{d.Line}:{d.Column} {d.Id}")];

    public static string Review(string id, long rating, string text, string? referrer = null, string tags = "[]") =>
        CampaignRunner.Event(id, "review.posted", "u-1", $$"""{"rating": {{rating}}, "text": "{{text}}", "tags": {{tags}}}""", referrer);
}
