using WomRules.Diagnostics;

namespace WomRules.Binding;

/// <summary>
/// "Did you mean": the declared name nearest to a misspelled one, by edit distance (insert, delete, substitute, or swap
/// two neighbours: optimal string alignment), ignoring case. Names further than a third of their length, at most 3
/// edits, suggest nothing, so 'karma' never becomes 'rating'. The work is bounded, since a file may be full of
/// misspellings: at most <see cref="MaxCandidates"/> candidates a call, names of at most <see cref="MaxLength"/>
/// characters, only the band of the allowed distance around the diagonal, and <see cref="MaxPerFile"/> suggestions
/// a file (the errors after that are reported without one).
/// </summary>
internal static class NameSuggestions
{
    public const int MaxCandidates = 1000;

    public const int MaxLength = 64;

    public const int MaxPerFile = 100;

    /// <summary>The candidate nearest to <paramref name="misspelled"/>, the first given on a tie; null when none is near, or it is the name itself.</summary>
    public static string? Nearest(string misspelled, IEnumerable<string> candidates)
    {
        if (misspelled.Length is 0 or > MaxLength)
        {
            return null;
        }

        var allowed = Math.Min(3, Math.Max(1, misspelled.Length / 3));
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var candidate in candidates.Take(MaxCandidates))
        {
            if (candidate.Length > MaxLength || candidate == misspelled)
            {
                continue;
            }

            var distance = Distance(misspelled, candidate, bestDistance - 1);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// " (did you mean 'x'?)" for a diagnostic that names a misspelled name, or "" when nothing is near or the file's
    /// suggestions are spent.
    /// </summary>
    public static string DidYouMean(DiagnosticBag diagnostics, string misspelled, IEnumerable<string> candidates) =>
        diagnostics.TrySpendSuggestion() && Nearest(misspelled, candidates) is { } nearest ? $" (did you mean '{nearest}'?)" : "";

    /// <summary>The case-insensitive distance between two names, or a value above <paramref name="max"/> once it is known to exceed it.</summary>
    internal static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        // Three rows of the optimal-string-alignment table (the one two back is for swaps), computed only within
        // 'max' of the diagonal: a cell further out is more than 'max' anyway, and stands as max + 1.
        var outside = max + 1;
        var previous2 = new int[b.Length + 2];
        var previous = new int[b.Length + 2];
        var current = new int[b.Length + 2];
        Array.Fill(previous2, outside);
        Array.Fill(previous, outside);
        for (var j = 0; j <= Math.Min(b.Length, max); j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var low = Math.Max(1, i - max);
            var high = Math.Min(b.Length, i + max);
            current[low - 1] = low == 1 && i <= max ? i : outside;
            current[high + 1] = outside;
            var rowMin = current[low - 1];
            for (var j = low; j <= high; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = Math.Min(value, outside);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > max)
            {
                return outside;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    private static bool Same(char x, char y) => x == y || char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
