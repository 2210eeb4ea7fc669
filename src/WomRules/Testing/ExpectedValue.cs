using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using WomRules.Runtime;

namespace WomRules.Testing;

/// <summary>
/// The value an expectation names for one outcome field: a scalar (null for <c>null</c>), or, for alert <c>data</c>
/// (spec v1.1 §6), a mapping or list compared with the JSON the outcome writes. Scalars compare as text, numbers by
/// value (<c>10</c> matches <c>"10.00"</c>, so a decimal written as a string matches a number) and timestamps by the
/// instant (<c>2026-03-02T12:00:00+02:00</c> matches <c>"2026-03-02T10:00:00Z"</c>).
/// </summary>
internal abstract record ExpectedValue
{
    public abstract bool Matches(JsonElement actual);

    internal sealed record Scalar(string? Text) : ExpectedValue
    {
        public override bool Matches(JsonElement actual)
        {
            if (Text is null)
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

            if (string.Equals(text, Text, StringComparison.Ordinal))
            {
                return true;
            }

            const NumberStyles number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
            if (decimal.TryParse(text, number, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(Text, number, CultureInfo.InvariantCulture, out var b))
            {
                return a == b;
            }

            return TimestampText.TryParse(text, out var at) && TimestampText.TryParse(Text, out var expected) && at == expected;
        }

        public override string ToString() => Text ?? "null";
    }

    /// <summary>An object matches when it has exactly these keys (in any order), each with a matching value: data is compared whole.</summary>
    internal sealed record Map(ImmutableArray<KeyValuePair<string, ExpectedValue>> Entries) : ExpectedValue
    {
        public override bool Matches(JsonElement actual) =>
            actual.ValueKind == JsonValueKind.Object
            && actual.EnumerateObject().Count() == Entries.Length
            && Entries.All(e => actual.TryGetProperty(e.Key, out var value) && e.Value.Matches(value));

        public override string ToString() => "{" + string.Join(", ", Entries.Select(e => $"{e.Key}: {e.Value}")) + "}";
    }

    /// <summary>An array matches when it has as many items, each matching in order (a list value in alert data).</summary>
    internal sealed record List(ImmutableArray<ExpectedValue> Items) : ExpectedValue
    {
        public override bool Matches(JsonElement actual) =>
            actual.ValueKind == JsonValueKind.Array
            && actual.GetArrayLength() == Items.Length
            && actual.EnumerateArray().Zip(Items).All(pair => pair.Second.Matches(pair.First));

        public override string ToString() => "[" + string.Join(", ", Items) + "]";
    }
}
