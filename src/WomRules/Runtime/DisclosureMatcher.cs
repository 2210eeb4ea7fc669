using System.Buffers;
using System.Collections.Concurrent;

namespace WomRules.Runtime;

/// <summary>
/// <c>discloses</c> for a marker list known at compile time. Hashtag-like markers (those that begin with an ASCII
/// symbol such as '#', which nothing else folds to) are found together: one vectorized search for the rare symbol,
/// then a comparison at each hit. Every other marker is found with the framework's vectorized ignore-case search,
/// as in <see cref="BuiltIns.Discloses"/>. The answers are the same as <see cref="BuiltIns.Discloses"/>, which the
/// reference evaluator keeps using, so the agreement tests check one against the other.
/// </summary>
internal sealed class DisclosureMatcher
{
    private static readonly ConcurrentDictionary<char, bool> FoldsOnlyToItself = new();

    private readonly Marker[] symbolMarkers;
    private readonly Marker[] otherMarkers;
    private readonly SearchValues<char> symbols;

    public DisclosureMatcher(IReadOnlyList<string> markerList)
    {
        var markers = markerList.Where(m => m.Length > 0).Select(m => new Marker(m, !BuiltIns.IsCjk(m[0]), !BuiltIns.IsCjk(m[^1]))).ToArray();
        symbolMarkers = [.. markers.Where(m => IsSymbol(m.Text[0]))];
        otherMarkers = [.. markers.Where(m => !IsSymbol(m.Text[0]))];
        symbols = SearchValues.Create([.. symbolMarkers.Select(m => m.Text[0]).Distinct()]);
    }

    /// <summary>The matcher for the default markers of spec §3.</summary>
    public static DisclosureMatcher Default { get; } = new(BuiltIns.DefaultMarkers);

    public bool Discloses(string text, long within)
    {
        if (symbolMarkers.Length > 0 && FindSymbolMarker(text, within))
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
                    return true;
                }
            }

            from = index + 1;
        }

        return false;
    }

    /// <summary>One marker, the way <see cref="BuiltIns.Discloses"/> looks for it.</summary>
    private static bool Find(string text, Marker marker, long within)
    {
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

            if (Bounded(text, index, marker))
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

    /// <summary>An ASCII symbol that no other character equals under ordinal ignore-case (checked once per character).</summary>
    private static bool IsSymbol(char c) =>
        char.IsAscii(c) && !char.IsAsciiLetterOrDigit(c) && FoldsOnlyToItself.GetOrAdd(c, static symbol =>
        {
            ReadOnlySpan<char> target = [symbol];
            Span<char> candidate = stackalloc char[1];
            for (var i = 0; i <= char.MaxValue; i++)
            {
                candidate[0] = (char)i;
                if (i != symbol && !char.IsSurrogate(candidate[0]) && candidate.Equals(target, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        });

    private readonly record struct Marker(string Text, bool NeedsStartBoundary, bool NeedsEndBoundary);
}
