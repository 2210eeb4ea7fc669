using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace WomRules.Runtime;

/// <summary>
/// <c>discloses</c> for a marker list known at compile time, in two vectorized passes instead of one search per
/// marker. Hashtag-like markers (an ASCII symbol such as '#' first, which nothing else folds to) are found by
/// searching for the rare symbol and comparing at each hit; markers that begin with a letter by searching for
/// their first letters (in every form that folds to them) and comparing only at word starts, where they can match.
/// Markers holding surrogates fold as pairs and are found one by one, as in <see cref="BuiltIns.Discloses"/>. A match
/// that a negation comes right before does not count (spec v1.1 §9, <see cref="DisclosureNegation"/>), asked only at
/// matches, so texts without markers cost nothing more. The answers are the same as <see cref="BuiltIns.Discloses"/>, which the
/// reference evaluator keeps using, so the agreement tests check one against the other.
/// </summary>
internal sealed class DisclosureMatcher
{
    private static readonly ConcurrentDictionary<char, string> FoldedForms = new();

    private readonly Marker[] symbolMarkers;
    private readonly Marker[] wordMarkers;
    private readonly Marker[] otherMarkers;
    private readonly SearchValues<char> symbols;
    private readonly SearchValues<char> wordStarts;
    private readonly bool anyWordMarkerWithoutStartBoundary;

    public DisclosureMatcher(IReadOnlyList<string> markerList)
    {
        var markers = markerList
            .Where(m => m.Length > 0)
            .Select(m => new Marker(m, !BuiltIns.IsCjk(m[0]), !BuiltIns.IsCjk(m[^1]), char.IsSurrogate(m[0]) ? "" : FoldedForms.GetOrAdd(m[0], FoldedFormsOf)))
            .ToArray();

        // A symbol such as '#' that nothing else folds to is rare in text: one search finds every hashtag marker.
        symbolMarkers = [.. markers.Where(m => m.FirstForms.Length == 1 && char.IsAscii(m.Text[0]) && !char.IsAsciiLetterOrDigit(m.Text[0]))];

        // Markers that start with a letter mostly need a word start: search for their first letters, skip mid-word hits.
        // Markers with surrogates fold as pairs: leave them to the framework's search.
        wordMarkers = [.. markers.Except(symbolMarkers).Where(m => !m.Text.Any(char.IsSurrogate))];
        otherMarkers = [.. markers.Except(symbolMarkers).Except(wordMarkers)];
        symbols = SearchValues.Create([.. symbolMarkers.Select(m => m.Text[0]).Distinct()]);
        wordStarts = SearchValues.Create([.. wordMarkers.SelectMany(m => m.FirstForms).Distinct()]);
        anyWordMarkerWithoutStartBoundary = wordMarkers.Any(m => !m.NeedsStartBoundary);
    }

    private static readonly ConditionalWeakTable<string[], DisclosureMatcher> Built = new();

    /// <summary>The matcher for the default markers.</summary>
    public static DisclosureMatcher Default { get; } = new(BuiltIns.DefaultMarkers);

    /// <summary>
    /// The matcher of a bound marker list. One list (the defaults, or a campaign's changed defaults, spec v1.1 §9)
    /// is shared by every discloses(text) of a campaign, so they share one matcher, dropped with the campaign.
    /// </summary>
    public static DisclosureMatcher For(string[] markers) =>
        ReferenceEquals(markers, BuiltIns.DefaultMarkers) ? Default : Built.GetValue(markers, m => new DisclosureMatcher(m));

    public bool Discloses(string text, long within)
    {
        if (symbolMarkers.Length > 0 && FindSymbolMarker(text, within))
        {
            return true;
        }

        if (wordMarkers.Length > 0 && FindWordMarker(text, within))
        {
            return true;
        }

        foreach (var marker in otherMarkers)
        {
            if (Find(text, marker, within))
            {
                return true;
            }
        }

        return false;
    }

    private bool FindSymbolMarker(string text, long within)
    {
        var negation = new DisclosureNegation.Scan(text);
        var limit = (int)Math.Min(within, text.Length);
        var from = 0;
        while (from < limit)
        {
            var found = text.AsSpan(from, limit - from).IndexOfAny(symbols);
            if (found < 0)
            {
                return false;
            }

            var index = from + found;
            foreach (var marker in symbolMarkers)
            {
                if (marker.Text.Length <= text.Length - index
                    && text.AsSpan(index, marker.Text.Length).Equals(marker.Text, StringComparison.OrdinalIgnoreCase)
                    && Bounded(text, index, marker))
                {
                    // Negation depends only on where a marker begins: a negated one here rules out every marker here.
                    if (negation.IsNegated(index))
                    {
                        break;
                    }

                    return true;
                }
            }

            from = index + 1;
        }

        return false;
    }

    private bool FindWordMarker(string text, long within)
    {
        var negation = new DisclosureNegation.Scan(text);
        var limit = (int)Math.Min(within, text.Length);
        var from = 0;
        while (from < limit)
        {
            var found = text.AsSpan(from, limit - from).IndexOfAny(wordStarts);
            if (found < 0)
            {
                return false;
            }

            var index = from + found;
            from = index + 1;
            var atWordStart = index == 0 || !BuiltIns.IsWordCharacter(text[index - 1]);
            if (!atWordStart && !anyWordMarkerWithoutStartBoundary)
            {
                continue;
            }

            var first = text[index];
            foreach (var marker in wordMarkers)
            {
                if ((atWordStart || !marker.NeedsStartBoundary)
                    && marker.FirstForms.Contains(first, StringComparison.Ordinal)
                    && marker.Text.Length <= text.Length - index
                    && text.AsSpan(index, marker.Text.Length).Equals(marker.Text, StringComparison.OrdinalIgnoreCase)
                    && Bounded(text, index, marker))
                {
                    if (negation.IsNegated(index))
                    {
                        break;
                    }

                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>One marker, the way <see cref="BuiltIns.Discloses"/> looks for it, negation included.</summary>
    private static bool Find(string text, Marker marker, long within)
    {
        var negation = new DisclosureNegation.Scan(text);
        var from = 0;
        while (from <= text.Length - marker.Text.Length)
        {
            var found = text.AsSpan(from).IndexOf(marker.Text.AsSpan(), StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var index = from + found;
            if (index >= within)
            {
                return false;
            }

            if (Bounded(text, index, marker) && !negation.IsNegated(index))
            {
                return true;
            }

            from = index + 1;
        }

        return false;
    }

    private static bool Bounded(string text, int index, Marker marker)
    {
        var end = index + marker.Text.Length;
        return (!marker.NeedsStartBoundary || index == 0 || !BuiltIns.IsWordCharacter(text[index - 1]))
            && (!marker.NeedsEndBoundary || end == text.Length || !BuiltIns.IsWordCharacter(text[end]));
    }

    /// <summary>Every non-surrogate character equal to <paramref name="c"/> under ordinal ignore-case (found by asking, once per character).</summary>
    private static string FoldedFormsOf(char c)
    {
        var forms = new System.Text.StringBuilder();
        ReadOnlySpan<char> target = [c];
        Span<char> candidate = stackalloc char[1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            candidate[0] = (char)i;
            if (!char.IsSurrogate(candidate[0]) && candidate.Equals(target, StringComparison.OrdinalIgnoreCase))
            {
                forms.Append(candidate[0]);
            }
        }

        return forms.ToString();
    }

    /// <summary>A marker, with every character its first character equals under ordinal ignore-case.</summary>
    private readonly record struct Marker(string Text, bool NeedsStartBoundary, bool NeedsEndBoundary, string FirstForms);
}
