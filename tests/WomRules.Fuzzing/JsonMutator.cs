using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WomRules.Fuzzing;

/// <summary>
/// Mutations of JSON documents that know their structure: a value or a key replaced by raw JSON text the
/// serializer would never write (lone surrogate escapes, numbers past long and decimal, deep nesting, invalid UTF-8),
/// values of another kind, fields removed or repeated. Used for event lines and for state files.
/// </summary>
internal static class JsonMutator
{
    private const string Marker = "@@fuzz@@";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>One mutation of one JSON document, or null when the text is not JSON (the caller mutates bytes instead).</summary>
    public static byte[]? Mutate(byte[] json, Random random, bool indented)
    {
        try
        {
            return MutateNode(json, random, indented);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // Text an earlier mutation made hostile (a lone surrogate the writer refuses): mutate bytes instead.
            return null;
        }
    }

    private static byte[]? MutateNode(byte[] json, Random random, bool indented)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }

        if (root is null)
        {
            return null;
        }

        var nodes = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, nodes);
        if (nodes.Count == 0)
        {
            return null;
        }

        // Half the time a number: amounts, counters and budgets are where overflow hides.
        var numbers = nodes.Where(n => (n.Key is null ? n.Parent[n.Index] : n.Parent[n.Key]) is JsonValue v && v.GetValueKind() == JsonValueKind.Number).ToList();
        var (parent, key, index) = numbers.Count > 0 && random.Next(2) == 0 ? numbers[random.Next(numbers.Count)] : nodes[random.Next(nodes.Count)];
        if (numbers.Contains((parent, key, index)) && random.Next(2) == 0)
        {
            if (key is null)
            {
                parent[index] = Marker;
            }
            else
            {
                parent[key] = Marker;
            }

            return Fill(root, indented, Encoding.UTF8.GetBytes(Pick(Interesting.Numbers, random)));
        }

        var current = key is null ? parent[index] : parent[key];
        string raw;
        var rawIsKey = false;
        switch (random.Next(8))
        {
            case 0 or 1:
                raw = Pick(Interesting.Numbers, random);
                break;
            case 2:
                raw = Pick(Interesting.JsonStrings, random);
                break;
            case 3 when key is not null:
                // A key that is hostile: a participant id, a counter or an attribute name.
                raw = random.Next(3) == 0 ? "\"" + new string('k', 70_000) + "\"" : Pick(Interesting.JsonStrings, random);
                rawIsKey = true;
                break;
            case 4:
                var depth = Pick([10, 64, 65, 1000, 100_000], random);
                raw = new string('[', depth) + new string(']', depth);
                break;
            case 5:
                raw = current switch
                {
                    JsonValue v when v.GetValueKind() == JsonValueKind.Number => "\"" + v.ToJsonString() + "\"",
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => "[" + v.ToJsonString() + "]",
                    _ => Pick(["null", "true", "{}", "[]", "\"\"", "-1"], random),
                };
                break;
            case 6 when key is not null:
                // The field removed, or written twice (the second copy hostile).
                if (random.Next(2) == 0)
                {
                    ((JsonObject)parent).Remove(key);
                    return Encoding.UTF8.GetBytes(root.ToJsonString(indented ? Indented : Compact));
                }

                var text = root.ToJsonString(indented ? Indented : Compact);
                var field = JsonSerializer.Serialize(key) + ":";
                var at = text.IndexOf(field, StringComparison.Ordinal);
                return at < 0 ? null : Encoding.UTF8.GetBytes(text[..at] + field + Pick(Interesting.Numbers, random) + "," + text[at..]);
            default:
                raw = "\"" + new string('x', Pick([100, 10_000, 1_100_000], random)) + "\"";
                break;
        }

        if (rawIsKey)
        {
            var obj = (JsonObject)parent;
            var value = obj[key!];
            obj.Remove(key!);
            obj[Marker] = value?.DeepClone();
        }
        else if (key is null)
        {
            parent[index] = Marker;
        }
        else
        {
            parent[key] = Marker;
        }

        return Fill(root, indented, random.Next(8) == 0
            ? [(byte)'"', .. Pick(Interesting.InvalidUtf8, random), (byte)'"']
            : Encoding.UTF8.GetBytes(raw));
    }

    /// <summary>The document with the marker replaced by raw bytes that no serializer would write.</summary>
    private static byte[] Fill(JsonNode root, bool indented, byte[] raw)
    {
        var serialized = root.ToJsonString(indented ? Indented : Compact);
        var bytes = Encoding.UTF8.GetBytes(serialized.Replace("\"" + Marker + "\"", "\u0001", StringComparison.Ordinal));
        var hole = Array.IndexOf(bytes, (byte)1);
        return [.. bytes[..hole], .. raw, .. bytes[(hole + 1)..]];
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Key, int Index)> nodes)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    nodes.Add((obj, key, -1));
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    nodes.Add((array, null, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
        }
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
