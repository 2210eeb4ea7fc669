using System.Text;

namespace WomRules.Cli.Testing;

/// <summary>
/// A unified diff of two line lists (the format of <c>diff -u</c> and <c>git diff</c>), from a longest common
/// subsequence. Common ends are trimmed first; a middle too large for the quadratic table is shown replaced whole.
/// </summary>
internal static class UnifiedDiff
{
    private const int ContextLines = 3;
    private const long MaxTableCells = 4_000_000;

    private enum Op
    {
        Keep,
        Remove,
        Add,
    }

    public static string Create(IReadOnlyList<string> before, IReadOnlyList<string> after, string beforeName, string afterName)
    {
        var edits = Edits(before, after);
        var output = new StringBuilder();
        output.Append("--- ").Append(beforeName).Append('\n');
        output.Append("+++ ").Append(afterName).Append('\n');
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Op == Op.Keep)
            {
                i++;
                continue;
            }

            // A hunk: changes joined when fewer than 2 * context unchanged lines lie between them.
            var start = Math.Max(0, i - ContextLines);
            var end = i;
            while (end < edits.Count)
            {
                if (edits[end].Op != Op.Keep)
                {
                    end++;
                    continue;
                }

                var run = end;
                while (run < edits.Count && edits[run].Op == Op.Keep)
                {
                    run++;
                }

                if (run == edits.Count || run - end > 2 * ContextLines)
                {
                    end = Math.Min(edits.Count, end + ContextLines);
                    break;
                }

                end = run;
            }

            var hunk = edits.GetRange(start, end - start);
            var (oldStart, newStart) = (edits[start].Old, edits[start].New);
            var oldCount = hunk.Count(e => e.Op != Op.Add);
            var newCount = hunk.Count(e => e.Op != Op.Remove);
            output.Append($"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
            foreach (var edit in hunk)
            {
                output.Append(edit.Op switch { Op.Keep => ' ', Op.Remove => '-', _ => '+' }).Append(edit.Text).Append('\n');
            }

            i = end;
        }

        return output.ToString();
    }

    /// <summary>"start,count" with 1-based start, as diff -u writes it: an empty range names the line before it, and a count of 1 is left out.</summary>
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start},0",
        1 => $"{start + 1}",
        _ => $"{start + 1},{count}",
    };

    private readonly record struct Edit(Op Op, string Text, int Old, int New);

    private static List<Edit> Edits(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<Edit>();
        for (var k = 0; k < prefix; k++)
        {
            edits.Add(new Edit(Op.Keep, a[k], k, k));
        }

        var (n, m) = (a.Count - prefix - suffix, b.Count - prefix - suffix);
        if ((long)(n + 1) * (m + 1) > MaxTableCells)
        {
            for (var k = 0; k < n; k++)
            {
                edits.Add(new Edit(Op.Remove, a[prefix + k], prefix + k, prefix));
            }

            for (var k = 0; k < m; k++)
            {
                edits.Add(new Edit(Op.Add, b[prefix + k], prefix + n, prefix + k));
            }
        }
        else
        {
            // lcs[x, y]: length of the longest common subsequence of a's middle from x and b's middle from y.
            var lcs = new int[n + 1, m + 1];
            for (var x = n - 1; x >= 0; x--)
            {
                for (var y = m - 1; y >= 0; y--)
                {
                    lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                }
            }

            int xi = 0, yi = 0;
            while (xi < n || yi < m)
            {
                if (xi < n && yi < m && a[prefix + xi] == b[prefix + yi])
                {
                    edits.Add(new Edit(Op.Keep, a[prefix + xi], prefix + xi, prefix + yi));
                    xi++;
                    yi++;
                }
                else if (xi < n && (yi == m || lcs[xi + 1, yi] >= lcs[xi, yi + 1]))
                {
                    // Removals before additions, as diff -u shows them.
                    edits.Add(new Edit(Op.Remove, a[prefix + xi], prefix + xi, prefix + yi));
                    xi++;
                }
                else
                {
                    edits.Add(new Edit(Op.Add, b[prefix + yi], prefix + xi, prefix + yi));
                    yi++;
                }
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            edits.Add(new Edit(Op.Keep, a[a.Count - suffix + k], a.Count - suffix + k, b.Count - suffix + k));
        }

        return edits;
    }
}
