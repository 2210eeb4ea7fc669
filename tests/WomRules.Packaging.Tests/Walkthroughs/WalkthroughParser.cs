using System.Text.RegularExpressions;

namespace WomRules.Packaging.Tests.Walkthroughs;

/// <summary>
/// Finds the walkthroughs of a markdown page: each fenced block whose preceding line (blank lines aside) is a marker
/// <c>&lt;!-- walkthrough: NAME, KIND --&gt;</c>, KIND being shell, file PATH, run, output or request. A marker the
/// runner cannot follow is an error naming its line, never a block silently skipped.
/// </summary>
public static partial class WalkthroughParser
{
    private static readonly string[] ShellLanguages = ["sh", "bash", "shell"];

    public static IReadOnlyList<Walkthrough> Parse(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<WalkthroughBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!AnyMarker().IsMatch(lines[i]))
            {
                // An unmarked fenced block is skipped whole: a marker shown inside it is an example, not a marker.
                var unmarked = Fence().Match(lines[i]);
                if (unmarked.Success)
                {
                    i = ReadFenced(lines, i, unmarked).End;
                }

                continue;
            }

            var markerLine = i + 1;
            var marker = Marker().Match(lines[i]);
            if (!marker.Success)
            {
                throw new WalkthroughFormatException($"line {markerLine}: a walkthrough marker reads '<!-- walkthrough: NAME, KIND -->' (KIND: shell, file PATH, run, output, request), not '{lines[i].Trim()}'");
            }

            var kind = ParseKind(marker.Groups["kind"].Value, markerLine);
            var path = marker.Groups["path"].Success ? marker.Groups["path"].Value : null;
            CheckPath(kind, path, markerLine);

            i++;
            while (i < lines.Length && lines[i].Trim().Length == 0)
            {
                i++;
            }

            var fence = i < lines.Length ? Fence().Match(lines[i]) : Match.Empty;
            if (!fence.Success)
            {
                throw new WalkthroughFormatException($"line {markerLine}: the walkthrough marker must be followed by a fenced code block");
            }

            var language = fence.Groups["info"].Value.Trim().Split(' ', 2)[0];
            if (kind is WalkthroughBlockKind.Shell or WalkthroughBlockKind.Run or WalkthroughBlockKind.Request && !ShellLanguages.Contains(language))
            {
                throw new WalkthroughFormatException($"line {i + 1}: a '{kind.ToString().ToLowerInvariant()}' block is a ```sh block, not ```{language}");
            }

            var (content, end) = ReadFenced(lines, i, fence);
            blocks.Add(new WalkthroughBlock(marker.Groups["name"].Value, kind, path, content, markerLine));
            i = end;
        }

        return blocks.GroupBy(b => b.Walkthrough, StringComparer.Ordinal).Select(g => new Walkthrough(g.Key, g.ToList())).ToList();
    }

    private static WalkthroughBlockKind ParseKind(string kind, int line) => kind switch
    {
        "shell" => WalkthroughBlockKind.Shell,
        "file" => WalkthroughBlockKind.File,
        "run" => WalkthroughBlockKind.Run,
        "output" => WalkthroughBlockKind.Output,
        "request" => WalkthroughBlockKind.Request,
        _ => throw new WalkthroughFormatException($"line {line}: unknown walkthrough block kind '{kind}' (shell, file, run, output, request)"),
    };

    /// <summary>A file block names a relative path that stays inside the walkthrough's folder; no other kind takes one.</summary>
    private static void CheckPath(WalkthroughBlockKind kind, string? path, int line)
    {
        if (kind != WalkthroughBlockKind.File)
        {
            if (path is not null)
            {
                throw new WalkthroughFormatException($"line {line}: only a 'file' block names a path");
            }

            return;
        }

        if (path is null)
        {
            throw new WalkthroughFormatException($"line {line}: a 'file' block names its path: '<!-- walkthrough: NAME, file DIR/NAME.cs -->'");
        }

        if (Path.IsPathRooted(path) || path.Split('/', '\\').Any(segment => segment is ".." or ""))
        {
            throw new WalkthroughFormatException($"line {line}: the path '{path}' must be relative to the walkthrough's folder and stay inside it");
        }
    }

    /// <summary>The block's lines up to its closing fence (same character, at least as long), less the opening's indent.</summary>
    private static (string Content, int End) ReadFenced(string[] lines, int opening, Match fence)
    {
        var marks = fence.Groups["fence"].Value;
        var indent = fence.Groups["indent"].Value.Length;
        var content = new List<string>();
        for (var i = opening + 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length >= marks.Length && trimmed.All(c => c == marks[0]))
            {
                return (string.Concat(content.Select(l => l + "\n")), i);
            }

            var strip = 0;
            while (strip < indent && strip < lines[i].Length && lines[i][strip] == ' ')
            {
                strip++;
            }

            content.Add(lines[i][strip..]);
        }

        throw new WalkthroughFormatException($"line {opening + 1}: the fenced block is never closed");
    }

    [GeneratedRegex(@"^\s*<!--\s*walkthrough\b")]
    private static partial Regex AnyMarker();

    [GeneratedRegex(@"^\s*<!--\s*walkthrough\s*:\s*(?<name>[A-Za-z0-9_.-]+)\s*,\s*(?<kind>[a-z]+)(?:\s+(?<path>\S+))?\s*-->\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(?<indent> {0,3})(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();
}
