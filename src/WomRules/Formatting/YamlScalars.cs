using System.Globalization;
using System.Text;
using WomRules.Text;

namespace WomRules.Formatting;

/// <summary>
/// Writes a value as a YAML scalar: plain when YAML reads it back unchanged, else single- or double-quoted. A value
/// holding a control character, a line or paragraph separator, a bidi control or a BOM is always double-quoted, with
/// each of them escaped (<c>\N</c>, <c>\L</c>, <c>\P</c>, <c>\xNN</c>, <c>\uNNNN</c>), so no value prints raw what a reader could take for a break.
/// </summary>
internal static class YamlScalars
{
    public static string Write(string text, bool flow)
    {
        if (IsPlainSafe(text, flow))
        {
            return text;
        }

        if (!text.Any(TextHazards.MustEscapeInOutput) && (text.Contains('"', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal)))
        {
            return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        var b = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\t': b.Append("\\t"); break;
                case '\r': b.Append("\\r"); break;

                // YAML 1.2 reads only \n and \r as breaks, but YamlDotNet (like YAML 1.1) also breaks lines at these three:
                // raw, each would end the scalar, and a DSL string or comment could become a live key.
                case '\u0085': b.Append("\\N"); break;
                case '\u2028': b.Append("\\L"); break;
                case '\u2029': b.Append("\\P"); break;
                default:
                    if (TextHazards.MustEscapeInOutput(c))
                    {
                        b.Append(c <= '\u00FF' ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        return b.Append('"').ToString();
    }

    private static bool IsPlainSafe(string text, bool flow)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Any(TextHazards.MustEscapeInOutput))
        {
            return false;
        }

        var first = text[0];
        if ("?:,[]{}#&*!|>'\"%@`".Contains(first, StringComparison.Ordinal))
        {
            return false;
        }

        if (first == '-' && (text.Length == 1 || !char.IsLetterOrDigit(text[1])))
        {
            return false;
        }

        if (text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':'))
        {
            return false;
        }

        return !flow || text.IndexOfAny([',', '[', ']', '{', '}']) < 0;
    }
}
