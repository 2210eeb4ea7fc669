using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using WomRules.Text;

namespace WomRules.Testing;

/// <summary>
/// An inline expectation: an outcome with the named fields must appear (or, negated, must not). An actual outcome
/// matches when every named field is equal; fields not named are ignored, so <c>{ kind: skipped, reason: budget }</c>
/// matches any budget skip. Numbers compare by value, so <c>credit: 10</c> matches <c>"10.00"</c>.
/// </summary>
internal sealed record OutcomeExpectation(bool Negated, ImmutableArray<KeyValuePair<string, string?>> Fields, TextSpan Span)
{
    /// <summary>Every field of spec §5 and docs/semantics.md that an outcome line can carry.</summary>
    public static readonly ImmutableArray<string> KnownFields =
        ["kind", "event", "rule", "participant", "points", "credit", "badge", "counter", "by", "alert", "from", "to", "action", "message", "reason"];

    public bool Matches(JsonElement outcome) => Fields.All(field =>
        outcome.TryGetProperty(field.Key, out var actual) && ValueEquals(actual, field.Value));

    /// <summary>How the expectation reads in a failure message: <c>{kind: reward, points: 500}</c>.</summary>
    public override string ToString() =>
        (Negated ? "not " : "") + "{" + string.Join(", ", Fields.Select(f => $"{f.Key}: {f.Value ?? "null"}")) + "}";

    private static bool ValueEquals(JsonElement actual, string? expected)
    {
        if (expected is null)
        {
            return actual.ValueKind == JsonValueKind.Null;
        }

        var text = actual.ValueKind switch
        {
            JsonValueKind.String => actual.GetString(),
            JsonValueKind.Number => actual.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        if (text is null)
        {
            return false;
        }

        if (string.Equals(text, expected, StringComparison.Ordinal))
        {
            return true;
        }

        const NumberStyles number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return decimal.TryParse(text, number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(expected, number, CultureInfo.InvariantCulture, out var b)
            && a == b;
    }
}
