using System.Text;

namespace WomRules.Text;

/// <summary>
/// The one escaping of user text (names, keys, values, event fields, file paths) put into a diagnostic, a rejection
/// reason or a CLI message, so that no input can print a fake line, move the cursor, clear the terminal or reorder
/// what a reader sees. Escapes are C-style: <c>\n</c>, <c>\r</c>, <c>\t</c> and <c>\u001b</c> (a character outside the
/// BMP is two <c>\u</c> escapes, as in JSON). A backslash is doubled only where it would otherwise read as the start of
/// one of these escapes, so a pattern such as <c>\d+</c> reads as written and the escaping can still be undone exactly.
/// </summary>
internal static class MessageText
{
    public static string Escape(string? text) => Escape(text, exact: true);

    /// <summary>
    /// A file path, escaped the same way except that backslashes are kept as they are, so that a Windows path such as
    /// <c>C:\temp\new.yaml</c> reads as written (and tools that parse <c>path(line,col)</c> still find the file).
    /// </summary>
    public static string EscapePath(string? path) => Escape(path, exact: false);

    private static string Escape(string? text, bool exact)
    {
        if (string.IsNullOrEmpty(text) || !NeedsEscape(text, exact))
        {
            return text ?? "";
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                builder.Append(exact && i + 1 < text.Length && StartsEscape(text, i + 1) ? "\\\\" : "\\");
                continue;
            }

            var width = Width(text, i);
            if (!Hidden(text, i, width))
            {
                builder.Append(text, i, width);
            }
            else
            {
                for (var k = i; k < i + width; k++)
                {
                    _ = text[k] switch
                    {
                        '\n' => builder.Append("\\n"),
                        '\r' => builder.Append("\\r"),
                        '\t' => builder.Append("\\t"),
                        var unit => builder.AppendUnicodeEscape(unit),
                    };
                }
            }

            i += width - 1;
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string text, bool exact)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and < '\u007F' && c != '\\')
            {
                continue;
            }

            var width = Width(text, i);
            if (c == '\\' ? exact && i + 1 < text.Length && StartsEscape(text, i + 1) : Hidden(text, i, width))
            {
                return true;
            }

            i += width - 1;
        }

        return false;
    }

    /// <summary>Whether the character at <paramref name="i"/> is printed as, or starts, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\u</c>.</summary>
    private static bool StartsEscape(string text, int i) =>
        text[i] is '\\' or 'n' or 'r' or 't' or 'u' || Hidden(text, i, Width(text, i));

    private static int Width(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static bool Hidden(string text, int i, int width) =>
        TextHazards.IsHiddenInMessage(width == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i]);
}
