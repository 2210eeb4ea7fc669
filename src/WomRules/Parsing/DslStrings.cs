using System.Text;

namespace WomRules.Parsing;

/// <summary>Quoting and unquoting of DSL strings: <c>"…"</c> or <c>'…'</c> on one line, with the same escapes as expression strings.</summary>
internal static class DslStrings
{
    /// <summary>Decodes <c>\\</c>, <c>\"</c>, <c>\'</c>, <c>\n</c>, <c>\t</c>; any other backslash is kept as written.</summary>
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
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
