using WomRules.Cli;
using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary>The command line as System.CommandLine parses it: help on every command, version, typo suggestions, completion, escaping.</summary>
public sealed class CommandLineParsingTests() : CliTestFolder("womrules-parsing-")
{
    private static readonly string[] CommandNames = ["check", "run", "convert", "fmt", "test", "schema", "state", "state seal", "state export", "state import"];

    public static TheoryData<string> Commands => [.. CommandNames];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help_on_stdout_with_exit_0(string name)
    {
        var command = name.Split(' ');
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (exit, output, error) = Run([.. command, flag]);
            exit.Should().Be(0);
            error.Should().BeEmpty();
            output.Should().Contain("Usage:").And.Contain("womrules " + name).And.Contain("Options:");
        }

        // 'womrules help COMMAND' is the same text.
        Run(["help", .. command]).Out.Should().Be(Run([.. command, "--help"]).Out);
    }

    [Fact]
    public void Help_of_womrules_itself_is_the_usage_and_describes_every_command()
    {
        foreach (var args in new[] { ["--help"], ["-h"], new[] { "help" } })
        {
            var (exit, output, error) = Run(args);
            exit.Should().Be(0);
            error.Should().BeEmpty();
            output.Should().Be(CommandLine.Usage.ReplaceLineEndings("\n") + "\n");
        }

        foreach (var command in CommandNames)
        {
            CommandLine.Usage.Should().Contain("womrules " + command);
        }
    }

    [Fact]
    public void Version_prints_the_informational_version()
    {
        var (exit, output, _) = Run("--version");
        exit.Should().Be(0);
        output.Should().MatchRegex(@"^\d+\.\d+\.\d+\S*\n$");
    }

    [Theory]
    [InlineData("'chek': did you mean 'check'?", "chek", "x.yaml")]
    [InlineData("'stat': did you mean 'state'?", "stat", "seal", "s.json")]
    [InlineData("'--stte': did you mean '--state' or '--store'?", "run", "a.yaml", "b.jsonl", "--stte", "s.json")]
    [InlineData("'--formt': did you mean '--format'?", "check", "--formt", "json", "a.yaml")]
    [InlineData("'--acept': did you mean '--accept'?", "test", "--acept")]
    [InlineData("'sael': did you mean 'seal'?", "state", "sael", "s.json")]
    [InlineData("'CHECK': did you mean 'check'?", "CHECK", "x.yaml")]
    [InlineData("'--Fromat': did you mean '--format'?", "check", "--Fromat", "json", "a.yaml")]
    public void A_mistyped_command_or_option_gets_a_suggestion_and_exit_2(string suggestion, params string[] args)
    {
        var (exit, output, error) = Run(args);
        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("womrules: " + suggestion).And.Contain("usage:");
    }

    [Fact]
    public void An_unknown_command_is_reported_once_not_also_as_a_missing_command()
    {
        var (_, _, error) = Run("chek");
        error.Split('\n').Where(l => l.StartsWith("womrules: ", StringComparison.Ordinal)).Should().Equal(
            "womrules: Unrecognized command or argument 'chek'.",
            "womrules: 'chek': did you mean 'check'?");
    }

    [Theory]
    [InlineData("\u001b[31mred")]
    [InlineData("--\u001b]0;title\u0007")]
    [InlineData("evil\u202Egnp.yaml")]
    [InlineData("line\r\nwomrules: forged")]
    [InlineData("\u0000nul")]
    public void Hostile_words_are_escaped_in_what_is_printed(string hostile)
    {
        foreach (var args in new[] { [hostile], ["check", "a.yaml", hostile], ["run", "a.yaml", "b.jsonl", hostile], ["run", "a.yaml", "b.jsonl", "--until", hostile], new[] { "check", hostile } })
        {
            var (exit, _, error) = Run(args);
            exit.Should().Be(2);
            error.Should().NotContainAny("\u001b", "\u202E", "\r", "\u0000", "\u0007");
            error.Split('\n').Should().NotContain(line => line.StartsWith("womrules: forged", StringComparison.Ordinal));
            error.Should().Contain("womrules: ");
        }
    }

    [Fact]
    public void Response_files_are_not_expanded_so_a_path_may_start_with_an_at_sign()
    {
        var rsp = Write("args.rsp", "--help\n");
        var (exit, output, error) = Run("check", "@" + rsp);
        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain($"cannot read the campaign file '@{rsp}'");
    }

    [Theory]
    [InlineData("ch", "check")]
    [InlineData("check --f", "--format")]
    [InlineData("run --sync ", "normal")]
    [InlineData("check x.yaml --format ", "sarif")]
    [InlineData("test --format ", "junit")]
    [InlineData("state ", "export")]
    public void The_suggest_directive_completes_commands_options_and_values(string line, string expected)
    {
        var (exit, output, _) = Run($"[suggest:{line.Length}]", line);
        exit.Should().Be(0);
        output.Split('\n').Should().Contain(expected);
    }

    [Fact]
    public void An_unknown_option_in_place_of_an_argument_is_still_an_unknown_option()
    {
        var (exit, _, error) = Run("check", "--bogus");
        exit.Should().Be(2);
        error.Should().Contain("unknown option '--bogus'").And.Contain("usage:");
    }
}
