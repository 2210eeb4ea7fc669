using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace WomRules.Cli.CommandLineParsing;

/// <summary>--version: this assembly's informational version (System.CommandLine's own would name the entry assembly, a test host in tests).</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version =>
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Success;
    }
}
