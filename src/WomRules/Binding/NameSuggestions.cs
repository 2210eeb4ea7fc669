namespace WomRules.Binding;

/// <summary>
/// "Did you mean": the declared name nearest to a misspelled one, by edit distance (insert, delete, substitute, or swap
/// two neighbours: optimal string alignment), ignoring case. Names further than a third of their length, at most 3
/// edits, suggest nothing, so 'karma' never becomes 'rating'. The work per call is bounded: at most
/// <see cref="MaxCandidates"/> candidates, names of at most <see cref="MaxLength"/> characters, and a band of the
/// allowed distance around the diagonal.
/// </summary>
internal static class NameSuggestions
{
    public const int MaxCandidates = 1000;
    public const int MaxLength = 64;

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

    /// <summary>The case-insensitive distance between two names, or any value above <paramref name="max"/> once it is known to exceed it.</summary>
    internal static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        // Three rows of the optimal-string-alignment table: the one two back is needed for swaps.
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    /// <summary>" (did you mean 'x'?)" for a diagnostic that names a misspelled name, or "" when nothing is near.</summary>
    public static string DidYouMean(string misspelled, IEnumerable<string> candidates) =>
        Nearest(misspelled, candidates) is { } nearest ? $" (did you mean '{nearest}'?)" : "";

    private static bool Same(char x, char y) => x == y || char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
