using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WomRules.Diagnostics;
using WomRules.Text;

namespace WomRules.Parsing;

/// <summary>
/// Writes the JSON Schema (draft-07, the newest that yaml-language-server reads) of a YAML form from its shape
/// table: <see cref="CampaignShape"/> for campaign files, the scenario shapes for <c>*.tests.yaml</c>. Each
/// fixed-key mapping becomes a definition. Every schema node carries a <c>title</c> (an editor's hover heading; without
/// one, yaml-language-server shows the root's title everywhere), a <c>description</c> and a <c>markdownDescription</c>
/// with the shape's example; enums carry <c>enumDescriptions</c>; mappings with skeletons carry <c>defaultSnippets</c>.
/// </summary>
internal static class JsonSchemaWriter
{
    /// <summary>
    /// Keys that YAML 1.1 reads as booleans. yaml-language-server quotes them when it completes a key or builds a
    /// mapping's skeleton from <c>required</c> (<c>"on": </c>), so their mappings are completed from snippets instead.
    /// </summary>
    private static readonly HashSet<string> Yaml11BooleanWords = new(["y", "n", "yes", "no", "on", "off", "true", "false"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The campaign schema: schema/womrules.schema.json.</summary>
    public static string Write() => Write(CampaignShape.Campaign);

    /// <summary>The schema text of the form rooted at <paramref name="root"/>, indented, with '\n' line ends and a final newline.</summary>
    public static string Write(MappingShape root)
    {
        var definitions = new SortedDictionary<string, MappingShape>(StringComparer.Ordinal);
        Collect(root, definitions);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            WriteMappingBody(writer, root);
            writer.WriteStartObject("definitions");
            foreach (var (name, shape) in definitions.Where(d => d.Value != root))
            {
                writer.WriteStartObject(name);
                WriteMappingBody(writer, shape);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>A key's hover heading: its value's own title, else the mapping's title and the key, such as "Rule: on".</summary>
    private static string KeyTitle(MappingShape owner, KeyShape key) => key.Value.Title ?? $"{owner.KeyTitlePrefix ?? owner.Title ?? owner.Name}: {key.Name}";

    private static string? KeyExample(KeyShape key) => key.Example ?? key.Value.Example;

    private static void Collect(YamlShape shape, SortedDictionary<string, MappingShape> definitions)
    {
        switch (shape)
        {
            case MappingShape mapping:
                if (definitions.TryAdd(mapping.Name, mapping))
                {
                    foreach (var key in mapping.Keys)
                    {
                        Collect(key.Value, definitions);
                    }
                }

                break;
            case NamedMapShape map:
                Collect(map.Value, definitions);
                break;
            case ListShape list:
                Collect(list.Item, definitions);
                break;
            case ChoiceShape choice:
                foreach (var option in choice.Options)
                {
                    Collect(option, definitions);
                }

                break;
        }
    }

    private static void WriteTexts(Utf8JsonWriter writer, string title, string description, string? example)
    {
        writer.WriteString("title", title);
        writer.WriteString("description", description);
        writer.WriteString("markdownDescription", example is null ? Markdown(description) : $"{Markdown(description)}\n\n```yaml\n{example}\n```");
    }

    /// <summary>Prose as markdown: '&lt;' escaped, or "event.&lt;attribute&gt;" would be read as an HTML tag and vanish from the hover.</summary>
    internal static string Markdown(string prose) => prose.Replace("<", "\\<", StringComparison.Ordinal);

    private static void WriteMappingBody(Utf8JsonWriter writer, MappingShape shape)
    {
        WriteTexts(writer, shape.Title ?? shape.Name, shape.Description, shape.Example);
        var booleanKeys = shape.Keys.Where(k => Yaml11BooleanWords.Contains(k.Name)).ToList();
        WriteSnippets(writer, shape, booleanKeys);
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        foreach (var key in shape.Keys)
        {
            writer.WritePropertyName(key.Name);
            if (key.Value is MappingShape mapping)
            {
                // The definition carries the texts; draft-07 ignores keywords beside $ref.
                writer.WriteStartObject();
                writer.WriteString("$ref", "#/definitions/" + mapping.Name);
                writer.WriteEndObject();
            }
            else
            {
                WriteShape(writer, key.Value, KeyTitle(shape, key), KeyExample(key), doNotSuggest: booleanKeys.Contains(key));
            }
        }

        writer.WriteEndObject();
        writer.WriteBoolean("additionalProperties", false);

        // A 'required' beside 'properties' makes yaml-language-server offer a skeleton of the required keys, quoting a
        // YAML 1.1 boolean key; inside allOf it still validates but builds no skeleton, and the snippets take its place.
        var requiredAside = booleanKeys.Count > 0 && shape.Required.Any();
        if (shape.Required.Any() && !requiredAside)
        {
            WriteStrings(writer, "required", shape.Required);
        }

        // Constraints across keys, each an anyOf inside one allOf: plain anyOf/not is understood by every draft-07
        // validator and editor, where 'dependencies' is not.
        var dependent = shape.Keys.Where(k => k.Requires is { Count: > 0 }).ToList();
        if (dependent.Count == 0 && shape.AtLeastOneOf is not { Count: > 0 } && !requiredAside)
        {
            return;
        }

        writer.WriteStartArray("allOf");
        if (requiredAside)
        {
            writer.WriteStartObject();
            WriteStrings(writer, "required", shape.Required);
            writer.WriteEndObject();
        }

        if (shape.AtLeastOneOf is { Count: > 0 } anyOf)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("anyOf");
            foreach (var name in anyOf)
            {
                WriteRequired(writer, name);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        foreach (var key in dependent)
        {
            // Either the key is absent, or every key it requires is present.
            writer.WriteStartObject();
            writer.WriteStartArray("anyOf");
            writer.WriteStartObject();
            writer.WritePropertyName("not");
            WriteRequired(writer, key.Name);
            writer.WriteEndObject();
            writer.WriteStartObject();
            WriteStrings(writer, "required", key.Requires!);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// The mapping's skeletons, then one per YAML 1.1 boolean key, which stands for that key's own (suppressed)
    /// completion. Each is a <c>body</c> object whose scalars start with '^' (written raw, not quoted as a string):
    /// yaml-language-server writes a body's keys as they are and indents it for where it is inserted (after "- " in
    /// a list too), where a <c>bodyText</c> keeps its own indentation.
    /// </summary>
    private static void WriteSnippets(Utf8JsonWriter writer, MappingShape shape, List<KeyShape> booleanKeys)
    {
        if (shape.Snippets.Count == 0 && booleanKeys.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("defaultSnippets");
        foreach (var snippet in shape.Snippets)
        {
            WriteSnippet(writer, snippet.Label, snippet.Description, snippet.Body);
        }

        foreach (var key in booleanKeys)
        {
            WriteSnippet(writer, key.Name, key.Value.Description, key.Name + ": $1");
        }

        writer.WriteEndArray();
    }

    private static void WriteSnippet(Utf8JsonWriter writer, string label, string description, string body)
    {
        var diagnostics = new DiagnosticBag(new SourceText(body));
        var tree = YamlTreeReader.Read(diagnostics.Source, new ReaderLimits(), diagnostics);
        if (tree is not YamlMapping || diagnostics.HasErrors)
        {
            throw new InvalidOperationException($"The snippet '{label}' is not a block YAML mapping: {string.Join("; ", diagnostics.ToImmutable())}");
        }

        writer.WriteStartObject();
        writer.WriteString("label", label);
        writer.WriteString("description", description);
        writer.WritePropertyName("body");
        WriteSnippetNode(writer, tree);
        writer.WriteEndObject();
    }

    private static void WriteSnippetNode(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    writer.WritePropertyName(key.Value);
                    WriteSnippetNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    WriteSnippetNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalar scalar:
                writer.WriteStringValue("^" + scalar.Value);
                break;
        }
    }

    private static void WriteRequired(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject();
        WriteStrings(writer, "required", [name]);
        writer.WriteEndObject();
    }

    private static void WriteShape(Utf8JsonWriter writer, YamlShape shape, string title, string? example, bool doNotSuggest = false)
    {
        writer.WriteStartObject();
        if (shape is MappingShape mapping)
        {
            writer.WriteString("$ref", "#/definitions/" + mapping.Name);
            writer.WriteEndObject();
            return;
        }

        WriteTexts(writer, title, shape.Description, example);
        if (doNotSuggest)
        {
            // yaml-language-server's own keyword: no key completion (it would be quoted); the mapping's snippet offers it.
            writer.WriteBoolean("doNotSuggest", true);
        }

        switch (shape)
        {
            case ScalarShape scalar:
                WriteScalar(writer, scalar);
                break;
            case NamedMapShape map:
                WriteStrings(writer, "type", ["object", "null"]);
                writer.WriteStartObject("propertyNames");
                writer.WriteString("pattern", map.KeyPattern);
                writer.WriteEndObject();
                writer.WritePropertyName("additionalProperties");
                WriteShape(writer, map.Value, map.Value.Title ?? title, map.Value.Example ?? example);
                break;
            case ListShape list:
                if (list.NonEmpty)
                {
                    writer.WriteString("type", "array");
                    writer.WriteNumber("minItems", 1);
                }
                else
                {
                    WriteStrings(writer, "type", ["array", "null"]);
                }

                writer.WritePropertyName("items");
                WriteShape(writer, list.Item, list.Item.Title ?? title, list.Item.Example ?? example);
                break;
            case ChoiceShape choice:
                writer.WriteStartArray("anyOf");
                foreach (var option in choice.Options)
                {
                    WriteShape(writer, option, option.Title ?? title, option.Example ?? example);
                }

                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteScalar(Utf8JsonWriter writer, ScalarShape scalar)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.String:
                writer.WriteString("type", "string");
                break;
            case ScalarKind.Integer:
                writer.WriteString("type", "integer");
                break;
            case ScalarKind.Decimal:
                WriteStrings(writer, "type", ["number", "string"]);
                writer.WriteString("pattern", "^-?[0-9]+(\\.[0-9]+)?$");
                break;
            case ScalarKind.Boolean:
                writer.WriteString("type", "boolean");
                break;
            case ScalarKind.Expression:
                WriteStrings(writer, "type", ["string", "number", "boolean"]);
                break;
            case ScalarKind.Any:
                WriteStrings(writer, "type", ["string", "number", "boolean", "null"]);
                break;
        }

        if (scalar.Words is { } words)
        {
            writer.WriteStartArray("enum");
            foreach (var word in words)
            {
                if (scalar.Kind == ScalarKind.Integer)
                {
                    writer.WriteNumberValue(long.Parse(word, CultureInfo.InvariantCulture));
                }
                else if (scalar.Kind == ScalarKind.Boolean)
                {
                    writer.WriteBooleanValue(word == "true");
                }
                else
                {
                    writer.WriteStringValue(word);
                }
            }

            writer.WriteEndArray();
            if (scalar.WordDescriptions is { } meanings)
            {
                WriteStrings(writer, "enumDescriptions", meanings);
                WriteStrings(writer, "markdownEnumDescriptions", meanings.Select(Markdown));
            }
        }

        if (scalar.Pattern is { } pattern)
        {
            writer.WriteString("pattern", pattern);
        }

        if (scalar.Minimum is { } minimum)
        {
            writer.WriteNumber("minimum", minimum);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
