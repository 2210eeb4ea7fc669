using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace WomRules.Parsing;

/// <summary>
/// Turns a <see cref="YamlNode"/> into JSON, resolving plain scalars by YAML 1.2's core schema (null, true/false,
/// numbers in JSON's notation; anything else, such as 0x1F or .inf, is a string) and keeping quoted scalars as strings. Decimals keep the digits
/// written, so 49.90 stays 49.90. Iterative over an explicit stack, like the tree reader.
/// </summary>
internal static partial class YamlJson
{
    public static string ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = int.MaxValue }))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode root)
    {
        // Each entry is a node to write, or a null marking the end of the collection opened before it.
        var work = new Stack<(YamlNode? Node, bool IsMapping, string? Key)>();
        work.Push((root, false, null));
        while (work.Count > 0)
        {
            var (node, isMapping, key) = work.Pop();
            if (node is null)
            {
                if (isMapping)
                {
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteEndArray();
                }

                continue;
            }

            if (key is not null)
            {
                writer.WritePropertyName(key);
            }

            switch (node)
            {
                case YamlScalar scalar:
                    WriteScalar(writer, scalar);
                    break;
                case YamlMapping mapping:
                    writer.WriteStartObject();
                    work.Push((null, true, null));
                    for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        work.Push((mapping.Entries[i].Value, false, mapping.Entries[i].Key.Value));
                    }

                    break;
                case YamlSequence sequence:
                    writer.WriteStartArray();
                    work.Push((null, false, null));
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        work.Push((sequence.Items[i], false, null));
                    }

                    break;
            }
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain)
        {
            writer.WriteStringValue(value);
            return;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return;
            case "true" or "True" or "TRUE":
                writer.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                writer.WriteBooleanValue(false);
                return;
        }

        if (Number().IsMatch(value) && double.IsFinite(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)))
        {
            writer.WriteRawValue(value.TrimStart('+'), skipInputValidation: false);
            return;
        }

        writer.WriteStringValue(value);
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
