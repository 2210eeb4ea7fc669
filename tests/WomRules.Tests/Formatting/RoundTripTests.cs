using WomRules.Diagnostics;
using WomRules.Emit;
using WomRules.Parsing;
using WomRules.Runtime;
using WomRules.Tests.Examples;
using WomRules.Tests.Support;
using WomRules.Text;

namespace WomRules.Tests.Formatting;

/// <summary>YAML → DSL → YAML keeps the syntax tree (modulo positions) and the behaviour, on every example and on generated campaigns.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Examples => new(RepositoryPaths.ExampleNames);

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 60));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_yaml_to_dsl_to_yaml_keeps_the_tree(string name)
    {
        var yaml = File.ReadAllText(ExampleFile(name, "campaign.yaml"));
        AssertRoundTrip(yaml);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_dsl_file_has_the_same_tree_as_the_yaml_file(string name)
    {
        var yaml = Forms.Parse(File.ReadAllText(ExampleFile(name, "campaign.yaml")), CampaignFormat.Yaml);
        var dsl = Forms.Parse(File.ReadAllText(ExampleFile(name, "campaign.wom")), CampaignFormat.Dsl);
        Forms.ShouldBeSameTree(dsl, yaml, $"examples/{name}/campaign.wom must say what campaign.yaml says");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_dsl_file_gives_the_approved_outcomes_and_state(string name)
    {
        var events = File.ReadAllLines(ExampleFile(name, "events.jsonl"));
        var fromYaml = CampaignRunner.Compile(File.ReadAllText(ExampleFile(name, "campaign.yaml")));
        var fromDsl = CampaignRunner.Compile(File.ReadAllText(ExampleFile(name, "campaign.wom")), path: "campaign.wom");
        var expected = ExampleRuns.RunLines(fromYaml, events, ExampleRuns.InitialStore(name, fromYaml), ExampleRuns.Until(name));
        var actual = ExampleRuns.RunLines(fromDsl, events, ExampleRuns.InitialStore(name, fromDsl), ExampleRuns.Until(name));
        actual.Outcomes.Should().Be(File.ReadAllText(ExampleFile(name, "outcomes.jsonl")).ReplaceLineEndings("\n"));
        actual.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_campaign_round_trips_with_the_same_tree(int seed)
    {
        var (yaml, _) = new CampaignGenerator(seed, withCSharp: seed % 3 == 0, hostile: seed % 2 == 0).Generate();
        AssertRoundTrip(yaml);
    }

    /// <summary>
    /// YAML → DSL → YAML and DSL → YAML → DSL evaluate identically; with hostile text (every other seed: line and
    /// paragraph separators, NEL, controls, bidi controls, each followed by text shaped like a key) in strings,
    /// defaults, messages, event texts and comments, no output holds one raw and no key appears (issue 10, defect 8).
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_campaign_converted_there_and_back_evaluates_identically(int seed)
    {
        var (yaml, events) = new CampaignGenerator(seed, hostile: seed % 2 == 0).Generate();
        var dsl = Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl);
        var back = Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
        var dslBack = Forms.Print(back, CampaignFormat.Yaml, CampaignFormat.Dsl);

        var original = Run(yaml, "campaign.yaml", events, EvaluatorKind.Compiled);
        original.Should().NotBeEmpty();
        Run(dsl, "campaign.wom", events, EvaluatorKind.Compiled).Should().Equal(original, $"seed {seed}: the DSL form must behave the same\n{dsl}");
        Run(dsl, "campaign.wom", events, EvaluatorKind.Reference).Should().Equal(original, $"seed {seed}: and agree with the reference evaluator");
        Run(back, "campaign.yaml", events, EvaluatorKind.Compiled).Should().Equal(original, $"seed {seed}: converted back, too\n{back}");
        Run(dslBack, "campaign.wom", events, EvaluatorKind.Compiled).Should().Equal(original, $"seed {seed}: DSL → YAML → DSL, too\n{dslBack}");
        dslBack.Should().Be(dsl, "printing is canonical, so DSL → YAML → DSL gives the DSL back");

        foreach (var (text, format) in new[] { (dsl, "DSL"), (back, "YAML"), (dslBack, "DSL") })
        {
            text.Where(c => (char.IsControl(c) && c is not ('\n' or '\t')) || TextHazards.IsSourceHazard(c)).Select(c => $"U+{(int)c:X4}")
                .Should().BeEmpty($"seed {seed}: the {format} output holds no raw break, control or bidi character:\n{text}");
        }

        Keys(back).Should().Equal(Keys(yaml), $"seed {seed}: no key appears or disappears:\n{back}");
    }

    /// <summary>A name cannot hold a break, a control or a bidi control (WOM3046); both forms, and conversions either way, refuse it alike.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_campaign_with_a_hostile_name_is_refused_alike_in_both_forms(int seed)
    {
        string[] escapes = ["\\u2028", "\\u2029", "\\N", "\\e[2J", "\\n", "\\u202E", "\\x90", "\\t", "\\u200B", "\\uFEFF"];
        var (yaml, _) = new CampaignGenerator(seed, hostile: true).Generate();
        var at = yaml.IndexOf("- name: r0", StringComparison.Ordinal);
        var end = yaml.IndexOf('\n', at);
        yaml = yaml[..at] + "- name: \"r0" + escapes[seed % escapes.Length] + "active: x\"" + yaml[end..];

        var dsl = Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl);
        var back = Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
        foreach (var (text, path) in new[] { (yaml, "campaign.yaml"), (dsl, "campaign.wom"), (back, "campaign.yaml") })
        {
            var errors = CampaignCompilation.Create(text, path).GetDiagnostics().Where(d => d.IsError).ToList();
            var line = text[..text.IndexOf("r0", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            errors.Select(d => (d.Id, d.Line)).Should().Equal([("WOM3046", line)], $"seed {seed}: {path} refuses the name where it is written:\n{text}");
            errors[0].Message.Where(c => char.IsControl(c) || TextHazards.IsSourceHazard(c)).Should().BeEmpty();
        }
    }

    /// <summary>Every mapping key of a YAML text, with its path, in file order.</summary>
    private static List<string> Keys(string yaml)
    {
        var root = YamlTreeReader.Read(new SourceText(yaml), new ReaderLimits(), new DiagnosticBag(new SourceText(yaml)));
        root.Should().NotBeNull();
        var keys = new List<string>();
        void Walk(YamlNode node, string path)
        {
            switch (node)
            {
                case YamlMapping map:
                    foreach (var (key, value) in map.Entries)
                    {
                        keys.Add(path + "/" + key.Value);
                        Walk(value, path + "/" + key.Value);
                    }

                    break;
                case YamlSequence list:
                    foreach (var item in list.Items)
                    {
                        Walk(item, path + "[]");
                    }

                    break;
            }
        }

        Walk(root!, "");
        return keys;
    }

    private static void AssertRoundTrip(string yaml)
    {
        var original = Forms.Parse(yaml, CampaignFormat.Yaml);
        var dsl = Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl);
        Forms.ShouldBeSameTree(Forms.Parse(dsl, CampaignFormat.Dsl), original, "the DSL must say what the YAML says:\n" + dsl);
        var back = Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
        Forms.ShouldBeSameTree(Forms.Parse(back, CampaignFormat.Yaml), original, "converted back, the YAML must be the same campaign:\n" + back);
    }

    private static List<string> Run(string text, string path, string[] events, EvaluatorKind evaluator)
    {
        var engine = new CampaignEngine(CampaignRunner.Compile(text, evaluator, path: path));
        var state = new List<string>();
        var outcomes = events.SelectMany(e => engine.ProcessJson(e)).Select(o => o.ToJson()).ToList();
        foreach (var id in Enumerable.Range(1, 4).Select(i => $"u{i}"))
        {
            if (engine.GetParticipant(id) is { } p)
            {
                state.Add(CampaignRunner.StateText(p));
            }
        }

        return [.. outcomes, .. state];
    }

    private static string ExampleFile(string name, string file) => Path.Combine(RepositoryPaths.Examples, name, file);
}
