namespace WomRules.Parsing;

/// <summary>
/// Operators that people bring from spreadsheets, SQL or C# (<c>=&gt;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, a lone <c>=</c>),
/// none of which the campaign language has (spec §3). Found before parsing, outside string literals, so the message
/// names the operator to write instead of "unexpected '&amp;'".
/// </summary>
internal static class ForeignOperators
{
    /// <summary>The first foreign operator outside string literals: where it starts, how long it is, and what to write instead.</summary>
    public static (int At, int Length, string Advice)? Find(string text)
    {
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            if (LiteralSkipper.InLiteral(text, ref i, ref quote))
            {
                continue;
            }

            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '<' or '>' when next == '=':
                    i++;
                    break;
                case '!' when next == '=':
                    i++;
                    break;
                case '=' when next == '=':
                    i++;
                    break;
                case '=' when next == '>':
                    return (i, 2, "'=>' is not an operator; write '>=' (at least)");
                case '=' when next == '<':
                    return (i, 2, "'=<' is not an operator; write '<=' (at most)");
                case '=':
                    return (i, 1, "'=' does not compare; write '==' (equal to)");
                case '!':
                    return (i, 1, "'!' is not an operator; write 'not' (or '!=' for not equal to)");
                case '&':
                    return next == '&' ? (i, 2, "'&&' is not an operator; write 'and'") : (i, 1, "'&' is not an operator; write 'and'");
                case '|':
                    return next == '|' ? (i, 2, "'||' is not an operator; write 'or'") : (i, 1, "'|' is not an operator; write 'or'");
            }
        }

        return null;
    }
}
