using WomRules.Syntax;
using WomRules.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace WomRules.Formatting;

/// <summary>The <c>#</c> comments of a YAML file, found by YamlDotNet's scanner (which knows where a '#' is inside a quoted value).</summary>
internal static class YamlComments
{
    public static IEnumerable<SyntaxComment> Read(SourceText source)
    {
        var text = source.Text;
        var result = new List<SyntaxComment>();
        try
        {
            var scanner = new Scanner(new StringReader(text), skipComments: false);
            while (scanner.MoveNext())
            {
                if (scanner.Current is not Comment comment)
                {
                    continue;
                }

                var offset = (int)Math.Clamp(comment.Start.Index, 0, text.Length);
                offset = text.IndexOf('#', offset);
                if (offset < 0)
                {
                    continue;
                }

                var end = text.IndexOfAny(['\n', '\r'], offset);
                var lineStart = text.LastIndexOfAny(['\n', '\r'], Math.Max(0, offset - 1)) + 1;
                var trailing = !string.IsNullOrWhiteSpace(text[lineStart..offset]);
                result.Add(new SyntaxComment(offset, text[(offset + 1)..(end < 0 ? text.Length : end)].TrimEnd(), trailing, !trailing && offset == lineStart && NextLineIsTopLevel(text, end)));
            }
        }
        catch (YamlException)
        {
            // Only reached for a file that already parsed; keep the comments found so far.
        }

        return result;
    }

    /// <summary>Whether the next line that is neither blank nor a comment starts at column 1 (a top-level key).</summary>
    private static bool NextLineIsTopLevel(string text, int from)
    {
        var i = from;
        while (i >= 0 && i < text.Length)
        {
            while (i < text.Length && text[i] is '\n' or '\r')
            {
                i++;
            }

            if (i >= text.Length)
            {
                return false;
            }

            var end = text.IndexOfAny(['\n', '\r'], i);
            var line = text[i..(end < 0 ? text.Length : end)];
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '#')
            {
                return true;
            }

            if (!string.IsNullOrWhiteSpace(line) && line.TrimStart()[0] != '#')
            {
                return false;
            }

            i = end;
        }

        return false;
    }
}
