using WomRules.Packaging.Tests.Support;

namespace WomRules.Packaging.Tests;

/// <summary>Each .nupkg carries what a user (and nuget.org) reads before trusting it (issue 14, packages people can trust).</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageMetadataTests(PackageFeed feed)
{
    [Fact]
    public void Every_packable_project_is_packed_with_its_symbol_package_and_nothing_else_is()
    {
        var ids = feed.Packages.Select(p => new NuGetPackage(p)).Select(p => p.Id);

        ids.Should().BeEquivalentTo(PackableProjects.All.Select(p => p.Id));
        Directory.GetFiles(feed.Feed, "*.snupkg").Select(Path.GetFileName).Should().BeEquivalentTo(
            PackableProjects.All.Select(p => $"{p.Id}.{PackageFeed.Version}.snupkg"));
    }

    [Theory]
    [MemberData(nameof(PackableProjects.Ids), MemberType = typeof(PackableProjects))]
    public void The_package_has_its_id_version_description_and_the_shared_metadata(string id)
    {
        var project = PackableProjects.Get(id);
        var package = Open(id);

        package.Id.Should().Be(id);
        package.Version.Should().Be(PackageFeed.Version);
        project.Description.Should().NotBeNullOrWhiteSpace("{0} needs a Description of its own", id);
        package.Value("description").Should().Be(project.Description);
        package.Value("authors").Should().Be(PackableProjects.SharedProperty("Authors")).And.NotBeNullOrWhiteSpace();
        package.Value("copyright").Should().NotBeNullOrWhiteSpace();

        var license = package.Element("license");
        license.Should().NotBeNull();
        license!.Attribute("type")?.Value.Should().Be("expression");
        license.Value.Should().Be("MIT");

        var tags = package.Value("tags")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        tags.Should().Contain(PackableProjects.SharedProperty("PackageTags").Split(';')).And.Contain("rules-engine");
    }

    [Theory]
    [MemberData(nameof(PackableProjects.Ids), MemberType = typeof(PackableProjects))]
    public void The_package_names_the_repository_its_commit_and_the_project_url(string id)
    {
        var package = Open(id);
        var url = PackableProjects.SharedProperty("WomRulesRepositoryUrl");

        url.Should().StartWith("https://");
        package.Value("projectUrl").Should().Be(url);
        var repository = package.Element("repository");
        repository.Should().NotBeNull("the nuspec must name the repository (PublishRepositoryUrl)");
        repository!.Attribute("type")?.Value.Should().Be("git");
        repository.Attribute("url")?.Value.Should().Be(url);
        if (GitRepository.Head is { } head)
        {
            // SourceLink's git integration records the commit the package was packed from.
            repository.Attribute("commit")?.Value.Should().Be(head);
        }
    }

    [Theory]
    [MemberData(nameof(PackableProjects.Ids), MemberType = typeof(PackableProjects))]
    public void The_package_shows_the_readme_of_its_project_folder(string id)
    {
        var project = PackableProjects.Get(id);
        var package = Open(id);

        package.Value("readme").Should().Be("README.md");
        package.Entries.Should().Contain("README.md");
        package.Read("README.md").Should().Equal(File.ReadAllBytes(Path.Combine(project.Folder, "README.md")));
    }

    [Theory]
    [MemberData(nameof(PackableProjects.Ids), MemberType = typeof(PackableProjects))]
    public void A_library_has_its_assembly_and_documentation_and_the_tool_is_a_dotnet_tool(string id)
    {
        var project = PackableProjects.Get(id);
        var package = Open(id);

        if (project.IsTool)
        {
            package.Element("packageTypes")!.Elements().Select(e => e.Attribute("name")?.Value).Should().Contain("DotnetTool");
            package.Entries.Should().Contain(e => e.StartsWith("tools/", StringComparison.Ordinal) && e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
            package.Entries.Should().Contain(e => e.StartsWith("tools/", StringComparison.Ordinal) && e.EndsWith($"/{id}.dll", StringComparison.Ordinal));
        }
        else
        {
            package.Entries.Should().Contain([$"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"]);
        }
    }

    private NuGetPackage Open(string id)
    {
        var path = Path.Combine(feed.Feed, $"{id}.{PackageFeed.Version}.nupkg");
        File.Exists(path).Should().BeTrue($"the pack should have made {path}\n{feed.PackResult}");
        return new NuGetPackage(path);
    }
}
