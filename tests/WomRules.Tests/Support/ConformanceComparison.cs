using System.Globalization;
using System.Text.Json;

namespace WomRules.Tests.Support;

/// <summary>
/// Compares `womrules run` output with a conformance case's expected.jsonl as ../shared/conformance/README.md says:
/// same count and order; every expected field present with an equal value; rejected outcomes on event and kind only;
/// decimals by value; times as instants. Returns the first difference, or null when they match.
/// </summary>
internal static class ConformanceComparison
{
    private static readonly HashSet<string> DecimalFields = ["credit", "pending_credit"];
    private static readonly HashSet<string> TimeFields = ["due", "pending_until"];

    public static string? FirstDifference(string actualJsonl, string expectedJsonl)
    {
        var actual = Lines(actualJsonl);
        var expected = Lines(expectedJsonl);
        for (var i = 0; i < Math.Min(actual.Count, expected.Count); i++)
        {
            using var a = JsonDocument.Parse(actual[i]);
            using var e = JsonDocument.Parse(expected[i]);
            if (LineDifference(a.RootElement, e.RootElement) is { } difference)
            {
                return $"line {i + 1}: {difference}\n  expected: {expected[i]}\n  actual:   {actual[i]}";
            }
        }

        return actual.Count == expected.Count ? null : $"{actual.Count} outcomes, expected {expected.Count}";
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string? LineDifference(JsonElement actual, JsonElement expected)
    {
        var rejected = expected.TryGetProperty("kind", out var kind) && kind.GetString() == "rejected";
        foreach (var field in expected.EnumerateObject())
        {
            if (rejected && field.Name is not ("event" or "kind"))
            {
                continue;
            }

            if (!actual.TryGetProperty(field.Name, out var value))
            {
                return $"'{field.Name}' is missing";
            }

            var equal = DecimalFields.Contains(field.Name) ? SameDecimal(value, field.Value)
                : TimeFields.Contains(field.Name) ? SameInstant(value, field.Value)
                : field.Name == "data" ? SameData(value, field.Value)
                : SameJson(value, field.Value);
            if (!equal)
            {
                return $"'{field.Name}' differs";
            }
        }

        return null;
    }

    private static bool SameData(JsonElement actual, JsonElement expected)
    {
        if (expected.ValueKind != JsonValueKind.Object || actual.ValueKind != JsonValueKind.Object)
        {
            return SameJson(actual, expected);
        }

        return expected.EnumerateObject().All(f => actual.TryGetProperty(f.Name, out var v)
            && (SameDecimal(v, f.Value) || SameInstant(v, f.Value) || SameJson(v, f.Value)));
    }

    private static bool SameDecimal(JsonElement actual, JsonElement expected) =>
        actual.ValueKind == JsonValueKind.String && expected.ValueKind == JsonValueKind.String
        && decimal.TryParse(actual.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(expected.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var e)
        && a == e;

    private static bool SameInstant(JsonElement actual, JsonElement expected) =>
        (actual.ValueKind == JsonValueKind.Null && expected.ValueKind == JsonValueKind.Null)
        || (actual.ValueKind == JsonValueKind.String && expected.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(actual.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a)
            && DateTimeOffset.TryParse(expected.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e)
            && a == e);

    private static bool SameJson(JsonElement actual, JsonElement expected) =>
        actual.ValueKind == JsonValueKind.Number && expected.ValueKind == JsonValueKind.Number
            ? actual.GetDecimal() == expected.GetDecimal()
            : JsonElement.DeepEquals(actual, expected);
}
