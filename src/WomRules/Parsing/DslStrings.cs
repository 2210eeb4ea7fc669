using System.Globalization;
using System.Text;
using WomRules.Text;

namespace WomRules.Parsing;

/// <summary>Quoting and unquoting of DSL strings: <c>"…"</c> or <c>'…'</c> on one line, with the escapes of expression strings plus <c>\r</c> and <c>\uXXXX</c>.</summary>
internal static class DslStrings
{
    /// <summary>
    /// Decodes <c>\\</c>, <c>\"</c>, <c>\'</c>, <c>\n</c>, <c>\t</c>, <c>\r</c> and <c>\uXXXX</c> (not half a surrogate pair);
    /// any other backslash is kept as written. <c>\u</c> is how a string holds what a file may not hold raw (U+2028, a bidi control, …).
    /// </summary>
    public static string Unquote(string quoted)
    {
        var body = quoted[1..^1];
        if (!body.Contains('\\', StringComparison.Ordinal))
        {
            return body;
        }

        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 >= body.Length)
            {
                builder.Append(body[i]);
                continue;
            }

            var next = body[++i];
            if (next == 'u' && TryHex(body, i + 1, out var code))
            {
                builder.Append(code);
                i += 4;
                continue;
            }

            builder.Append(next switch
            {
                'n' => "\n",
                't' => "\t",
                'r' => "\r",
                '\\' or '"' or '\'' => next.ToString(),
                _ => "\\" + next,
            });
        }

        return builder.ToString();
    }

    /// <summary>The text in double quotes, escaped so that <see cref="Unquote"/> gives it back exactly.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when TextHazards.MustEscapeInOutput(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Four hex digits at <paramref name="at"/> naming a character that is not half a surrogate pair.</summary>
    private static bool TryHex(string text, int at, out char value)
    {
        value = '\0';
        if (at + 4 > text.Length || !ushort.TryParse(text.AsSpan(at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || char.IsSurrogate((char)code))
        {
            return false;
        }

        value = (char)code;
        return true;
    }
}
