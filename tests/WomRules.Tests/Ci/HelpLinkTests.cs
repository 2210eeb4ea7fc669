using System.Reflection;
using System.Text.Json;
using WomRules.Tests.Support;

namespace WomRules.Tests.Ci;

/// <summary>Help links come from one MSBuild property (WomRulesRepositoryUrl): the library's HelpLink and SARIF's helpUri agree.</summary>
public sealed class HelpLinkTests() : CliTestFolder("womrules-helplink-")
{
    private const string Campaign = """
        womrules: 1
        campaign: links
        events:
          ping: { n: int }
        rules:
          - { name: grant, on: ping, rewards: [ { points: event.nope } ] }
        """;

    private static string RepositoryUrl =>
        typeof(WomRules.Diagnostics.Diagnostic).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WomRulesRepositoryUrl").Value!;

    [Fact]
    public void Diagnostic_help_links_and_sarif_help_uris_agree_and_start_with_the_repository_url()
    {
        RepositoryUrl.Should().StartWith("https://");
        var path = Write("campaign.yaml", Campaign);
        var diagnostics = CampaignCompilation.Create(Campaign, path).GetDiagnostics();
        diagnostics.Should().NotBeEmpty();
        diagnostics.Should().AllSatisfy(d => d.HelpLink.Should().StartWith(RepositoryUrl).And.EndWith("#" + d.Id.ToLowerInvariant()));

        var (_, output, _) = Run("check", path, "--format", "sarif");
        using var document = JsonDocument.Parse(output);
        var rules = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        rules.Should().HaveCount(diagnostics.Select(d => d.Id).Distinct().Count());
        rules.Should().AllSatisfy(r => r.GetProperty("helpUri").GetString().Should()
            .Be(diagnostics.First(d => d.Id == r.GetProperty("id").GetString()).HelpLink));
    }
}
