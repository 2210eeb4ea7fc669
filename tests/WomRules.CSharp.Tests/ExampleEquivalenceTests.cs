using WomRules.Emit;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.CSharp.Tests;

/// <summary>
/// Every example campaign with each of its rules rewritten in C# (Equivalence/NAME.rules.yaml, with the example's own
/// schema, tiers, budget and disclosures) gives exactly the outcomes and final state of the native campaign on the
/// example's events: the same outcomes, atomicity, limits, budget and withholding. A rule with alert data stays in the
/// campaign language (C# rules cannot have alert data, WOM3068).
/// </summary>
public sealed class ExampleEquivalenceTests
{
    public static TheoryData<string> Names => new(RepositoryPaths.ExampleNames);

    [Fact]
    public void Every_example_has_a_csharp_version() =>
        RepositoryPaths.ExampleNames.Should().AllSatisfy(name => File.Exists(RulesPath(name)).Should().BeTrue(name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Csharp_rules_give_the_same_outcomes_and_state_as_native_rules(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Examples, name);
        var native = File.ReadAllText(Path.Combine(folder, "campaign.yaml"));
        var csharp = CSharpVersion(native, File.ReadAllText(RulesPath(name)));
        csharp.Should().Contain("lang: csharp");

        var nativeCampaign = CampaignRunner.Compile(native);
        var csharpCampaign = CampaignRunner.Compile(csharp, EvaluatorKind.Compiled, CompilationOptions.Default.WithCSharp());
        csharpCampaign.Rules.Should().Equal(nativeCampaign.Rules, "the C# version keeps every rule, in order");
        // Alert data cannot be C# (WOM3068): a rule with alert data keeps its native condition, and is the only one that may.
        csharpCampaign.Bound.Rules.Should().OnlyContain(r => r.When == null || r.When is Binding.BoundCSharpExpression || r.Rewards.Any(w => !w.AlertData.IsDefaultOrEmpty), "every condition is C#");

        var events = File.ReadAllLines(Path.Combine(folder, "events.jsonl"));
        var expected = Run(nativeCampaign, events, name);
        var actual = Run(csharpCampaign, events, name);
        expected.Outcomes.Should().NotBeEmpty();
        actual.Outcomes.Should().Be(expected.Outcomes);
        actual.State.Should().Be(expected.State);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Csharp_rules_agree_across_evaluators(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Examples, name);
        var csharp = CSharpVersion(File.ReadAllText(Path.Combine(folder, "campaign.yaml")), File.ReadAllText(RulesPath(name)));
        var compiled = Run(CampaignRunner.Compile(csharp, EvaluatorKind.Compiled, CompilationOptions.Default.WithCSharp()), File.ReadAllLines(Path.Combine(folder, "events.jsonl")), name);
        var reference = Run(CampaignRunner.Compile(csharp, EvaluatorKind.Reference, CompilationOptions.Default.WithCSharp()), File.ReadAllLines(Path.Combine(folder, "events.jsonl")), name);
        reference.Should().Be(compiled);
    }

    private static string RulesPath(string name) => Path.Combine(AppContext.BaseDirectory, "Equivalence", name + ".rules.yaml");

    /// <summary>The example's campaign up to 'rules:', then the C# rules.</summary>
    private static string CSharpVersion(string native, string rules)
    {
        var index = native.IndexOf("\nrules:", StringComparison.Ordinal);
        index.Should().BePositive("the example has a rules section");
        return native[..(index + 1)] + rules;
    }

    private static (string Outcomes, string State) Run(CompiledCampaign campaign, string[] lines, string name) =>
        ExampleRuns.RunLines(campaign, lines, ExampleRuns.InitialStore(name, campaign), ExampleRuns.Until(name));
}
