using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Formatting;

/// <summary>
/// Attaches comments to the declarations the writers print, one per line ("anchors"): a comment on its own line goes
/// before the next anchor; a comment after code stays at the end of the line of the anchor that starts there.
/// Comments after the last anchor end the file. Taking a node's comments removes them, so each prints once.
/// </summary>
internal sealed class CommentMap
{
    private readonly Dictionary<SyntaxNode, List<string>> leading = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SyntaxNode, List<string>> beforeKey = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SyntaxNode, List<string>> trailing = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> end = [];

    public static CommentMap Build(CampaignSyntax campaign, SourceText source, IEnumerable<SyntaxComment> comments)
    {
        var map = new CommentMap();
        var anchors = Anchors(campaign).Where(a => a is not null).Select(a => a!).OrderBy(a => a.Span.Start).ToList();
        var starts = anchors.Select(a => a.Span.Start).ToArray();
        foreach (var comment in comments.OrderBy(c => c.Offset))
        {
            var text = "#" + TextHazards.EscapeInComment(comment.Text);
            var next = LowerBound(starts, comment.Offset);
            if (comment.Trailing && next > 0)
            {
                var before = anchors[next - 1];
                if (source.GetLinePosition(before.Span.Start).Line == source.GetLinePosition(comment.Offset).Line)
                {
                    Add(map.trailing, before, text);
                    continue;
                }
            }

            if (next < anchors.Count)
            {
                Add(comment.BeforeKey ? map.beforeKey : map.leading, anchors[next], text);
            }
            else
            {
                map.end.Add(text);
            }
        }

        return map;
    }

    /// <summary>The nodes that begin a printed line, in both forms.</summary>
    public static IEnumerable<SyntaxNode?> Anchors(CampaignSyntax c)
    {
        yield return c.Version;
        yield return c.Id;
        yield return c.Description;
        yield return c.Active;
        yield return c.Ids;
        yield return c.ReversibleFor;
        yield return c.AcceptLate;
        yield return c.TiersPolicy;
        yield return c.Expiry;
        yield return c.Markers;
        foreach (var e in c.Events)
        {
            yield return e.Name;
            foreach (var a in e.Attributes)
            {
                yield return a;
            }
        }

        foreach (var a in c.Participant)
        {
            yield return a;
        }

        yield return c.Counters.FirstOrDefault();
        foreach (var l in c.Lists)
        {
            yield return l.Name;
        }

        foreach (var t in c.Tiers)
        {
            yield return t.Name;
            yield return t.When;
            yield return t.Privileges.FirstOrDefault();
        }

        yield return c.Budget;
        foreach (var cap in c.Caps)
        {
            yield return cap.Name;
        }

        foreach (var d in c.Disclosures)
        {
            yield return d.Name;
            yield return d.On.FirstOrDefault();
            yield return d.Applies;
            yield return d.Require;
            yield return d.Action;
            yield return d.Message;
        }

        foreach (var r in c.Rules)
        {
            yield return r.Name;
            yield return r.On;
            yield return r.Language;
            yield return r.Priority;
            yield return r.Stop;
            yield return r.When;
            foreach (var reward in r.Rewards)
            {
                yield return reward;
            }

            yield return r.Limit;
        }
    }

    /// <summary>A node's comments that go above its line; with <paramref name="aboveKeyOnly"/>, only those written above a section's key.</summary>
    public IReadOnlyList<string> TakeLeading(SyntaxNode? node, bool aboveKeyOnly = false) =>
        aboveKeyOnly ? Take(beforeKey, node) : [.. Take(beforeKey, node), .. Take(leading, node)];

    public IReadOnlyList<string> TakeTrailing(SyntaxNode? node) => Take(trailing, node);

    public IReadOnlyList<string> TakeEnd()
    {
        var result = end.ToList();
        end.Clear();
        return result;
    }

    private static List<string> Take(Dictionary<SyntaxNode, List<string>> from, SyntaxNode? node)
    {
        if (node is null || !from.Remove(node, out var list))
        {
            return [];
        }

        return list;
    }

    private static void Add(Dictionary<SyntaxNode, List<string>> to, SyntaxNode node, string text)
    {
        if (!to.TryGetValue(node, out var list))
        {
            to[node] = list = [];
        }

        list.Add(text);
    }

    private static int LowerBound(int[] sorted, int value)
    {
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
