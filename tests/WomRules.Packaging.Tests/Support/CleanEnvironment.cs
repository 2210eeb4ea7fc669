namespace WomRules.Packaging.Tests.Support;

/// <summary>
/// The environment of every dotnet the tests start, as on a developer's machine: without the MSBuild and test-platform
/// variables the test host inherits from `dotnet test` (they point a child build at the outer build's MSBuild), and with
/// nothing left running afterwards.
/// </summary>
internal static class CleanEnvironment
{
    public static void Apply(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(IsInherited).ToList())
        {
            environment.Remove(name);
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";
        // No MSBuild worker nodes, MSBuild server or compiler server outliving the child build.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
    }

    private static bool IsInherited(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)
        || name.Equals("NUGET_PACKAGES", StringComparison.OrdinalIgnoreCase);
}
