namespace WomRules.Binding;

/// <summary>The declared name nearest a misspelled one, by edit distance, for a diagnostic's suggestion.</summary>
internal static class NearestName
{
    /// <summary>The nearest of <paramref name="candidates"/> within a third of the name's length (at least 2 edits), or null.</summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = Math.Max(2, name.Length / 3) + 1;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var distance = Distance(name, candidate, bestDistance);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>Case-insensitive Levenshtein distance, giving up (returning <paramref name="cutoff"/>) once it cannot be below it.</summary>
    private static int Distance(string a, string b, int cutoff)
    {
        if (Math.Abs(a.Length - b.Length) >= cutoff)
        {
            return cutoff;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (same ? 0 : 1));
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin >= cutoff)
            {
                return cutoff;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
