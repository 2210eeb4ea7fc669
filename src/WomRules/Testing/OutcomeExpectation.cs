using System.Collections.Immutable;
using System.Text.Json;
using WomRules.Text;

namespace WomRules.Testing;

/// <summary>
/// An inline expectation: an outcome with the named fields must appear (or, negated, must not). An actual outcome
/// matches when every named field is equal; fields not named are ignored, so <c>{ kind: skipped, reason: budget }</c>
/// matches any budget skip. Values compare as <see cref="ExpectedValue"/> says. A field the outcome leaves out reads
/// as <c>null</c>, or as <c>false</c> for <c>pending</c> (written only when true), so <c>cap: null</c> and
/// <c>pending: false</c> can be asserted.
/// </summary>
internal sealed record OutcomeExpectation(bool Negated, ImmutableArray<KeyValuePair<string, ExpectedValue>> Fields, TextSpan Span)
{
    /// <summary>
    /// Every field that an outcome line of spec §5 and spec v1.1 can carry (Runtime/Outcomes writes them; a test builds
    /// every outcome with every field set and checks each is here).
    /// </summary>
    public static readonly ImmutableArray<string> KnownFields =
    [
        "kind", "event", "rule", "participant", "points", "credit", "badge", "counter", "by", "alert", "severity", "data",
        "pending_until", "from", "to", "action", "message", "reason", "cap", "detail", "due", "source", "target", "pending",
    ];

    /// <summary>The one field an outcome leaves out when it has a value other than null: a reversal writes <c>pending</c> only when true.</summary>
    private static readonly JsonElement False = JsonDocument.Parse("false").RootElement;

    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement;

    public bool Matches(JsonElement outcome) => Fields.All(field =>
        field.Value.Matches(outcome.TryGetProperty(field.Key, out var actual) ? actual : field.Key == "pending" ? False : Null));

    /// <summary>How the expectation reads in a failure message: <c>{kind: reward, points: 500}</c>.</summary>
    public override string ToString() =>
        (Negated ? "not " : "") + "{" + string.Join(", ", Fields.Select(f => $"{f.Key}: {f.Value}")) + "}";
}
