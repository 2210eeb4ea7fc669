using System.Reflection;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>Dispatches the command line to a command. Every failure is a message and an exit code, never a stack trace.</summary>
internal static class CommandLine
{
    public const string Usage = """
        usage:
          womrules check CAMPAIGN [--format text|json|sarif] [--allow-csharp]
          womrules run CAMPAIGN EVENTS.jsonl [--state IN.json | --store DB [--batch-size N] [--sync full|normal]]
                       [--save-state OUT.json] [--until TIME] [--allow-csharp]
          womrules convert CAMPAIGN --to dsl|yaml
          womrules fmt CAMPAIGN... [--check | --write]
          womrules test [PATH...] [--accept] [--allow-csharp] [--format text|junit]
          womrules schema [--scenario]
          womrules state seal STATE.json [--campaign CAMPAIGN] [--allow-csharp]
          womrules state export DB [--campaign CAMPAIGN]
          womrules state import STATE.json DB --campaign CAMPAIGN [--allow-csharp]
          womrules --version

        exit codes: 0 success; 1 the campaign has errors; 2 bad usage or unreadable input
        """;

    /// <summary>Runs a command; <paramref name="stdoutBytes"/>, when given, is standard output as a UTF-8 byte stream, for bulk output.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdoutBytes = null)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
                return args.Length == 0 ? ExitCodes.BadUsage : ExitCodes.Success;
            }

            switch (args[0])
            {
                case "--version":
                    stdout.WriteLine(typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");
                    return ExitCodes.Success;
                case "check":
                    return CheckCommand.Run(args[1..], stdout, stderr);
                case "run":
                    return RunCommand.Run(args[1..], stdout, stderr, stdoutBytes);
                case "convert":
                    return ConvertCommand.Run(args[1..], stdout, stderr);
                case "fmt":
                    return FormatCommand.Run(args[1..], stdout, stderr);
                case "test":
                    return Testing.TestCommand.Run(args[1..], stdout, stderr);
                case "schema":
                    return SchemaCommand.Run(args[1..], stdout);
                case "state":
                    return StateCommand.Run(args[1..], stdout, stderr, stdoutBytes);
                default:
                    stderr.WriteLine($"womrules: unknown command '{MessageText.Escape(args[0])}'.");
                    stderr.WriteLine(Usage);
                    return ExitCodes.BadUsage;
            }
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
}
