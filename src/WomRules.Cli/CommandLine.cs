using System.CommandLine;
using System.CommandLine.Invocation;
using WomRules.Cli.CommandLineParsing;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>
/// Parses the command line with System.CommandLine (<see cref="CommandTree"/>) and runs the command. Every failure is
/// a message and an exit code, never a stack trace: parse errors and <see cref="UsageException"/> print
/// "womrules: …" and the usage to standard error and exit 2, quoting what was typed escaped (docs/diagnostics.md).
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        usage:
          womrules check CAMPAIGN|DIR|- [--format text|json|sarif] [--allow-csharp]
          womrules run CAMPAIGN EVENTS.jsonl|- [--state IN.json | --store DB [--batch-size N] [--sync full|normal]]
                       [--save-state OUT.json] [--until TIME] [--summary] [--allow-csharp]
          womrules convert CAMPAIGN|- --to dsl|yaml
          womrules fmt CAMPAIGN|- | fmt CAMPAIGN|DIR... --check | --write
          womrules test [PATH...] [--accept] [--allow-csharp] [--format text|junit]
          womrules schema [--scenario]
          womrules state seal STATE.json [--campaign CAMPAIGN] [--allow-csharp]
          womrules state export DB [--campaign CAMPAIGN]
          womrules state import STATE.json DB --campaign CAMPAIGN [--allow-csharp]
          womrules --version
          womrules COMMAND --help

        '-' is standard input. exit codes: 0 success; 1 the campaign has errors; 2 bad usage or unreadable input
        """;

    /// <summary>
    /// A campaign path may start with '@', so response files are off; [suggest] (shell completion) and --help,
    /// --version stay.
    /// </summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>
    /// Runs a command in-process (tests, the fuzzer); <paramref name="stdoutBytes"/>, when given, is standard output as
    /// a UTF-8 byte stream, for bulk output. Standard input is empty here, so '-' never waits on the host's console.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdoutBytes = null) =>
        Run(args, new CliConsole(stdout, stderr) { OutBytes = stdoutBytes, OpenInput = () => Stream.Null });

    /// <summary>Runs a command with <paramref name="stdin"/> as standard input ('-').</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdoutBytes, Stream stdin) =>
        Run(args, new CliConsole(stdout, stderr) { OutBytes = stdoutBytes, OpenInput = () => stdin });

    public static int Run(string[] args, CliConsole console)
    {
        var stderr = console.Error;
        try
        {
            switch (args)
            {
                case []:
                    stderr.WriteLine(Usage);
                    return ExitCodes.BadUsage;
                case ["help", .. var rest]:
                    // 'womrules help' is the usage, as it always was; 'womrules help run' is 'womrules run --help'.
                    args = [.. rest, "--help"];
                    break;
            }

            var root = CommandTree.Create(console);
            var parse = root.Parse(args, Parsing);
            if (parse.Action is ParseErrorAction)
            {
                WriteParseErrors(parse, stderr);
                return ExitCodes.BadUsage;
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = stderr,
                EnableDefaultExceptionHandler = false,

                // Ctrl+C ends the process as before: a run's state file is written atomically or not at all.
                ProcessTerminationTimeout = null,
            });
        }
        catch (UsageException ex)
        {
            // Usage errors and I/O errors quote arguments and paths: escaped like diagnostics (docs/diagnostics.md).
            stderr.WriteLine("womrules: " + MessageText.Escape(ex.Message));
            stderr.WriteLine(Usage);
            return ExitCodes.BadUsage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("womrules: " + MessageText.EscapePath(ex.Message));
            return ExitCodes.BadUsage;
        }
    }

    /// <summary>System.CommandLine's messages quote what was typed, so each is escaped; then near misses, then the usage.</summary>
    private static void WriteParseErrors(ParseResult parse, TextWriter stderr)
    {
        // After an unknown word, "Required command was not provided." only repeats it; the message is taken from the
        // parser itself, so it matches in any language System.CommandLine speaks.
        var repeated = parse.UnmatchedTokens.Count > 0
            ? new HashSet<string>(new RootCommand { new Command("command") }.Parse([], Parsing).Errors.Select(e => e.Message), StringComparer.Ordinal)
            : [];
        foreach (var error in parse.Errors.Where(e => !repeated.Contains(e.Message)))
        {
            stderr.WriteLine("womrules: " + MessageText.Escape(error.Message));
        }

        // Unknown words, and unknown options taken for arguments (CommandTree.RejectUnknownOptions).
        var typed = parse.UnmatchedTokens.Concat(parse.Tokens.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && CommandTree.IsOptionLike(t.Value)).Select(t => t.Value));
        foreach (var token in typed.Distinct(StringComparer.Ordinal))
        {
            var suggestions = TypoSuggestions.For(token, parse.CommandResult.Command);
            if (suggestions.Count > 0)
            {
                stderr.WriteLine($"womrules: '{MessageText.Escape(token)}': did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?");
            }
        }

        stderr.WriteLine(Usage);
    }
}
