using System.Reflection;
using System.Text.Json;
using WomRules.Cli.Testing;
using WomRules.Runtime;
using WomRules.Testing;

namespace WomRules.Tests.Ci;

/// <summary>
/// Every field an outcome line can carry can be named in a scenario's <c>expect</c>, and matches as the others do:
/// alert <c>severity</c> and <c>data</c> (spec v1.1 §6), a cap skip's <c>cap</c> (§7), an error skip's <c>detail</c>,
/// and the lifecycle fields (<c>due</c>, <c>source</c>, <c>target</c>, <c>pending</c>, <c>pending_until</c>).
/// </summary>
public sealed class ScenarioOutcomeFieldTests : IDisposable
{
    private const string Campaign = """
        womrules: 1
        campaign: fields
        budget: { points: 100000, credit: 1000.00 }
        events:
          ping: { n: int, amount: decimal }
        caps:
          shared: { count: 1, per: campaign }
        rules:
          - name: watch
            on: ping
            rewards:
              - alert: { name: big, severity: high, data: { n: event.n, amount: event.amount, loud: event.n > 5 } }
          - name: first
            on: ping
            rewards: [ { points: 1 } ]
            limit: shared
          - name: second
            on: ping
            rewards: [ { points: 2 } ]
            limit: shared
          - name: held
            on: ping
            rewards: [ { credit: event.amount, pending: 1d } ]
          - name: broken
            on: ping
            when: event.n == 0
            rewards: [ { points: 10 / event.n } ]
        """;

    private const string Scenario = """
        campaign: campaign.yaml
        cases:
          - name: fields
            snapshot: false
            events:
              - { id: e-1, type: ping, at: 2026-03-02T10:00:00Z, actor: u-1, attributes: { n: 7, amount: 12.50 } }
              - { id: e-2, type: ping, at: 2026-03-04T10:00:00Z, actor: u-1, attributes: { n: 0, amount: 1.00 } }
              - { id: e-3, type: event.reversed, at: 2026-03-04T11:00:00Z, actor: shop, attributes: { target: e-1 } }
              - { id: e-4, type: event.reversed, at: 2026-03-04T12:00:00Z, actor: shop, attributes: { target: e-2 } }
            expect:
        EXPECT
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("womrules-fields-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private (int Exit, string Out) Test(params string[] expectations)
    {
        File.WriteAllText(Path.Combine(folder, "campaign.yaml"), Campaign);
        File.WriteAllText(Path.Combine(folder, "f.tests.yaml"), Scenario.Replace("EXPECT", string.Join("\n", expectations.Select(e => "      - " + e)), StringComparison.Ordinal));
        var stdout = new StringWriter();
        var exit = TestCommand.Run([folder], stdout, new StringWriter(), ci: true);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// The law: build every kind of outcome with every optional field set, and each JSON field it writes must be one an
    /// expectation may name, with a schema text. A field added to an outcome later fails here until it is assertable.
    /// </summary>
    [Fact]
    public void Every_field_any_outcome_writes_can_be_expected_and_has_a_schema_text()
    {
        var kinds = typeof(Outcome).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Outcome)) && !t.IsAbstract).ToList();
        kinds.Should().HaveCountGreaterThanOrEqualTo(11);
        var written = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var outcome = (Outcome)Construct(kind);
            foreach (var property in kind.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && p.Name != "EqualityContract"))
            {
                property.SetValue(outcome, Sample(property.PropertyType));
            }

            using var json = JsonDocument.Parse(outcome.ToJson());
            foreach (var field in json.RootElement.EnumerateObject())
            {
                written.Add(field.Name);
            }
        }

        written.Should().Contain(["severity", "data", "cap", "detail", "pending", "pending_until", "due", "source", "target"]);
        OutcomeExpectation.KnownFields.Should().Contain(written);
        ScenarioShape.FieldTexts.Keys.Should().BeEquivalentTo(OutcomeExpectation.KnownFields);
    }

    private static object Construct(Type kind)
    {
        var constructor = kind.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Where(c => c.GetParameters().All(p => p.ParameterType != kind)).OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Sample(p.ParameterType))]);
    }

    private static object? Sample(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "x",
        var t when t == typeof(long) => 1L,
        var t when t == typeof(int) => 1,
        var t when t == typeof(decimal) => 1.5m,
        var t when t == typeof(bool) => true,
        var t when t == typeof(DateTime) => new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc),
        var t when t == typeof(IReadOnlyList<KeyValuePair<string, object>>) => new List<KeyValuePair<string, object>> { new("k", 1L) },
        var t => throw new InvalidOperationException("no sample value for " + t),
    };

    [Fact]
    public void The_v11_and_lifecycle_fields_match_as_the_others_do()
    {
        var (exit, output) = Test(
            "{ kind: reward, rule: watch, alert: big, severity: high, data: { n: 7, amount: 12.5, loud: true } }",
            "{ kind: reward, rule: watch, data: { loud: false, amount: \"1.00\", n: 0 } }",
            "{ kind: skipped, rule: second, reason: limit, cap: shared }",
            "{ kind: skipped, rule: broken, reason: error, detail: \"the amount could not be computed: division by zero\" }",
            "{ kind: reward, rule: held, credit: 12.50, pending_until: 2026-03-03T10:00:00Z }",
            "{ kind: released, event: null, due: 2026-03-03T10:00:00.000+00:00, source: e-1, rule: held, credit: 12.5 }",
            "{ kind: reversed, target: e-1, rule: first, points: 1, pending: false }",
            "{ kind: reversed, target: e-2, rule: held, pending: true }",
            "{ kind: reward, rule: first, data: null, cap: null }",
            "not: { kind: skipped, reason: limit, cap: null }",
            "not: { kind: reward, rule: watch, data: { n: 7 } }",
            "not: { kind: reward, rule: watch, severity: medium }");
        output.Should().Contain("PASS  ");
        exit.Should().Be(0, output);
    }

    [Theory]
    [InlineData("{ kind: reward, alert: big, severity: low }", "{kind: reward, alert: big, severity: low}")]
    [InlineData("{ kind: reward, alert: big, data: { n: 7, amount: 12.5 } }", "{kind: reward, alert: big, data: {n: 7, amount: 12.5}}")]
    [InlineData("{ kind: reward, alert: big, data: { n: 7, amount: 12.5, loud: true, extra: 1 } }", "data: {n: 7, amount: 12.5, loud: true, extra: 1}}")]
    [InlineData("{ kind: skipped, rule: second, cap: other }", "{kind: skipped, rule: second, cap: other}")]
    [InlineData("{ kind: reversed, target: e-2, pending: false }", "{kind: reversed, target: e-2, pending: false}")]
    public void A_field_that_differs_fails_the_case_naming_it(string expectation, string reported)
    {
        var (exit, output) = Test(expectation);
        exit.Should().Be(1, output);
        output.Should().Contain("expected an outcome matching " + (reported.StartsWith('{') ? reported : "")).And.Contain(reported);
    }

    [Fact]
    public void Data_that_is_not_a_mapping_is_a_positioned_error()
    {
        var (exit, output) = Test("{ kind: reward, data: [1, 2] }");
        exit.Should().Be(1);
        output.Should().Contain("f.tests.yaml(11,31): error WOM1009");
    }
}
