using System.Globalization;
using System.Text;

namespace WomRules.Formatting;

/// <summary>Writes a value as a YAML scalar: plain when YAML reads it back unchanged, else single- or double-quoted.</summary>
internal static class YamlScalars
{
    public static string Write(string text, bool flow)
    {
        if (IsPlainSafe(text, flow))
        {
            return text;
        }

        if (!text.Any(char.IsControl) && (text.Contains('"', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal)))
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
                default:
                    if (char.IsControl(c))
                    {
                        b.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
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
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Any(char.IsControl))
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
