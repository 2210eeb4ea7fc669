namespace WomRules.Runtime;

/// <summary>
/// Spec v1.1 §9: a marker does not count when a negation comes right before it, with nothing between but white space
/// and Unicode punctuation other than '#'. Negations match case-insensitively (ordinal ignore-case, as markers do) and
/// as whole words, except on a side that is a CJK character, which needs no boundary (as for markers, spec §3).
/// Whether a marker is negated depends only on where it begins, so both evaluators ask the same question here.
/// </summary>
internal static class DisclosureNegation
{
    public static readonly string[] Words = ["not", "no", "never", "non", "bukan", "tidak", "tak", "tiada", "不是", "非", "没有", "无", "並非", "并非"];

    /// <summary>Longest first, so that a prefix test stops at the first hit; with its boundary needs precomputed.</summary>
    private static readonly (string Text, bool NeedsStartBoundary, bool NeedsEndBoundary)[] Negations =
        [.. Words.OrderByDescending(w => w.Length).Select(w => (w, !BuiltIns.IsCjk(w[0]), !BuiltIns.IsCjk(w[^1])))];

    /// <summary>White space and punctuation (P*), except '#', which begins hashtags and so cannot separate.</summary>
    public static bool IsSeparator(char c) => c != '#' && (char.IsWhiteSpace(c) || char.IsPunctuation(c));

    /// <summary>True when a negation ends exactly at <paramref name="end"/> (the start of the separators before a marker, or the marker itself).</summary>
    public static bool EndsAt(string text, int end)
    {
        // After the negation comes a separator or the marker; '_' is both punctuation and a word character, and counts as a separator here.
        var endIsBoundary = end == text.Length || !char.IsLetterOrDigit(text[end]);
        foreach (var (word, needsStart, needsEnd) in Negations)
        {
            var start = end - word.Length;
            if (start < 0
                || (needsEnd && !endIsBoundary)
                || !text.AsSpan(start, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!needsStart || start == 0 || !BuiltIns.IsWordCharacter(text[start - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Asks, for the marker candidates of one text, whether each is negated. It remembers the last answer: when only
    /// separators lie between the last candidate and this one, both share their separator run and so the answer,
    /// which keeps a text of many separator-only markers linear instead of walking back over the same run each time.
    /// A struct on the caller's stack: nothing is allocated.
    /// </summary>
    public struct Scan(string text)
    {
        private int lastIndex = -1;
        private bool lastNegated;

        public bool IsNegated(int index)
        {
            var end = index;
            while (end > 0 && IsSeparator(text[end - 1]))
            {
                end--;
                if (end == lastIndex)
                {
                    lastIndex = index;
                    return lastNegated;
                }
            }

            lastIndex = index;
            lastNegated = end > 0 && EndsAt(text, end);
            return lastNegated;
        }
    }
}
