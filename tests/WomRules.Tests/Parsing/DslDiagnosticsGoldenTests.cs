using WomRules.Tests.Support;

namespace WomRules.Tests.Parsing;

/// <summary>
/// Malformed DSL files and the exact diagnostics they give (line, column, expected tokens), kept as golden files in
/// Parsing/dsl-errors: NAME.wom is the input, NAME.txt what `womrules check` prints. UPDATE_SNAPSHOTS=1 rewrites them.
/// </summary>
public sealed class DslDiagnosticsGoldenTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "WomRules.Tests", "Parsing", "dsl-errors");

    public static TheoryData<string> Inputs => new(Directory.GetFiles(Folder, "*.wom").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Fact]
    public void The_issue_s_cases_are_all_there() =>
        Directory.GetFiles(Folder, "*.wom").Select(Path.GetFileNameWithoutExtension).Should()
            .Contain(["missing-keyword", "unterminated-string", "stray-character", "rule-without-reward", "several-errors"]);

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Malformed_input_gives_the_golden_diagnostics(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, name + ".wom"));
        var output = Check(text, name + ".wom");
        output.Should().Contain("error WOM", "every file here is malformed");
        Snapshots.MatchFile(output, Path.Combine(Folder, name + ".txt"));
    }

    [Fact]
    public void Nesting_5000_deep_is_an_error_at_the_first_parenthesis_past_the_limit()
    {
        var text = "campaign deep\n\nevent ping\n  n: int\n\nrule deep on ping\n  when " + new string('(', 5000) + "event.n > 1" + new string(')', 5000) + "\n  reward 1 points\n";
        var output = Check(text, "deep-nesting.wom");
        Snapshots.MatchFile(output, Path.Combine(Folder, "deep-nesting.txt"));
    }

    [Fact]
    public void Several_errors_are_reported_from_one_file()
    {
        var output = Check(File.ReadAllText(Path.Combine(Folder, "several-errors.wom")), "several-errors.wom");
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCountGreaterThanOrEqualTo(4, "recovery at declaration boundaries reports each broken rule");
    }

    private static string Check(string text, string path)
    {
        var compilation = CampaignCompilation.Create(text, path);
        return string.Concat(compilation.GetDiagnostics().Select(d => d + "\n"));
    }
}
