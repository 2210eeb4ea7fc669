using System.Xml.Linq;
using WomRules.Tests.Support;

namespace WomRules.Packaging.Tests.Support;

/// <summary>The src projects that make a package (IsPackable true), as their project files say.</summary>
internal static class PackableProjects
{
    public static IReadOnlyList<PackableProject> All { get; } = Directory
        .GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
        .Select(path => (Path: path, Xml: XDocument.Load(path)))
        .Where(p => Property(p.Xml, "IsPackable") == "true")
        .Select(p => new PackableProject(
            Property(p.Xml, "PackageId") ?? Path.GetFileNameWithoutExtension(p.Path),
            Path.GetDirectoryName(p.Path)!,
            Property(p.Xml, "Description"),
            Property(p.Xml, "PackAsTool") == "true"))
        .OrderBy(p => p.Id, StringComparer.Ordinal)
        .ToList();

    public static TheoryData<string> Ids => new(All.Select(p => p.Id));

    public static PackableProject Get(string id) => All.Single(p => p.Id == id);

    /// <summary>A property of the shared Directory.Build.props.</summary>
    public static string SharedProperty(string name) =>
        Property(XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")), name)
        ?? throw new InvalidOperationException($"Directory.Build.props has no {name}");

    private static string? Property(XDocument project, string name) =>
        project.Descendants(name).FirstOrDefault(e => e.Parent?.Name.LocalName == "PropertyGroup" && e.Parent.Attribute("Condition") is null)?.Value;
}

internal sealed record PackableProject(string Id, string Folder, string? Description, bool IsTool);
