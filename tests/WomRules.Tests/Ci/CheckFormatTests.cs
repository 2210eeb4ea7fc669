using System.Reflection;
using System.Text.Json;
using NJsonSchema;
using WomRules.Tests.Support;

namespace WomRules.Tests.Ci;

/// <summary><c>check --format json|sarif</c>: the same diagnostics and exit codes as text, in machine-readable form.</summary>
public sealed class CheckFormatTests() : CliTestFolder("womrules-check-")
{
    // Line 6 reads an undeclared attribute (error WOM3010); the rule has no limit and there is no budget (warning WOM4001).
    private const string Campaign = """
        womrules: 1
        campaign: sarif
        events:
          ping: { n: int }
        rules:
          - { name: grant, on: ping, rewards: [ { points: event.nope } ] }
        """;

    private string Write(string text) => Write("campaign.yaml", text);

    [Fact]
    public async Task Sarif_validates_against_the_official_SARIF_2_1_0_schema()
    {
        var (exit, output, _) = Run("check", Write(Campaign), "--format", "sarif");
        exit.Should().Be(1);
        var schemaPath = typeof(CheckFormatTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SarifSchema").Value!;
        var schema = await JsonSchema.FromFileAsync(schemaPath);
        schema.Validate(output).Select(e => e.ToString()).Should().BeEmpty();
        schema.Validate(output.Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal)).Should().NotBeEmpty("the schema check must be able to fail");
    }

    [Fact]
    public void Sarif_names_rules_with_help_and_points_results_at_them_with_levels_and_regions()
    {
        var (exit, output, _) = Run("check", Write(Campaign), "--format", "sarif");
        exit.Should().Be(1);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("version").GetString().Should().Be("2.1.0");
        var run = root.GetProperty("runs").EnumerateArray().Single();
        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().Should().Be("womrules");
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal("WOM3010", "WOM4001");
        rules.Should().AllSatisfy(r => r.GetProperty("helpUri").GetString().Should().EndWith("docs/diagnostics.md#" + r.GetProperty("id").GetString()!.ToLowerInvariant()));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Should().HaveCount(2);
        var error = results.Single(r => r.GetProperty("ruleId").GetString() == "WOM3010");
        error.GetProperty("level").GetString().Should().Be("error");
        error.GetProperty("ruleIndex").GetInt32().Should().Be(0);
        error.GetProperty("message").GetProperty("text").GetString().Should().Contain("no attribute 'nope'");
        var location = error.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().StartWith("file:///").And.EndWith("/campaign.yaml");
        var region = location.GetProperty("region");
        (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()).Should().Be((6, 57));
        (region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()).Should().Be((6, 61), "the region ends just after 'nope'");
        results.Single(r => r.GetProperty("ruleId").GetString() == "WOM4001").GetProperty("level").GetString().Should().Be("warning");
    }

    [Fact]
    public void Sarif_keeps_relative_paths_relative_to_the_source_root()
    {
        var previous = Directory.GetCurrentDirectory();
        Write(Campaign);
        var (_, output, _) = Run("check", Path.GetRelativePath(previous, Path.Combine(Folder, "campaign.yaml")), "--format", "sarif");
        using var document = JsonDocument.Parse(output);
        var artifact = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        artifact.GetProperty("uriBaseId").GetString().Should().Be("%SRCROOT%");
        artifact.GetProperty("uri").GetString().Should().NotStartWith("/").And.EndWith("campaign.yaml");
    }

    [Fact]
    public void Sarif_declares_the_source_root_as_the_current_directory_and_resolves_relative_uris_against_it()
    {
        var cwd = Directory.GetCurrentDirectory();
        Write(Campaign);
        var (_, output, _) = Run("check", Path.GetRelativePath(cwd, Path.Combine(Folder, "campaign.yaml")), "--format", "sarif");
        using var document = JsonDocument.Parse(output);
        var run = document.RootElement.GetProperty("runs")[0];
        var root = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        root.Should().Be(new Uri(Path.TrimEndingDirectorySeparator(cwd) + Path.DirectorySeparatorChar).AbsoluteUri).And.EndWith("/");
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            artifact.GetProperty("uriBaseId").GetString().Should().Be("%SRCROOT%");
            new Uri(new Uri(root), artifact.GetProperty("uri").GetString()).LocalPath.Should().Be(Path.Combine(Folder, "campaign.yaml"), "the relative uri resolves against %SRCROOT% to the file checked");
        }
    }

    [Fact]
    public void Sarif_rules_carry_name_and_short_and_full_descriptions_from_the_catalogue()
    {
        var (_, output, _) = Run("check", Write(Campaign), "--format", "sarif");
        using var document = JsonDocument.Parse(output);
        var rules = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));
        rules.Should().NotBeEmpty();
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            var name = rule.GetProperty("name").GetString()!;
            name.Should().MatchRegex("^[A-Z][A-Za-z0-9]*$", "a rule name is an identifier-like, human-readable name");
            var shortText = rule.GetProperty("shortDescription").GetProperty("text").GetString()!;
            var fullText = rule.GetProperty("fullDescription").GetProperty("text").GetString()!;
            docs.Should().Contain($"### {id}\n**{shortText}**", "the short description is the documented title");
            name.Should().Be(string.Concat(shortText.Split(' ', '-', '\'', '(', ')', '/').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
            fullText.Should().NotBeNullOrWhiteSpace().And.NotBe(shortText);
            docs.Should().Contain("> " + System.Text.RegularExpressions.Regex.Replace(fullText, @"\{\d+\}", m => "`" + m.Value + "`"), "the full description is the documented message");
        }
    }

    [Fact]
    public void Json_lists_each_diagnostic_with_its_position_and_counts()
    {
        var path = Write(Campaign);
        var (exit, output, _) = Run("check", "--format=json", path);
        exit.Should().Be(1);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("errors").GetInt32().Should().Be(1);
        root.GetProperty("warnings").GetInt32().Should().Be(1);
        root.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().Equal("WOM4001", "WOM3010");
        var first = root.GetProperty("diagnostics")[1];
        first.GetProperty("severity").GetString().Should().Be("error");
        first.GetProperty("path").GetString().Should().Be(path);
        (first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32()).Should().Be((6, 57));
        (first.GetProperty("endLine").GetInt32(), first.GetProperty("endColumn").GetInt32()).Should().Be((6, 61));
    }

    [Fact]
    public void The_format_does_not_change_the_exit_code()
    {
        var clean = Write(Campaign.Replace("event.nope", "event.n").Replace("womrules: 1", "womrules: 1\nbudget: { points: 10 }"));
        foreach (var format in new[] { "text", "json", "sarif" })
        {
            Run("check", clean, "--format", format).Exit.Should().Be(0, format);
        }

        var (exit, output, _) = Run("check", clean, "--format", "sarif");
        JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().Should().Be(0);
        Run("check", Path.Combine(Folder, "missing.yaml"), "--format", "sarif").Exit.Should().Be(2);
        Run("check", clean, "--format", "xml").Exit.Should().Be(2);
        Run("check", clean, "--format").Exit.Should().Be(2);
        exit.Should().Be(0);
    }
}
