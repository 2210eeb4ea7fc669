using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WomRules.Parsing;

/// <summary>
/// Writes the JSON Schema (draft-07, the newest that yaml-language-server reads) of a YAML form from its shape
/// table: <see cref="CampaignShape"/> for campaign files, the scenario shapes for <c>*.tests.yaml</c>. Each
/// fixed-key mapping becomes a definition, so editors show its description.
/// </summary>
internal static class JsonSchemaWriter
{
    /// <summary>The campaign schema: schema/womrules.schema.json.</summary>
    public static string Write() => Write(CampaignShape.Campaign, "WomRules campaign");

    /// <summary>The schema text of the form rooted at <paramref name="root"/>, indented, with '\n' line ends and a final newline.</summary>
    public static string Write(MappingShape root, string title)
    {
        var definitions = new SortedDictionary<string, MappingShape>(StringComparer.Ordinal);
        Collect(root, definitions);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            writer.WriteString("title", title);
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

    private static void WriteMappingBody(Utf8JsonWriter writer, MappingShape shape)
    {
        writer.WriteString("description", shape.Description);
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        foreach (var key in shape.Keys)
        {
            writer.WritePropertyName(key.Name);
            WriteShape(writer, key.Value);
        }

        writer.WriteEndObject();
        writer.WriteBoolean("additionalProperties", false);
        if (shape.Required.Any())
        {
            WriteStrings(writer, "required", shape.Required);
        }

        // Constraints across keys, each an anyOf inside one allOf: plain anyOf/not is understood by every draft-07
        // validator and editor, where 'dependencies' is not.
        var dependent = shape.Keys.Where(k => k.Requires is { Count: > 0 }).ToList();
        if (dependent.Count == 0 && shape.AtLeastOneOf is not { Count: > 0 })
        {
            return;
        }

        writer.WriteStartArray("allOf");
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

    private static void WriteRequired(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject();
        WriteStrings(writer, "required", [name]);
        writer.WriteEndObject();
    }

    private static void WriteShape(Utf8JsonWriter writer, YamlShape shape)
    {
        writer.WriteStartObject();
        switch (shape)
        {
            case MappingShape mapping:
                writer.WriteString("$ref", "#/definitions/" + mapping.Name);
                break;
            case ScalarShape scalar:
                WriteScalar(writer, scalar);
                break;
            case NamedMapShape map:
                writer.WriteString("description", map.Description);
                WriteStrings(writer, "type", ["object", "null"]);
                writer.WriteStartObject("propertyNames");
                writer.WriteString("pattern", map.KeyPattern);
                writer.WriteEndObject();
                writer.WritePropertyName("additionalProperties");
                WriteShape(writer, map.Value);
                break;
            case ListShape list:
                writer.WriteString("description", list.Description);
                WriteStrings(writer, "type", ["array", "null"]);
                writer.WritePropertyName("items");
                WriteShape(writer, list.Item);
                break;
            case AnyShape any:
                writer.WriteString("description", any.Description);
                break;
            case ChoiceShape choice:
                writer.WriteString("description", choice.Description);
                writer.WriteStartArray("anyOf");
                foreach (var option in choice.Options)
                {
                    WriteShape(writer, option);
                }

                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteScalar(Utf8JsonWriter writer, ScalarShape scalar)
    {
        writer.WriteString("description", scalar.Description);
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
                WriteStrings(writer, "enumDescriptions", [.. meanings]);
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
