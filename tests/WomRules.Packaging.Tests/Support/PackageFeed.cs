using System.Diagnostics;
using System.Reflection;
using WomRules.Tests.Support;

namespace WomRules.Packaging.Tests.Support;

/// <summary>
/// One pack of the solution into a temporary local feed, shared by every test of the collection, with a temporary
/// NuGet packages folder for the apps the tests create (every build is version 0.1.0, so a global packages folder would
/// hand them the first 0.1.0 it ever saw instead of this build's).
/// </summary>
/// <remarks>
/// The pack is `dotnet pack WomRules.sln --no-build` in the configuration the tests were built in: the project file makes
/// this project reference every src project (ReferenceOutputAssembly=false), so their outputs exist before the tests
/// run. `dotnet test WomRules.sln` runs the other test projects meanwhile; a pack that builds would rewrite the DLLs
/// their hosts are loading, while --no-build only reads them and writes the feed (and the tool's publish folder under
/// obj/). Measured on this 2-core machine, idle: 2.5 s, against 16 s for a pack that builds again into a separate
/// artifacts path (--artifacts-path), which would also pack a second build rather than the one the other tests ran.
/// </remarks>
public sealed class PackageFeed : IDisposable
{
    public const string Version = "0.1.0";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    public PackageFeed()
    {
        Root = Directory.CreateTempSubdirectory("womrules-packaging-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        PackagesFolder = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        Configuration = typeof(PackageFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

        var clock = Stopwatch.StartNew();
        PackResult = ChildProcess.Run(
            "dotnet", ["pack", Path.Combine(RepositoryPaths.Root, "WomRules.sln"), "--no-build", "-c", Configuration, "-o", Feed, "-nologo"],
            RepositoryPaths.Root, PackTimeout);
        PackTime = clock.Elapsed;
    }

    /// <summary>A folder under the system's temporary folder, outside the repository, deleted at the end.</summary>
    public string Root { get; }

    public string Feed { get; }

    /// <summary>NUGET_PACKAGES for the apps the tests make.</summary>
    public string PackagesFolder { get; }

    public string Configuration { get; }

    public ProcessResult PackResult { get; }

    public TimeSpan PackTime { get; }

    /// <summary>The .nupkg files of the feed; fails with the pack's output when the pack failed.</summary>
    public IReadOnlyList<string> Packages
    {
        get
        {
            PackResult.Succeeded.Should().BeTrue(PackResult.ToString());
            return Directory.GetFiles(Feed, "*.nupkg").Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The whole environment a child dotnet gets for building an app from the feed.</summary>
    public IReadOnlyDictionary<string, string?> AppEnvironment => new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackagesFolder };

    /// <summary>
    /// Writes a nuget.config into <paramref name="directory"/> adding the feed. With <paramref name="feedOnly"/> the
    /// configured sources are cleared (proving nothing else is needed); without, they stay, as on a user's machine.
    /// </summary>
    public void WriteNuGetConfig(string directory, bool feedOnly)
    {
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                {(feedOnly ? "<clear />" : "")}
                <add key="womrules-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>A new empty folder for one test, under <see cref="Root"/>.</summary>
    public string NewWorkFolder(string name) => Directory.CreateDirectory(Path.Combine(Root, $"{name}-{Guid.NewGuid():N}")).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process killed a moment ago may still hold a file; the system's temp cleaner takes the rest.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
