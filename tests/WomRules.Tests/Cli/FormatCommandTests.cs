using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary><c>womrules convert</c> and <c>womrules fmt</c>, run in-process: output, exit codes, atomic rewrite.</summary>
public sealed class FormatCommandTests() : CliTestFolder("womrules-fmt-")
{
    private static string Example(string name, string file) => Path.Combine(RepositoryPaths.Examples, name, file);

    [Fact]
    public void Convert_prints_the_other_form_and_back()
    {
        var (exit, dsl, _) = Run("convert", Example("reviews", "campaign.yaml"), "--to", "dsl");
        exit.Should().Be(0);
        dsl.Should().Be(File.ReadAllText(Example("reviews", "campaign.wom")));

        var (exitBack, yaml, _) = Run("convert", Write("reviews.wom", dsl), "--to", "yaml");
        exitBack.Should().Be(0);
        // The YAML editor modeline means nothing in the DSL, so conversion drops it (docs/dsl.md); all else comes back.
        var original = File.ReadAllText(Example("reviews", "campaign.yaml"));
        original.Should().StartWith("# yaml-language-server:");
        yaml.Should().Be(original[(original.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
    }

    [Fact]
    public void Convert_of_a_file_with_errors_prints_diagnostics_and_exits_1()
    {
        var path = Write("bad.wom", "campaign c\nrule r on e\n  wen x\n");
        var (exit, output, _) = Run("convert", path, "--to", "yaml");
        exit.Should().Be(1);
        output.Should().Be($"{path}(3,3): error WOM5001: The campaign text is malformed: unexpected 'wen'; expected 'on', 'lang', 'priority', 'stop', 'when', 'reward' or 'limit'.\n");
    }

    [Theory]
    [InlineData("convert")]
    [InlineData("convert", "x.yaml")]
    [InlineData("convert", "x.yaml", "--to", "json")]
    [InlineData("fmt")]
    [InlineData("fmt", "a.yaml", "b.yaml")]
    [InlineData("fmt", "a.yaml", "--check", "--write")]
    [InlineData("fmt", "a.yaml", "--fix")]
    public void Bad_usage_exits_2(params string[] args) => Run(args).Exit.Should().Be(2);

    [Fact]
    public void A_missing_file_exits_2() => Run("fmt", Path.Combine(Folder, "none.wom")).Exit.Should().Be(2);

    [Fact]
    public void Fmt_check_passes_on_the_examples_in_both_forms()
    {
        var files = RepositoryPaths.ExampleCampaignFiles.ToArray();
        files.Should().HaveCount(2 * RepositoryPaths.ExampleNames.Count());
        var (exit, output, _) = Run(["fmt", "--check", .. files]);
        output.Should().BeEmpty();
        exit.Should().Be(0);
    }

    [Fact]
    public void Fmt_check_lists_unformatted_files_and_exits_1_and_write_fixes_them_in_place()
    {
        var messy = Write("messy.wom", "campaign   c\nbudget 10 points\nevent e\n  n:int\nrule r on e\n    when event.n>1\n    reward 1 points\n");
        var clean = Write("clean.wom", File.ReadAllText(Example("referral", "campaign.wom")));

        var (exit, output, _) = Run("fmt", "--check", messy, clean);
        exit.Should().Be(1);
        output.Should().Be($"{messy}: not formatted (womrules fmt --write {messy})\n");

        Run("fmt", "--write", messy, clean).Exit.Should().Be(0);
        File.ReadAllText(messy).Should().Be("campaign c\n\nevent e\n  n: int\n\nbudget 10 points\n\nrule r on e\n  when event.n > 1\n  reward 1 points\n");
        Directory.GetFiles(Folder).Should().HaveCount(2, "the rewrite leaves no temporary file behind");
        Run("fmt", "--check", messy).Exit.Should().Be(0);
    }

    [Fact]
    public void Fmt_check_ignores_line_endings()
    {
        var crlf = Write("crlf.wom", File.ReadAllText(Example("referral", "campaign.wom")).ReplaceLineEndings("\r\n"));
        Run("fmt", "--check", crlf).Exit.Should().Be(0);
    }

    [Fact]
    public void Fmt_prints_to_stdout_and_leaves_the_file_alone()
    {
        var path = Write("c.yaml", "womrules: 1\ncampaign: c\nbudget: {points: 10}\nevents: { e: { n: int } }\nrules:\n- {name: r, on: e, rewards: [{points: 1}]}\n");
        var before = File.ReadAllText(path);
        var (exit, output, _) = Run("fmt", path);
        exit.Should().Be(0);
        output.Should().Be("womrules: 1\ncampaign: c\n\nevents:\n  e:\n    n: int\n\nbudget: { points: 10 }\n\nrules:\n  - name: r\n    on: e\n    rewards:\n      - points: 1\n");
        File.ReadAllText(path).Should().Be(before);
    }

    [Fact]
    public void Check_and_run_accept_wom_files()
    {
        Run("check", Example("co-creation", "campaign.wom")).Exit.Should().Be(0);
        var (exit, output, _) = Run("run", Example("co-creation", "campaign.wom"), Example("co-creation", "events.jsonl"));
        exit.Should().Be(0);
        output.Should().Be(File.ReadAllText(Example("co-creation", "outcomes.jsonl")).ReplaceLineEndings("\n"));
    }
}
