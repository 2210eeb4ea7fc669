using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WomRules.Parsing;
using WomRules.Tests.Support;

namespace WomRules.Tests.Editor;

/// <summary>
/// What a marketer sees in an editor backed by yaml-language-server and schema/womrules.schema.json (through the
/// modeline every example carries): no diagnostics on the examples, a positioned diagnostic on each structural
/// mistake, completions that offer the right keys and values and insert valid YAML, and hovers headed by the node's
/// own title with its description. Expected texts come from the generated schema, not from copies.
/// </summary>
[Trait("Category", "Editor")]
public sealed partial class YamlEditorTests(YamlLanguageServer server) : IClassFixture<YamlLanguageServer>
{
    private const string Modeline = "# yaml-language-server: $schema=../../schema/womrules.schema.json\n";

    /// <summary>A document beside the examples, so that the modeline's relative path finds the schema; it is never written to disk.</summary>
    private static readonly string CampaignPath = Path.Combine(RepositoryPaths.Examples, "editor-session", "campaign.yaml");

    private static readonly JsonObject CampaignSchema = JsonNode.Parse(JsonSchemaWriter.Write())!.AsObject();

    private const string Campaign = Modeline + """
        womrules: 1
        campaign: editor-session
        events:
          review.posted:
            rating: int
            text: string
        budget:
          points: 100000
        rules:
          - name: good-reviews
            on: review.posted
            when: event.rating >= 4
            limit:
              count: 3
              per: week
            rewards:
              - points: 50
              - alert:
                  name: noted
                  severity: high

        """;

    public static TheoryData<string> ExampleFiles => new(RepositoryPaths.ExampleNames.SelectMany(name =>
        new[] { "campaign.yaml", "campaign.tests.yaml" }.Select(file => Path.Combine(name, file))));

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public async Task An_example_shows_no_diagnostics(string file)
    {
        var path = Path.Combine(RepositoryPaths.Examples, file);
        var (uri, diagnostics) = await server.Open(path, File.ReadAllText(path));
        server.Close(uri);
        diagnostics.Select(Describe).Should().BeEmpty();
    }

    [Fact]
    public async Task The_valid_campaign_shows_no_diagnostics()
    {
        var (uri, diagnostics) = await server.Open(CampaignPath, Campaign);
        server.Close(uri);
        diagnostics.Select(Describe).Should().BeEmpty();
    }

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { "rewards: []", "    rewards:\n      - points: 50\n      - alert:\n          name: noted\n          severity: high\n", "    rewards: []\n", "too few items" },
        { "an unknown severity", "severity: high", "severity: urgent", "Valid values: \"low\", \"medium\", \"high\", \"critical\"" },
        { "an unknown key", "budget:", "bugdet:", "Property bugdet is not allowed" },
        { "a misspelled rule key", "    when: event.rating", "    wehn: event.rating", "Property wehn is not allowed" },
        { "a limit without count", "      count: 3\n", "", "Missing property \"count\"" },
        { "a limit window that does not exist", "per: week", "per: fortnight", "Valid values: \"day\", \"week\"" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_shows_a_diagnostic_on_its_line_and_nowhere_else(string kind, string find, string replace, string message)
    {
        Campaign.Should().Contain(find, kind);
        var text = Campaign.Replace(find, replace, StringComparison.Ordinal);
        var line = LineOf(text, replace.Length > 0 ? replace.Trim().Split('\n')[0] : "limit:");
        var (uri, diagnostics) = await server.Open(CampaignPath, text);
        server.Close(uri);
        var described = diagnostics.Select(Describe).ToList();
        described.Should().NotBeEmpty(kind);
        described.Should().OnlyContain(d => d.StartsWith($"({line},", StringComparison.Ordinal), kind + ": on the mistake's line only");
        described.Should().Contain(d => d.Contains(message, StringComparison.Ordinal), kind);
    }

    [Fact]
    public async Task Completing_a_key_inside_a_rule_offers_the_rules_keys_and_writes_on_unquoted()
    {
        var text = Modeline + "womrules: 1\ncampaign: c\nrules:\n  - name: r\n    \n";
        var (uri, _) = await server.Open(CampaignPath, text);
        var items = await server.Complete(uri, (5, 4));
        server.Close(uri);
        var labels = items.Select(i => i!["label"]!.GetValue<string>()).ToList();
        labels.Should().Contain(["on", "when", "rewards", "limit", "priority"]).And.NotContain("name");
        InsertText(items.Single(i => i!["label"]!.GetValue<string>() == "on")!).Should().Be("on: ");
        items.Select(i => InsertText(i!)).Should().NotContain(t => t.Contains("\"on\"", StringComparison.Ordinal), "yaml-language-server quotes 'on' in keys it completes itself");
    }

    [Fact]
    public async Task The_rule_snippet_writes_a_rule_that_check_accepts_with_on_unquoted()
    {
        var text = Campaign + "  - ";
        var (uri, _) = await server.Open(CampaignPath, text);
        var at = (Line: text.Count(c => c == '\n'), Character: 4);
        var items = await server.Complete(uri, at);
        server.Close(uri);
        items.Select(i => InsertText(i!)).Should().NotContain(t => t.Contains("\"on\"", StringComparison.Ordinal));
        var rule = items.Single(i => i!["label"]!.GetValue<string>() == "rule")!;
        var result = Accept(text, at, rule);
        result.Should().Contain("\n    on: review.posted\n");
        CampaignCompilation.Create(result, "campaign.yaml").GetDiagnostics().Where(d => d.IsError).Select(d => d.ToString()).Should().BeEmpty(result);
    }

    [Fact]
    public async Task An_empty_file_offers_the_campaign_snippet_and_it_gives_a_campaign_check_accepts()
    {
        var (uri, _) = await server.Open(CampaignPath, Modeline);
        var items = await server.Complete(uri, (1, 0));
        server.Close(uri);
        var snippet = items.Single(i => i!["label"]!.GetValue<string>() == "new campaign")!;
        var result = Accept(Modeline, (1, 0), snippet);
        CampaignCompilation.Create(result, "campaign.yaml").GetDiagnostics().Where(d => d.IsError).Select(d => d.ToString()).Should().BeEmpty(result);
        var (check, diagnostics) = await server.Open(CampaignPath, result);
        server.Close(check);
        diagnostics.Select(Describe).Should().BeEmpty(result);
    }

    [Fact]
    public async Task A_scenario_kind_completes_to_the_outcome_kinds_not_to_true_false_null()
    {
        var scenario = "# yaml-language-server: $schema=../../schema/womrules-tests.schema.json\ncampaign: campaign.yaml\ncases:\n  - name: one\n    events: events.jsonl\n    expect:\n      - kind: \n";
        var (uri, _) = await server.Open(Path.Combine(RepositoryPaths.Examples, "editor-session", "campaign.tests.yaml"), scenario);
        var items = await server.Complete(uri, (6, 14));
        server.Close(uri);
        items.Select(i => i!["label"]!.GetValue<string>()).Should().NotContain(["true", "false", "null"]);
        var kinds = JsonNode.Parse(WomRules.Cli.SchemaCommand.Scenario)!["definitions"]!["outcome"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>());
        items.Select(i => i!["label"]!.GetValue<string>()).Should().BeEquivalentTo(kinds);
    }

    public static TheoryData<string, string, string> Hovers => new()
    {
        // find (the hover is on its first character), the schema node whose title and description it shows
        { "    on: review.posted", "rule/on", "" },
        { "    rewards:", "rule/rewards", "" },
        { "budget:", "budget", "" },
        { "    limit:", "limit", "" },
        { "per: week", "limit/per", "week" },
        { "severity: high", "alert/severity", "high" },
    };

    [Theory]
    [MemberData(nameof(Hovers))]
    public async Task A_hover_is_headed_by_the_nodes_title_and_shows_its_description_and_example(string find, string node, string value)
    {
        var line = LineOf(Campaign, find);
        var character = find.Length - find.TrimStart().Length + (value.Length > 0 ? find.IndexOf(value, StringComparison.Ordinal) - (find.Length - find.TrimStart().Length) : 0);
        var (uri, _) = await server.Open(CampaignPath, Campaign);
        var hover = await server.Hover(uri, (line, character + 1));
        server.Close(uri);

        hover.Should().NotBeNull(find);
        hover.Should().NotStartWith("#### " + CampaignSchema["title"]!.GetValue<string>(), find + ": the heading names the node, not the whole file");
        var parts = node.Split('/');
        var schema = CampaignSchema["definitions"]![parts[0]]!;
        if (parts.Length == 2)
        {
            schema = schema["properties"]![parts[1]]!;
        }

        hover.Should().StartWith("#### " + schema["title"]!.GetValue<string>() + "\n\n", find);
        if (value.Length > 0)
        {
            // The enum is on the node, or on one of its options once the key also takes another form; the editor then
            // shows the description of the option the value matched.
            var words = new[] { schema }.Concat(schema["anyOf"]?.AsArray() ?? []).Single(n => n!["enum"]?.AsArray().Any(v => v!.GetValue<string>() == value) == true)!;
            hover.Should().Contain((words["markdownDescription"] ?? schema["markdownDescription"])!.GetValue<string>(), find + ": the description with its example");
            var index = words["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList().IndexOf(value);
            hover.Should().Contain(words["markdownEnumDescriptions"]![index]!.GetValue<string>(), find + ": what the value means");
        }
        else
        {
            hover.Should().Contain(schema["markdownDescription"]!.GetValue<string>(), find + ": the description with its example");
        }
    }

    private static int LineOf(string text, string find)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0, find);
        return text[..index].Count(c => c == '\n');
    }

    private static string Describe(JsonNode? diagnostic) =>
        $"({diagnostic!["range"]!["start"]!["line"]},{diagnostic["range"]!["start"]!["character"]}) {diagnostic["message"]}";

    private static string InsertText(JsonNode item) => (item["textEdit"]?["newText"] ?? item["insertText"] ?? item["label"])!.GetValue<string>();

    [GeneratedRegex(@"\$\{\d+:([^}]*)\}|\$\{\d+\|([^,|]*)[^}]*\}|\$\d+")]
    private static partial Regex TabStop();

    /// <summary>
    /// The text after an editor accepts <paramref name="item"/> at <paramref name="at"/>: its edit applied, each tab
    /// stop replaced by its default (the first choice), and each new line given the leading white space of the line
    /// it starts on (VS Code's default for completions, insertTextMode adjustIndentation).
    /// </summary>
    private static string Accept(string text, (int Line, int Character) at, JsonNode item)
    {
        var lines = text.Split('\n');
        int Offset((int Line, int Character) p) => lines.Take(p.Line).Sum(l => l.Length + 1) + p.Character;
        var (start, end) = item["textEdit"]?["range"] is { } range
            ? (Offset((range["start"]!["line"]!.GetValue<int>(), range["start"]!["character"]!.GetValue<int>())), Offset((range["end"]!["line"]!.GetValue<int>(), range["end"]!["character"]!.GetValue<int>())))
            : (Offset(at), Offset(at));
        var indent = new string(' ', lines[at.Line].Length - lines[at.Line].TrimStart(' ').Length);
        var inserted = TabStop().Replace(InsertText(item), m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Replace("\n", "\n" + indent, StringComparison.Ordinal);
        return new StringBuilder(text).Remove(start, end - start).Insert(start, inserted).ToString() + (text.EndsWith('\n') ? "" : "\n");
    }
}
