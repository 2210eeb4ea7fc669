using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using WomRules.Packaging.Tests.Support;
using WomRules.Tests.Support;

namespace WomRules.Packaging.Tests;

/// <summary>
/// The .snupkg has the portable PDB of each of our assemblies in the .nupkg, the very one the assembly was built with;
/// the build was deterministic; under CI=true (ContinuousIntegrationBuild) the PDB holds no machine paths, and SourceLink
/// maps its sources to the repository when the clone's origin is on GitHub.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class SymbolPackageTests(PackageFeed feed)
{
    // Custom debug information kinds of the portable PDB format (System.Reflection.Metadata's PortablePdbGuids).
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static bool IsCiBuild => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [Theory]
    [MemberData(nameof(PackableProjects.Ids), MemberType = typeof(PackableProjects))]
    public void The_symbol_package_has_the_matching_portable_pdb_of_every_assembly_of_ours(string id)
    {
        feed.Packages.Should().NotBeEmpty();
        var package = new NuGetPackage(Path.Combine(feed.Feed, $"{id}.{PackageFeed.Version}.nupkg"));
        var symbols = new NuGetPackage(Path.Combine(feed.Feed, $"{id}.{PackageFeed.Version}.snupkg"));
        symbols.Id.Should().Be(id);
        symbols.Version.Should().Be(PackageFeed.Version);

        var assemblies = OurAssemblies(package);
        assemblies.Should().Contain(a => Path.GetFileName(a) == $"{id}.dll");
        foreach (var assembly in assemblies)
        {
            var pdbEntry = Path.ChangeExtension(assembly, ".pdb");
            symbols.Entries.Should().Contain(pdbEntry, "the symbol package must carry the PDB of {0}", assembly);

            using var pe = new PEReader(new MemoryStream(package.Read(assembly)));
            var debugDirectory = pe.ReadDebugDirectory();
            // The compiler writes this entry only for a deterministic build (Deterministic in Directory.Build.props).
            debugDirectory.Should().Contain(e => e.Type == DebugDirectoryEntryType.Reproducible, "{0} must be built deterministically", assembly);
            var codeView = pe.ReadCodeViewDebugDirectoryData(debugDirectory.Single(e => e.Type == DebugDirectoryEntryType.CodeView));

            using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(symbols.Read(pdbEntry)));
            var pdb = pdbProvider.GetMetadataReader(); // throws on anything but a portable PDB
            new Guid(pdb.DebugMetadataHeader!.Id.AsSpan(0, 16)).Should().Be(codeView.Guid, "{0}'s PDB must be the one it was built with", assembly);
        }
    }

    [Theory]
    [MemberData(nameof(PackableProjects.Ids), MemberType = typeof(PackableProjects))]
    public void A_ci_build_maps_source_paths_and_links_sources_when_the_origin_is_on_github(string id)
    {
        feed.Packages.Should().NotBeEmpty();
        var package = new NuGetPackage(Path.Combine(feed.Feed, $"{id}.{PackageFeed.Version}.nupkg"));
        var symbols = new NuGetPackage(Path.Combine(feed.Feed, $"{id}.{PackageFeed.Version}.snupkg"));
        var pdbEntry = Path.ChangeExtension(OurAssemblies(package).Single(a => Path.GetFileName(a) == $"{id}.dll"), ".pdb");
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(symbols.Read(pdbEntry)));
        var pdb = pdbProvider.GetMetadataReader();
        var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
        var sourceLink = SourceLinkJson(pdb);

        documents.Should().NotBeEmpty();
        if (!IsCiBuild)
        {
            // A developer's build keeps real paths so the debugger finds the files; nothing more to check.
            documents.Should().Contain(d => d.StartsWith(RepositoryPaths.Root, StringComparison.Ordinal));
            return;
        }

        // ContinuousIntegrationBuild maps the repository root to /_/: no path of the build machine is in the PDB.
        documents.Should().OnlyContain(d => d.StartsWith("/_/", StringComparison.Ordinal), "a CI build's PDB must not name paths of the build machine");
        if (GitRepository.OriginIsGitHub && GitRepository.Head is { } head)
        {
            sourceLink.Should().NotBeNull("SourceLink must map the sources of a clone whose origin is on GitHub");
            sourceLink.Should().Contain("raw.githubusercontent.com").And.Contain(head);
        }
        else
        {
            // SourceLink maps only hosts it knows: a clone of a local or unknown origin gets no map, by design.
            // What remains checkable is that the build asked for it: the path map SourceLink would key on is there.
            documents.Should().Contain(d => d.StartsWith("/_/src/", StringComparison.Ordinal));
        }
    }

    /// <summary>Our assemblies in the package (the tool's folder also holds its dependencies' DLLs).</summary>
    private static List<string> OurAssemblies(NuGetPackage package) =>
        package.Entries.Where(e => (e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("tools/", StringComparison.Ordinal))
            && Path.GetFileName(e).StartsWith("WomRules", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal)).ToList();

    private static string? SourceLinkJson(MetadataReader pdb)
    {
        foreach (var handle in pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var information = pdb.GetCustomDebugInformation(handle);
            if (pdb.GetGuid(information.Kind) == SourceLinkKind)
            {
                return Encoding.UTF8.GetString(pdb.GetBlobBytes(information.Value));
            }
        }

        return null;
    }
}
