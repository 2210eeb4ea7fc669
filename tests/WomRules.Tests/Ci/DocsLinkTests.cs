using System.Text.RegularExpressions;
using WomRules.Tests.Support;

namespace WomRules.Tests.Ci;

/// <summary>The repository stands on its own: every relative link in README and docs/ names a file inside it.</summary>
public sealed partial class DocsLinkTests
{
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in new[] { "README.md" }
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Select(p => Path.GetRelativePath(RepositoryPaths.Root, p)))
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "bench"), "README.md", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(RepositoryPaths.Root, p)))
            .Order(StringComparer.Ordinal))
        {
            data.Add(page.Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_names_a_file_inside_the_repository(string page)
    {
        var path = Path.Combine(RepositoryPaths.Root, page);
        var root = Path.GetFullPath(RepositoryPaths.Root) + Path.DirectorySeparatorChar;
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(File.ReadAllText(path)))
        {
            var target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith('#') || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var file = target.Split('#')[0];
            var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!full.StartsWith(root, StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
            {
                broken.Add(target);
            }
        }

        broken.Should().BeEmpty($"{page} may link only to files inside the repository");
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
