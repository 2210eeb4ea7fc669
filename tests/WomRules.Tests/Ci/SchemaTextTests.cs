using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using WomRules.Diagnostics;
using WomRules.Parsing;
using WomRules.Runtime;
using WomRules.Text;

namespace WomRules.Tests.Ci;

/// <summary>
/// What an editor shows from the JSON Schemas (yaml-language-server: hover heading = title, text = markdownDescription,
/// enum meanings, skeletons). Checked on the generated JSON, node by node, so a key added to a shape table without a
/// description or an example fails here, naming the key.
/// </summary>
public sealed partial class SchemaTextTests
{
    public static TheoryData<string> Schemas => new(["campaign", "scenario"]);

    private static string SchemaText(string which) => which == "campaign" ? JsonSchemaWriter.Write() : WomRules.Cli.SchemaCommand.Scenario;

    private static JsonObject Root(string which) => JsonNode.Parse(SchemaText(which))!.AsObject();

    /// <summary>Every schema node an editor can show: the root, definitions, properties, items, map values, anyOf options (a bare $ref shows its target).</summary>
    private static IEnumerable<(string Path, JsonObject Node)> Nodes(JsonObject root)
    {
        var result = new List<(string, JsonObject)>();
        Visit("#", root, result);
        foreach (var (name, definition) in root["definitions"]!.AsObject())
        {
            Visit("#/definitions/" + name, definition!.AsObject(), result);
        }

        return result;

        static void Visit(string path, JsonObject node, List<(string, JsonObject)> into)
        {
            if (node.ContainsKey("$ref"))
            {
                node.Count.Should().Be(1, path + ": keywords beside $ref are ignored by draft-07");
                return;
            }

            into.Add((path, node));
            if (node["properties"] is JsonObject properties)
            {
                foreach (var (key, value) in properties)
                {
                    Visit(path + "/properties/" + key, value!.AsObject(), into);
                }
            }

            if (node["items"] is JsonObject items)
            {
                Visit(path + "/items", items, into);
            }

            if (node["additionalProperties"] is JsonObject values)
            {
                Visit(path + "/additionalProperties", values, into);
            }

            if (node["anyOf"] is JsonArray options && node.ContainsKey("title"))
            {
                for (var i = 0; i < options.Count; i++)
                {
                    Visit(path + "/anyOf/" + i, options[i]!.AsObject(), into);
                }
            }
        }
    }

    [GeneratedRegex(@"^\S.*[.)]$", RegexOptions.Singleline)]
    private static partial Regex Sentence();

    private static void ShouldBeASentence(string? text, string what)
    {
        text.Should().NotBeNull(what);
        text!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length.Should().BeGreaterThanOrEqualTo(4, $"{what} must say something useful: \"{text}\"");
        Sentence().IsMatch(text).Should().BeTrue($"{what} must be a sentence ending in a full stop: \"{text}\"");
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_node_has_a_title_a_description_and_a_markdown_description_with_a_yaml_example(string which)
    {
        foreach (var (path, node) in Nodes(Root(which)))
        {
            (node["title"]?.GetValue<string>()).Should().NotBeNullOrWhiteSpace(path + " needs a title (an editor's hover heading)");
            var description = node["description"]?.GetValue<string>();
            ShouldBeASentence(description, path + " description");
            var markdown = node["markdownDescription"]?.GetValue<string>();
            markdown.Should().StartWith(JsonSchemaWriter.Markdown(description!) + "\n\n```yaml\n", path + " needs an example in its markdownDescription (an Example in the shape table)");
            markdown.Should().EndWith("\n```", path);
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Hover_headings_tell_the_definitions_and_their_keys_apart(string which)
    {
        var root = Root(which);
        var rootTitle = root["title"]!.GetValue<string>();
        var definitions = root["definitions"]!.AsObject().Select(d => d.Value!["title"]!.GetValue<string>()).Append(rootTitle).ToList();
        definitions.Should().OnlyHaveUniqueItems();
        foreach (var (path, node) in Nodes(root).Where(n => n.Path.Contains("/properties/", StringComparison.Ordinal)))
        {
            node["title"]!.GetValue<string>().Should().NotStartWith(rootTitle, path + ": every hover would start with the file's title");
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_enum_value_has_a_meaning(string which)
    {
        var enums = Nodes(Root(which)).Where(n => n.Node.ContainsKey("enum")).ToList();
        enums.Should().NotBeEmpty();
        foreach (var (path, node) in enums)
        {
            var count = node["enum"]!.AsArray().Count;
            foreach (var name in new[] { "enumDescriptions", "markdownEnumDescriptions" })
            {
                var meanings = node[name]?.AsArray();
                meanings.Should().NotBeNull($"{path} needs {name} (WordDescriptions in the shape table)");
                meanings!.Count.Should().Be(count, path + " " + name);
                foreach (var meaning in meanings)
                {
                    ShouldBeASentence(meaning!.GetValue<string>(), path + " " + name);
                }
            }
        }
    }

    [Fact]
    public void The_scenario_kind_offers_exactly_the_kinds_the_engine_writes()
    {
        var kinds = Root("scenario")["definitions"]!["outcome"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>());
        var written = typeof(Outcome).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Outcome)) && !t.IsAbstract)
            .Select(t => ((Outcome)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)).Kind);
        kinds.Should().BeEquivalentTo(written);
    }

    /// <summary>The definitions whose skeletons a marketer needs most (issue 12): a campaign, a rule, a reward, a limit and a disclosure.</summary>
    public static TheoryData<string> SnippetDefinitions => new(["#", "rule", "reward", "limit", "disclosure"]);

    private static JsonObject Definition(JsonObject root, string name) => name == "#" ? root : root["definitions"]![name]!.AsObject();

    [Theory]
    [MemberData(nameof(SnippetDefinitions))]
    public async Task Every_snippet_as_an_editor_inserts_it_is_valid_against_its_definition(string name)
    {
        var root = Root("campaign");
        var snippets = Definition(root, name)["defaultSnippets"]?.AsArray();
        snippets.Should().NotBeNull(name + " needs defaultSnippets");
        var schema = await JsonSchema.FromJsonAsync(SchemaText("campaign"));
        var target = name == "#" ? schema : schema.Definitions[name];
        foreach (var snippet in snippets!.Where(s => s!["label"]!.GetValue<string>() is not ("on" or "off" or "yes" or "no")))
        {
            ShouldBeASentence(snippet!["description"]!.GetValue<string>(), name + " snippet description");
            var yaml = SnippetText(snippet["body"]!.AsObject(), "");
            var errors = target.Validate(ToJson(yaml)).Select(e => e.ToString()).ToList();
            errors.Should().BeEmpty($"{name} snippet '{snippet["label"]}' inserts:\n{yaml}");
            if (name == "#")
            {
                CampaignCompilation.Create(yaml, "new.yaml").GetDiagnostics().Where(d => d.IsError).Select(d => d.ToString()).Should().BeEmpty(yaml);
            }
        }
    }

    [Fact]
    public void A_key_yaml_11_reads_as_a_boolean_is_completed_unquoted_from_a_snippet_and_never_from_a_skeleton()
    {
        var root = Root("campaign");
        foreach (var name in new[] { "rule", "disclosure" })
        {
            var definition = Definition(root, name);
            definition["properties"]!["on"]!["doNotSuggest"]!.GetValue<bool>().Should().BeTrue(name);
            definition.ContainsKey("required").Should().BeFalse(name + ": a 'required' beside 'properties' makes a skeleton with \"on\" quoted");
            definition["allOf"]!.AsArray().Should().Contain(n => n!["required"] != null && n["required"]!.AsArray().Any(k => k!.GetValue<string>() == "on"), name);
            definition["defaultSnippets"]!.AsArray().Should().Contain(s => s!["label"]!.GetValue<string>() == "on" && s["body"]!.AsObject().ContainsKey("on"), name);
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task Every_example_is_valid_against_the_schema_it_illustrates(string which)
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaText(which));
        var root = Root(which);
        Check("#", schema, root);
        foreach (var (name, definition) in root["definitions"]!.AsObject())
        {
            Check("#/definitions/" + name, schema.Definitions[name], definition!.AsObject());
            foreach (var (key, property) in definition.AsObject()["properties"]!.AsObject())
            {
                Check($"#/definitions/{name}/properties/{key}", schema.Definitions[name].Properties[key], property!.AsObject(), key);
            }
        }

        foreach (var (key, property) in root["properties"]!.AsObject())
        {
            Check("#/properties/" + key, schema.Properties[key], property!.AsObject(), key);
        }

        static void Check(string path, JsonSchema schema, JsonObject node, string? key = null)
        {
            if (node["markdownDescription"]?.GetValue<string>() is not { } markdown)
            {
                return;
            }

            var start = markdown.IndexOf("```yaml\n", StringComparison.Ordinal);
            var example = markdown[(start + 8)..^4];
            var value = ToNode(example);
            var instances = value switch
            {
                JsonArray list when key is null => list.ToList(),
                JsonObject map when key is not null => [map[key]],
                JsonObject map when map.Count == 1 && !(schema.ActualSchema.Properties.ContainsKey(map.First().Key)) => [map.First().Value],
                _ => [value],
            };
            foreach (var instance in instances)
            {
                schema.Validate(instance?.ToJsonString() ?? "null").Select(e => e.ToString()).Should().BeEmpty($"{path} example:\n{example}");
            }
        }
    }

    [Fact]
    public void Every_expression_example_parses()
    {
        var expressions = Nodes(Root("campaign"))
            .Where(n => n.Node["type"] is JsonArray types && types.Count == 3 && types.Any(t => t!.GetValue<string>() == "boolean") && types.Any(t => t!.GetValue<string>() == "number"))
            .ToList();
        expressions.Select(e => e.Path).Should().Contain(p => p.EndsWith("/when", StringComparison.Ordinal));
        foreach (var (path, node) in expressions)
        {
            var markdown = node["markdownDescription"]!.GetValue<string>();
            var example = markdown[(markdown.IndexOf("```yaml\n", StringComparison.Ordinal) + 8)..^4];
            var text = example[(example.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            if (text.StartsWith('{'))
            {
                continue; // alert data: each value is checked as its own node
            }

            var bag = new DiagnosticBag(new SourceText(text));
            ExpressionParser.Parse(text, ScalarOffsetMap.Verbatim(0), 256, bag, "when").Should().NotBeNull(path);
            bag.ToImmutable().Should().BeEmpty($"{path}: {text}");
        }
    }

    /// <summary>A snippet body as yaml-language-server writes it, each tab stop replaced by its default (the first choice).</summary>
    private static string SnippetText(JsonObject body, string indent)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (key, value) in body)
        {
            switch (value)
            {
                case JsonObject map:
                    text.Append(indent).Append(TabStops(key)).Append(":\n").Append(SnippetText(map, indent + "  "));
                    break;
                case JsonArray list:
                    text.Append(indent).Append(key).Append(":\n");
                    foreach (var item in list)
                    {
                        var inner = SnippetText(item!.AsObject(), indent + "    ");
                        text.Append(indent).Append("  - ").Append(inner.TrimStart());
                    }

                    break;
                default:
                    text.Append(indent).Append(TabStops(key)).Append(": ").Append(TabStops(value!.GetValue<string>().TrimStart('^'))).Append('\n');
                    break;
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\$\{\d+:([^}]*)\}|\$\{\d+\|([^,|]*)[^}]*\}|\$\d+")]
    private static partial Regex TabStop();

    private static string TabStops(string text) => TabStop().Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

    private static JsonNode? ToNode(string yaml) => JsonNode.Parse(ToJson(yaml));

    private static string ToJson(string yaml)
    {
        var bag = new DiagnosticBag(new SourceText(yaml));
        var tree = YamlTreeReader.Read(bag.Source, new ReaderLimits(), bag);
        tree.Should().NotBeNull(yaml + "\n" + string.Join("\n", bag.ToImmutable()));
        return YamlJson.ToJson(tree!);
    }
}
