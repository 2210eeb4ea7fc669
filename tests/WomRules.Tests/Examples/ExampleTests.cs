using System.Text;
using WomRules.Emit;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Examples;

/// <summary>Every example checks clean, runs, agrees across evaluators, and produces its approved outcomes.</summary>
public sealed class ExampleTests
{
    public static TheoryData<string> Names => new(RepositoryPaths.ExampleNames);

    [Fact]
    public void There_are_at_least_four_examples() => RepositoryPaths.ExampleNames.Should().HaveCountGreaterThanOrEqualTo(4);

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_checks_without_errors_or_warnings(string name)
    {
        var compilation = CampaignCompilation.FromFile(Path.Combine(RepositoryPaths.Examples, name, "campaign.yaml"));
        compilation.GetDiagnostics().Select(d => d.ToString()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_outcomes_match_the_approved_snapshot(string name)
    {
        var (outcomes, state) = Run(name, EvaluatorKind.Compiled);
        Snapshots.MatchFile(outcomes, Path.Combine(RepositoryPaths.Examples, name, "outcomes.jsonl"));
        Snapshots.Match(outcomes + "\n--- final state ---\n" + state, name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_gives_the_same_outcomes_and_state_with_the_reference_evaluator(string name)
    {
        var compiled = Run(name, EvaluatorKind.Compiled);
        var reference = Run(name, EvaluatorKind.Reference);
        reference.Outcomes.Should().Be(compiled.Outcomes);
        reference.State.Should().Be(compiled.State);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Running_part_a_then_part_b_from_saved_state_equals_running_a_and_b(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Examples, name, "events.jsonl"));
        var campaign = CampaignRunner.Compile(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, name, "campaign.yaml")));
        var (whole, wholeState) = ExampleRuns.RunLines(campaign, lines, ExampleRuns.InitialStore(name, campaign), ExampleRuns.Until(name));

        for (var split = 0; split <= lines.Length; split += Math.Max(1, lines.Length / 5))
        {
            var first = ExampleRuns.InitialStore(name, campaign);
            var (a, _) = ExampleRuns.RunLines(campaign, lines[..split], first);
            using var saved = new MemoryStream();
            first.WriteTo(saved, campaign);
            saved.Position = 0;
            var resumed = InMemoryParticipantStore.ReadFrom(saved, campaign);
            var (b, state) = ExampleRuns.RunLines(campaign, lines[split..], resumed, ExampleRuns.Until(name));
            (a + b).Should().Be(whole, $"splitting at line {split} must not change the outcomes");
            state.Should().Be(wholeState);
        }
    }

    internal static (string Outcomes, string State) Run(string name, EvaluatorKind evaluator)
    {
        var folder = Path.Combine(RepositoryPaths.Examples, name);
        var campaign = CampaignRunner.Compile(File.ReadAllText(Path.Combine(folder, "campaign.yaml")), evaluator);
        return ExampleRuns.RunLines(campaign, File.ReadAllLines(Path.Combine(folder, "events.jsonl")), ExampleRuns.InitialStore(name, campaign), ExampleRuns.Until(name));
    }
}
