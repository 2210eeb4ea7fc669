using NJsonSchema;
using WomRules.Diagnostics;
using WomRules.Parsing;
using WomRules.Tests.Support;
using WomRules.Text;

namespace WomRules.Tests.Ci;

/// <summary>
/// The JSON Schema and the reader judge the same inputs the same way: every example is accepted by both, and each
/// kind of structural mistake that <c>check</c> rejects (unknown key, wrong type, missing required key) is rejected
/// by both. The schema is generated from the shape table the reader takes its keys from.
/// </summary>
public sealed class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(JsonSchemaWriter.Write()).GetAwaiter().GetResult());

    [Fact]
    public void The_committed_schema_is_the_generated_one()
    {
        Snapshots.MatchFile(JsonSchemaWriter.Write(), Path.Combine(RepositoryPaths.Root, "schema", "womrules.schema.json"));
    }

    [Fact]
    public void The_schema_command_prints_the_generated_schema()
    {
        var stdout = new StringWriter();
        WomRules.Cli.CommandLine.Run(["schema"], stdout, new StringWriter()).Should().Be(0);
        stdout.ToString().Should().Be(JsonSchemaWriter.Write());
    }

    [Fact]
    public void The_schema_is_draft_07()
    {
        JsonSchemaWriter.Write().Should().Contain("\"$schema\": \"http://json-schema.org/draft-07/schema#\"");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_is_accepted_by_check_and_by_the_schema(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, name, "campaign.yaml"));
        CampaignCompilation.Create(text, "campaign.yaml").GetDiagnostics().Where(d => d.IsError).Should().BeEmpty();
        SchemaErrors(text).Should().BeEmpty();
    }

    [Fact]
    public void Every_example_carries_the_schema_modeline_first()
    {
        foreach (var name in RepositoryPaths.ExampleNames)
        {
            File.ReadLines(Path.Combine(RepositoryPaths.Examples, name, "campaign.yaml")).First()
                .Should().Be("# yaml-language-server: $schema=../../schema/womrules.schema.json", name);
        }
    }

    public static TheoryData<string> Examples => new(RepositoryPaths.ExampleNames);

    private const string Valid = """
        womrules: 1
        campaign: shape
        active: { from: 2026-03-01, until: 2026-07-01 }
        events:
          review.posted:
            rating: int
            text: { type: string, default: "" }
          ping: {}
        participant:
          country: { type: string, default: MY }
        counters: [reviews]
        tiers:
          - name: bronze
          - name: silver
            when: participant.lifetime_points >= 500
            privileges: [free_shipping]
        budget: { points: 1000, credit: 50.00 }
        disclosures:
          - name: ftc
            on: [review.posted]
            applies: true
            require: discloses(event.text)
            action: withhold
        rules:
          - name: review-points
            on: review.posted
            when: event.rating >= 1
            priority: 2
            stop: false
            rewards:
              - { to: actor, points: 10, counter: reviews, by: 1 }
              - credit: 1.50
              - alert: { name: noted, severity: high, data: { rating: event.rating } }
            limit: { count: 3, per: week, of: actor }
          - name: ping
            on: ping
            rewards: [ { alert: pinged } ]
        """;

    /// <summary>Each mutation of <see cref="Valid"/> is a structural mistake; the kind says which.</summary>
    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "unknown top-level key", "budget:", "bugdet:" },
        { "unknown rule key", "    priority: 2", "    prio: 2" },
        { "unknown reward key", "{ to: actor, points: 10,", "{ to: actor, pts: 10," },
        { "unknown limit key", "of: actor }", "for: actor }" },
        { "unknown tier key", "    privileges: [free_shipping]", "    perks: [free_shipping]" },
        { "unknown disclosure key", "    action: withhold", "    actions: withhold" },
        { "unknown attribute declaration key", "{ type: string, default: \"\" }", "{ type: string, fallback: \"\" }" },
        { "wrong type: counters not a list", "counters: [reviews]", "counters: reviews" },
        { "wrong type: rewards not a list", "rewards: [ { alert: pinged } ]", "rewards: { alert: pinged }" },
        { "wrong type: active not a mapping", "active: { from: 2026-03-01, until: 2026-07-01 }", "active: 2026-03-01" },
        { "wrong type: budget not a mapping", "budget: { points: 1000, credit: 50.00 }", "budget: [1000]" },
        { "wrong type: rule name a list", "  - name: ping\n", "  - name: [ping]\n" },
        { "wrong type: limit count not a number", "count: 3", "count: three" },
        { "wrong type: priority not a number", "priority: 2", "priority: high" },
        { "wrong type: stop not a bool", "stop: false", "stop: maybe" },
        { "wrong value: limit per", "per: week", "per: fortnight" },
        { "wrong value: attribute type", "rating: int", "rating: integer" },
        { "wrong value: format version", "womrules: 1", "womrules: 2" },
        { "missing womrules", "womrules: 1\n", "" },
        { "missing campaign", "campaign: shape\n", "" },
        { "missing rule name", "  - name: ping\n    on: ping", "  - on: ping" },
        { "missing rule on", "    on: ping\n", "" },
        { "missing rewards", "    rewards: [ { alert: pinged } ]", "    priority: 1" },
        { "missing disclosure require", "    require: discloses(event.text)\n", "" },
        { "missing limit count", "limit: { count: 3, per: week, of: actor }", "limit: { per: week, of: actor }" },
        { "reward without effect", "rewards: [ { alert: pinged } ]", "rewards: [ { to: actor } ]" },
        { "wrong value: alert severity", "severity: high", "severity: urgent" },
        { "wrong type: alert data not a mapping", "data: { rating: event.rating }", "data: [event.rating]" },
        { "unknown alert key", "severity: high,", "level: high," },
        { "missing alert name", "{ name: noted, severity", "{ severity" },
        { "empty rewards", "rewards: [ { alert: pinged } ]", "rewards: []" },
        { "blank rewards", "rewards: [ { alert: pinged } ]", "rewards:" },
        { "empty disclosure on", "on: [review.posted]", "on: []" },
        { "misspelled rule key", "    when: event.rating >= 1", "    wehn: event.rating >= 1" },
        { "by without counter", "{ to: actor, points: 10, counter: reviews, by: 1 }", "{ to: actor, points: 10, by: 1 }" },
    };

    [Fact]
    public void The_valid_campaign_is_accepted_by_both()
    {
        CampaignCompilation.Create(Valid, "c.yaml").GetDiagnostics().Where(d => d.IsError).Select(d => d.ToString()).Should().BeEmpty();
        SchemaErrors(Valid).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_structural_mistake_is_rejected_by_check_and_by_the_schema(string kind, string find, string replace)
    {
        Valid.Should().Contain(find, "the mutation must apply");
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Should().Contain(d => d.IsError, kind + ": check must reject it");
        SchemaErrors(text).Should().NotBeEmpty(kind + ": the schema must reject it");
    }

    [Fact]
    public void The_reader_and_the_schema_allow_the_same_keys()
    {
        var schema = Schema.Value;
        schema.Properties.Keys.Should().Equal(CampaignShape.Campaign.KeyNames);
        foreach (var shape in new[] { CampaignShape.Rule, CampaignShape.Reward, CampaignShape.Limit, CampaignShape.Tier, CampaignShape.Disclosure, CampaignShape.Budget, CampaignShape.Active, CampaignShape.Attribute })
        {
            schema.Definitions[shape.Name].Properties.Keys.Should().Equal(shape.KeyNames, shape.Name);
        }
    }

    private static List<string> SchemaErrors(string yaml) => SchemaErrors(yaml, Schema.Value);

    /// <summary>The file converted to JSON (YAML core schema) and validated; a file YAML cannot read fails here too.</summary>
    private static List<string> SchemaErrors(string yaml, JsonSchema schema)
    {
        var bag = new DiagnosticBag(new SourceText(yaml));
        var tree = YamlTreeReader.Read(bag.Source, new ReaderLimits(), bag);
        tree.Should().NotBeNull(string.Join("\n", bag.ToImmutable()));
        return [.. schema.Validate(YamlJson.ToJson(tree!)).Select(e => e.ToString())];
    }

    private static readonly Lazy<JsonSchema> ScenarioSchema = new(() => JsonSchema.FromJsonAsync(WomRules.Cli.SchemaCommand.Scenario).GetAwaiter().GetResult());

    [Fact]
    public void The_committed_scenario_schema_is_the_generated_one()
    {
        Snapshots.MatchFile(WomRules.Cli.SchemaCommand.Scenario, Path.Combine(RepositoryPaths.Root, "schema", "womrules-tests.schema.json"));
        var stdout = new StringWriter();
        WomRules.Cli.CommandLine.Run(["schema", "--scenario"], stdout, new StringWriter()).Should().Be(0);
        stdout.ToString().Should().Be(WomRules.Cli.SchemaCommand.Scenario);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_scenario_file_is_accepted_by_the_reader_and_the_schema(string name)
    {
        var path = Path.Combine(RepositoryPaths.Examples, name, "campaign.tests.yaml");
        var text = File.ReadAllText(path);
        text.Should().StartWith("# yaml-language-server: $schema=../../schema/womrules-tests.schema.json\n");
        WomRules.Testing.ScenarioReader.Read(text, path).Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
        SchemaErrors(text, ScenarioSchema.Value).Should().BeEmpty();
    }

    private const string ValidScenario = """
        campaign: campaign.yaml
        cases:
          - name: one
            state: { participants: { u-1: { points: 5 } } }
            events:
              - { id: e-1, type: ping, at: 2026-03-02T10:00:00Z, actor: u-1 }
            snapshot: snapshots/one.verified.jsonl
            expect:
              - { kind: reward, points: 5 }
              - not: { kind: rejected }
        """;

    public static TheoryData<string, string, string> ScenarioMistakes => new()
    {
        { "unknown top-level key", "cases:", "case:" },
        { "unknown case key", "    snapshot:", "    snap:" },
        { "unknown outcome field", "{ kind: reward, points: 5 }", "{ kind: reward, pts: 5 }" },
        { "unknown key beside not", "not: { kind: rejected }", "nope: { kind: rejected }" },
        { "wrong type: cases not a list", ValidScenario[ValidScenario.IndexOf("cases:", StringComparison.Ordinal)..], "cases: one" },
        { "wrong type: expect not a list", ValidScenario[ValidScenario.IndexOf("    expect:", StringComparison.Ordinal)..], "    expect: { kind: reward }" },
        { "wrong type: state a list", "state: { participants: { u-1: { points: 5 } } }", "state: [u-1]" },
        { "wrong value: snapshot not .verified.jsonl", "snapshots/one.verified.jsonl", "snapshots/one.jsonl" },
        { "wrong value: case name", "name: one", "name: two words" },
        { "missing campaign", "campaign: campaign.yaml\n", "" },
        { "missing case name", "  - name: one\n    state:", "  - state:" },
        { "empty cases", ValidScenario[ValidScenario.IndexOf("cases:", StringComparison.Ordinal)..], "cases: []" },
        { "blank cases", ValidScenario[ValidScenario.IndexOf("cases:", StringComparison.Ordinal)..], "cases:" },
        { "missing events", "    events:\n      - { id: e-1, type: ping, at: 2026-03-02T10:00:00Z, actor: u-1 }\n", "" },
    };

    [Fact]
    public void The_schema_rejects_an_outcome_kind_the_engine_never_writes()
    {
        SchemaErrors(ValidScenario, ScenarioSchema.Value).Should().BeEmpty();
        SchemaErrors(ValidScenario.Replace("{ kind: reward, points: 5 }", "{ kind: rewarded, points: 5 }", StringComparison.Ordinal), ScenarioSchema.Value)
            .Should().NotBeEmpty("an expectation of kind 'rewarded' can never match");
    }

    [Theory]
    [MemberData(nameof(ScenarioMistakes))]
    public void A_scenario_mistake_is_rejected_by_the_reader_and_by_the_schema(string kind, string find, string replace)
    {
        var folder = Directory.CreateTempSubdirectory("womrules-schema-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "campaign.yaml"), "womrules: 1\ncampaign: x\n");
            var path = Path.Combine(folder, "x.tests.yaml");
            WomRules.Testing.ScenarioReader.Read(ValidScenario, path).Diagnostics.Should().BeEmpty("the valid scenario is valid");
            SchemaErrors(ValidScenario, ScenarioSchema.Value).Should().BeEmpty();

            ValidScenario.Should().Contain(find, "the mutation must apply");
            var text = ValidScenario.Replace(find, replace, StringComparison.Ordinal);
            WomRules.Testing.ScenarioReader.Read(text, path).Diagnostics.Should().Contain(d => d.IsError, kind + ": the reader must reject it");
            SchemaErrors(text, ScenarioSchema.Value).Should().NotBeEmpty(kind + ": the schema must reject it");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
