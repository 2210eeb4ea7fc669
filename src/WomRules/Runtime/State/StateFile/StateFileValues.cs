using System.Globalization;
using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>The checks a state file's values share: a JSON kind, a count, an amount, no unknown members; each throws a positioned <see cref="StateFileError"/>.</summary>
internal static class StateFileValues
{
    public static void RefuseUnknown(StateFileText text, JsonElement element, StateFilePath where, HashSet<string> known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw text.ErrorAt(where.Member(property.Name), $"a state file has no such field here; expected {string.Join(", ", known)}", atKey: true);
            }
        }
    }

    public static void Expect(StateFileText text, JsonElement element, JsonValueKind kind, StateFilePath path)
    {
        if (element.ValueKind != kind)
        {
            throw text.ErrorAt(path, $"must be a JSON {kind.ToString().ToLowerInvariant()}, not {Kind(element)}");
        }
    }

    /// <summary>Points, a counter, or a limit's firings: a whole number, never negative.</summary>
    public static long ReadCount(StateFileText text, JsonElement element, StateFilePath path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var value))
        {
            throw text.ErrorAt(path, "must be a whole number");
        }

        return value >= 0 ? value : throw text.ErrorAt(path, $"must not be negative, but is {value}");
    }

    /// <summary>A points balance: a whole number, negative when a reversal took back points already spent (spec v1.1 §2).</summary>
    public static long ReadBalance(StateFileText text, JsonElement element, StateFilePath path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) ? value : throw text.ErrorAt(path, "must be a whole number");

    /// <summary>Credit: a decimal, as a string ("10.00") or a number, never negative.</summary>
    public static decimal ReadAmount(StateFileText text, JsonElement element, StateFilePath path)
    {
        var value = element.ValueKind switch
        {
            JsonValueKind.Number when element.TryGetDecimal(out var d) => d,
            JsonValueKind.String when decimal.TryParse(element.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw text.ErrorAt(path, "must be a decimal, such as \"10.00\""),
        };
        return value >= 0 ? value : throw text.ErrorAt(path, $"must not be negative, but is {OutcomeJson.FormatDecimal(value)}");
    }

    public static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    public static string Describe(JsonElement element) => StateFilePath.Escape(element.GetRawText());
}
