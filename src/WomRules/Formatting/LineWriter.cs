using System.Text;
using WomRules.Syntax;

namespace WomRules.Formatting;

/// <summary>Writes lines with two-space indentation, each preceded by its anchors' comments and ended by their trailing comments.</summary>
internal sealed class LineWriter(CommentMap comments)
{
    private readonly StringBuilder builder = new();
    private bool lastBlank = true;

    public void Line(int indent, string text, params SyntaxNode?[] anchors)
    {
        var pad = new string(' ', indent * 2);
        foreach (var anchor in anchors)
        {
            Comments(pad, comments.TakeLeading(anchor));
        }

        builder.Append(pad).Append(text);
        foreach (var anchor in anchors)
        {
            foreach (var trailing in comments.TakeTrailing(anchor))
            {
                builder.Append("  ").Append(trailing);
            }
        }

        builder.Append('\n');
        lastBlank = false;
    }

    /// <summary>Prints a node's leading comments now, before a header line that introduces it.</summary>
    public void LeadingOf(int indent, SyntaxNode? anchor, bool aboveKeyOnly = false) =>
        Comments(new string(' ', indent * 2), comments.TakeLeading(anchor, aboveKeyOnly));

    public void Blank()
    {
        if (!lastBlank)
        {
            builder.Append('\n');
            lastBlank = true;
        }
    }

    public override string ToString()
    {
        var end = comments.TakeEnd();
        if (end.Count > 0)
        {
            Blank();
            Comments("", end);
        }

        return builder.ToString().TrimEnd('\n') + "\n";
    }

    private void Comments(string pad, IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            builder.Append(pad).Append(line).Append('\n');
            lastBlank = false;
        }
    }
}
