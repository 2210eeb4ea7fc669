using System.Text.RegularExpressions;
using System.Xml.Linq;
using WomRules.Tests.Support;

namespace WomRules.Tests.Ci;

/// <summary><c>womrules test --format junit</c>: the same cases and exit code as the text format, as JUnit XML on stdout.</summary>
public sealed partial class TestJUnitFormatTests() : CliTestFolder("womrules-junit-")
{
    private const string Campaign = """
        womrules: 1
        campaign: junit
        budget: { points: 100 }
        events:
          ping: { n: int }
        rules:
          - { name: grant, on: ping, rewards: [ { points: 1 } ] }
        """;

    private const string Scenario = """
        campaign: campaign.yaml
        cases:
          - name: passes
            events:
              - { id: p-1, type: ping, at: 2026-01-01T00:00:00Z, actor: ann, attributes: { n: 1 } }
            expect:
              - { kind: reward, event: p-1, points: 1 }
          - name: snapshot-changed
            events:
              - { id: p-2, type: ping, at: 2026-01-01T00:00:00Z, actor: bob, attributes: { n: 1 } }
          - name: expectation-fails
            snapshot: false
            events:
              - { id: p-3, type: ping, at: 2026-01-01T00:00:00Z, actor: cy, attributes: { n: 1 } }
            expect:
              - { kind: reward, event: p-3, points: 7 }
        """;

    [Fact]
    public void Junit_reports_every_case_with_the_text_formats_counts_exit_code_and_the_diff_of_a_failure()
    {
        Write("campaign.yaml", Campaign);
        var scenario = Write("campaign.tests.yaml", Scenario);
        Run("test", scenario, "--accept");
        var snapshot = Directory.GetFiles(Folder, "snapshot-changed.verified.jsonl", SearchOption.AllDirectories).Single();
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("\"bob\"", "\"bea\"", StringComparison.Ordinal));

        var text = Run("test", scenario);
        var junit = Run("test", scenario, "--format", "junit");
        junit.Exit.Should().Be(text.Exit).And.Be(1);
        Run("test", scenario, "--format=text").Should().Be(text, "--format text is the default format, byte for byte");

        var summary = SummaryLine().Match(text.Out);
        summary.Success.Should().BeTrue(text.Out);
        var (passed, failed) = (int.Parse(summary.Groups[1].Value), int.Parse(summary.Groups[2].Value));

        var root = XDocument.Parse(junit.Out).Root!;
        root.Name.LocalName.Should().Be("testsuites");
        var cases = root.Elements("testsuite").Elements("testcase").ToList();
        cases.Should().HaveCount(passed + failed);
        cases.Count(c => c.Element("failure") is not null).Should().Be(failed).And.Be(2);
        ((int)root.Attribute("tests")!, (int)root.Attribute("failures")!).Should().Be((passed + failed, failed));
        root.Elements("testsuite").Should().AllSatisfy(s =>
            ((int)s.Attribute("tests")!).Should().Be(s.Elements("testcase").Count()));

        var changed = cases.Single(c => (string)c.Attribute("name")! == "snapshot-changed").Element("failure")!;
        ((string)changed.Attribute("message")!).Should().Contain("differs from");
        changed.Value.Should().Contain("@@").And.Contain("-").And.Contain("\"bea\"").And.Contain("\"bob\"");
        ((string)cases.Single(c => (string)c.Attribute("name")! == "expectation-fails").Element("failure")!.Attribute("message")!)
            .Should().Contain("expected an outcome matching");
        cases.Single(c => (string)c.Attribute("name")! == "passes").Element("failure").Should().BeNull();
    }

    [Fact]
    public void An_unknown_test_format_is_a_usage_error()
    {
        Write("campaign.yaml", Campaign);
        var scenario = Write("campaign.tests.yaml", Scenario);
        Run("test", scenario, "--format", "xml").Exit.Should().Be(2);
        Run("test", scenario, "--format").Exit.Should().Be(2);
    }

    [GeneratedRegex(@"^(\d+) passed, (\d+) failed$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
