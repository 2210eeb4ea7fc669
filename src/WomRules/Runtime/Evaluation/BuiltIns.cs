namespace WomRules.Runtime;

/// <summary>
/// The functions and operators of the campaign language that are not single IL instructions. The compiled delegates
/// and the reference evaluator both call these, so the two differ only in how they walk the expression.
/// None of them allocates except concatenation, lower and upper, which charge <see cref="StringLimits"/> first.
/// </summary>
internal static class BuiltIns
{
    /// <summary>
    /// The default disclosure markers: those of spec §3, then the ones spec v1.1 §9 lets the project add where a
    /// regulator or platform names them. Each is listed with its source in docs/markers.md.
    /// </summary>
    public static readonly string[] DefaultMarkers =
    [
        "#ad", "#advert", "#advertisement", "#sponsored", "#paid", "#gifted", "#affiliate", "#employee",
        "#iklan", "paid partnership", "sponsored by", "gifted by", "i work for", "广告",
        "赞助", "kemitraan berbayar",
    ];

    /// <summary>Markers regulators call ambiguous: listing one in a campaign gives a warning.</summary>
    public static readonly string[] AmbiguousMarkers = ["#sp", "#spon", "#collab", "#partner", "#ambassador", "#thanks"];

    /// <summary>
    /// True when <paramref name="text"/> holds one of the markers as a whole token, case-insensitively, beginning
    /// within the first <paramref name="within"/> characters, with no negation right before it (spec v1.1 §9).
    /// A marker side that is a CJK character needs no boundary.
    /// </summary>
    public static bool Discloses(string text, IReadOnlyList<string> markers, long within)
    {
        var negation = new DisclosureNegation.Scan(text);
        for (var m = 0; m < markers.Count; m++)
        {
            var marker = markers[m];
            if (marker.Length == 0)
            {
                continue;
            }

            var needsStartBoundary = !IsCjk(marker[0]);
            var needsEndBoundary = !IsCjk(marker[^1]);
            var from = 0;
            while (from <= text.Length - marker.Length)
            {
                var found = text.AsSpan(from).IndexOf(marker.AsSpan(), StringComparison.OrdinalIgnoreCase);
                if (found < 0)
                {
                    break;
                }

                var index = from + found;
                if (index >= within)
                {
                    break;
                }

                var end = index + marker.Length;
                var startOk = !needsStartBoundary || index == 0 || !IsWordCharacter(text[index - 1]);
                var endOk = !needsEndBoundary || end == text.Length || !IsWordCharacter(text[end]);
                if (startOk && endOk && !negation.IsNegated(index))
                {
                    return true;
                }

                from = index + 1;
            }
        }

        return false;
    }

    /// <summary>Spec v1.1 §8: whether the two participants were recorded with a common identity value (<see cref="IdentityIndex.Shares"/>).</summary>
    public static bool SharesIdentity(string a, string b, EvaluationContext context) => context.Identities?.Shares(a, b) ?? false;

    public static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>CJK ideographs, kana, hangul and CJK punctuation: scripts written without spaces between words.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u2FDF') // radicals
            or (>= '\u3000' and <= '\u303F') // CJK symbols and punctuation
            or (>= '\u3040' and <= '\u30FF') // hiragana, katakana
            or (>= '\u3100' and <= '\u31FF') // bopomofo, kanbun, katakana extensions
            or (>= '\u3400' and <= '\u4DBF') // extension A
            or (>= '\u4E00' and <= '\u9FFF') // unified ideographs
            or (>= '\uAC00' and <= '\uD7AF') // hangul syllables
            or (>= '\uF900' and <= '\uFAFF') // compatibility ideographs
            or (>= '\uFF00' and <= '\uFFEF'); // half- and full-width forms

    public static bool ListContains(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool ListContainsAny(IReadOnlyList<string> list, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (ListContains(list, values[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool StringContainsAny(string text, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (text.Contains(values[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Substring(string text, string part) => text.Contains(part, StringComparison.Ordinal);

    public static bool StartsWith(string text, string part) => text.StartsWith(part, StringComparison.Ordinal);

    public static bool EndsWith(string text, string part) => text.EndsWith(part, StringComparison.Ordinal);

    public static int CompareOrdinal(string a, string b) => string.CompareOrdinal(a, b);

    // Invariant case mapping keeps the length (one UTF-16 unit to one), so the charge is the input's length.
    public static string Lower(string text, EvaluationContext context, StringLimits limits)
    {
        limits.Charge(context, text.Length);
        return text.ToLowerInvariant();
    }

    public static string Upper(string text, EvaluationContext context, StringLimits limits)
    {
        limits.Charge(context, text.Length);
        return text.ToUpperInvariant();
    }

    public static long LenString(string text) => text.Length;

    public static long LenList(IReadOnlyList<string> list) => list.Count;

    /// <summary>Half away from zero, to int; out of the int range throws <see cref="OverflowException"/>.</summary>
    public static long RoundDecimal(decimal value) => decimal.ToInt64(Math.Round(value, MidpointRounding.AwayFromZero));

    /// <summary>Throws <see cref="OverflowException"/> for <see cref="long.MinValue"/>, like checked arithmetic.</summary>
    public static long AbsInt(long value) => Math.Abs(value);

    public static decimal AbsDecimal(decimal value) => Math.Abs(value);

    public static long MinInt(long a, long b) => Math.Min(a, b);

    public static long MaxInt(long a, long b) => Math.Max(a, b);

    public static decimal MinDecimal(decimal a, decimal b) => Math.Min(a, b);

    public static decimal MaxDecimal(decimal a, decimal b) => Math.Max(a, b);

    public static string Concat(string a, string b, EvaluationContext context, StringLimits limits)
    {
        limits.Charge(context, (long)a.Length + b.Length);
        return string.Concat(a, b);
    }
}
