namespace WomRules.Cli;

/// <summary>
/// Walks a folder recursively for the commands that take folders (check, fmt, test). Build output and tool folders
/// (bin, obj, node_modules) and hidden folders (.git, .github, …) are skipped, and so are folder links, so a link
/// loop cannot make the walk endless. Paths come back under the folder as given, in ordinal order.
/// </summary>
internal static class SourceTree
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules"];

    public static IReadOnlyList<string> Files(string folder, Func<string, bool> include)
    {
        var found = new List<string>();
        var pending = new Stack<string>([folder]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            found.AddRange(Directory.EnumerateFiles(current).Where(include));
            foreach (var sub in Directory.EnumerateDirectories(current))
            {
                var name = Path.GetFileName(sub);
                if (!SkippedFolders.Contains(name) && !name.StartsWith('.') && new DirectoryInfo(sub).LinkTarget is null)
                {
                    pending.Push(sub);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
