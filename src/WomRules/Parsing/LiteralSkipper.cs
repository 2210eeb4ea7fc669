namespace WomRules.Parsing;

/// <summary>
/// For the scans that look at expression text before it is parsed (nesting depth, operators of other languages):
/// tells which characters belong to a string literal, so that what is quoted is never taken for syntax.
/// </summary>
internal static class LiteralSkipper
{
    /// <summary>
    /// True when <c>text[i]</c> opens, continues or closes a string literal (<paramref name="quote"/> is the open
    /// literal's quote, or '\0'); a backslash escape moves <paramref name="i"/> past the escaped character.
    /// </summary>
    public static bool InLiteral(string text, ref int i, ref char quote)
    {
        var c = text[i];
        if (quote != '\0')
        {
            if (c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                quote = '\0';
            }

            return true;
        }

        if (c is '"' or '\'')
        {
            quote = c;
            return true;
        }

        return false;
    }
}
