using WomRules.Text;
using YamlDotNet.Core;

namespace WomRules.Parsing;

/// <summary>Works out where each character of a scalar's value sits in the file, for positions inside expressions.</summary>
internal static class ScalarOffsets
{
    public static ScalarOffsetMap For(YamlScalar scalar, SourceText source)
    {
        var text = source.Text;
        var span = scalar.Span;
        var value = scalar.Value;
        var raw = text.AsSpan(span.Start, Math.Min(span.Length, text.Length - span.Start));

        // The common cases: the value appears verbatim (plain), or verbatim between its quotes.
        if (scalar.Style == ScalarStyle.Plain && raw.SequenceEqual(value))
        {
            return ScalarOffsetMap.Verbatim(span.Start);
        }

        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted && raw.Length >= 2 && raw[1..^1].SequenceEqual(value))
        {
            return ScalarOffsetMap.Verbatim(span.Start + 1);
        }

        return ScalarOffsetMap.FromOffsets(Align(value, text, span, scalar.Style));
    }

    /// <summary>
    /// Greedy alignment of the value against the raw text: each value character is matched to the next equal raw
    /// character (a whitespace character to any whitespace, for line folding). Block scalars start after their header line.
    /// </summary>
    private static int[] Align(string value, string text, TextSpan span, ScalarStyle style)
    {
        var offsets = new int[value.Length + 1];
        var position = span.Start;
        var end = Math.Min(span.End, text.Length);
        if (style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            var newline = text.IndexOf('\n', position, end - position);
            position = newline < 0 ? position : newline + 1;
        }
        else if (style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            position++;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var found = -1;
            for (var p = position; p < end; p++)
            {
                if (text[p] == c || (char.IsWhiteSpace(c) && char.IsWhiteSpace(text[p])))
                {
                    found = p;
                    break;
                }
            }

            if (found < 0)
            {
                // Unmatched (an escape that decodes to another character): stay just after the last match.
                found = Math.Min(position, Math.Max(span.Start, end - 1));
            }
            else
            {
                position = found + 1;
            }

            offsets[i] = found;
        }

        offsets[value.Length] = value.Length == 0 ? span.Start : offsets[value.Length - 1] + 1;
        return offsets;
    }
}
