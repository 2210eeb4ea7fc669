using System.IO.Compression;
using System.Xml.Linq;

namespace WomRules.Packaging.Tests.Support;

/// <summary>A .nupkg or .snupkg read as what it is: a zip with a .nuspec at its root.</summary>
internal sealed class NuGetPackage
{
    private readonly string path;

    public NuGetPackage(string path)
    {
        this.path = path;
        using var zip = ZipFile.OpenRead(path);
        Entries = zip.Entries.Select(e => e.FullName).ToList();
        var nuspec = zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        Metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public string FileName => Path.GetFileName(path);

    public IReadOnlyList<string> Entries { get; }

    public XElement Metadata { get; }

    public string Id => Value("id")!;

    public string Version => Value("version")!;

    /// <summary>The text of a metadata element, or null when the nuspec lacks it.</summary>
    public string? Value(string name) => Element(name)?.Value;

    public XElement? Element(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    public byte[] Read(string entry)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry(entry)?.Open() ?? throw new FileNotFoundException($"{entry} is not in {FileName}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
