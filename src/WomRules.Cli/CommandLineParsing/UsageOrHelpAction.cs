using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace WomRules.Cli.CommandLineParsing;

/// <summary>
/// --help: for <c>womrules</c> itself, the one-screen usage it always printed (<see cref="CommandLine.Usage"/>); for a
/// command, System.CommandLine's help of that command, with every option described.
/// </summary>
internal sealed class UsageOrHelpAction(HelpAction commandHelp) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        if (parseResult.CommandResult.Command is RootCommand)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(CommandLine.Usage);
            return ExitCodes.Success;
        }

        return commandHelp.Invoke(parseResult);
    }
}
