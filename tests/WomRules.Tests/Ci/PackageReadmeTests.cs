using System.Xml.Linq;
using WomRules.Tests.Support;

namespace WomRules.Tests.Ci;

/// <summary>Every package packs its README.md (PackageReadmeFile in Directory.Build.props): a new packable project needs one in its folder.</summary>
public sealed class PackageReadmeTests
{
    [Fact]
    public void Every_packable_src_project_has_a_readme_beside_it()
    {
        var projects = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => XDocument.Load(p).Descendants("IsPackable").Any(e => e.Value == "true")).ToList();
        projects.Should().NotBeEmpty();
        projects.Should().AllSatisfy(p => File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "README.md")).Should().BeTrue(p));
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        props.Descendants("PackageReadmeFile").Single().Value.Should().Be("README.md");
        props.Descendants("SymbolPackageFormat").Single().Value.Should().Be("snupkg");
        props.Descendants("RepositoryUrl").Single().Value.Should().Be("$(WomRulesRepositoryUrl)");
    }
}
