using System.Globalization;
using System.Text;

namespace WomRules.Runtime;

/// <summary>
/// A place in a state file, as a JSON path (<c>$.participants.u-1.points</c>, <c>$.seen_events[3]</c>,
/// <c>$.participants["a.b"]</c>), for messages. A name that is not plain is quoted with its control characters and line
/// breaks escaped, so a hostile id cannot forge a line of output.
/// </summary>
internal sealed class StateFilePath
{
    public static readonly StateFilePath Root = new(null, null, -1);

    private StateFilePath(StateFilePath? parent, string? name, int index)
    {
        Parent = parent;
        Name = name;
        Index = index;
    }

    public StateFilePath? Parent { get; }

    /// <summary>The member name, or null for an array item (or the root).</summary>
    public string? Name { get; }

    /// <summary>The array index, or -1 for a member (or the root).</summary>
    public int Index { get; }

    public StateFilePath Member(string name) => new(this, name, -1);

    public StateFilePath Item(int index) => new(this, null, index);

    /// <summary>The segments from the root down.</summary>
    public List<StateFilePath> Segments()
    {
        var segments = new List<StateFilePath>();
        for (var p = this; p.Parent is not null; p = p.Parent)
        {
            segments.Add(p);
        }

        segments.Reverse();
        return segments;
    }

    public override string ToString()
    {
        var text = new StringBuilder("$");
        foreach (var segment in Segments())
        {
            if (segment.Name is null)
            {
                text.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (segment.Name.Length > 0 && segment.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                text.Append('.').Append(segment.Name);
            }
            else
            {
                text.Append("[\"");
                AppendEscaped(text, segment.Name, quotes: true);
                text.Append("\"]");
            }
        }

        return text.ToString();
    }

    /// <summary>The text with what a terminal or a log reader would act on escaped as <c>\uXXXX</c>.</summary>
    public static string Escape(string text) => AppendEscaped(new StringBuilder(), text, quotes: false).ToString();

    /// <summary>Escapes C0 and C1 controls, line and paragraph separators, bidi controls and surrogates (and, in a quoted name, quotes and backslashes).</summary>
    private static StringBuilder AppendEscaped(StringBuilder text, string name, bool quotes)
    {
        foreach (var c in name)
        {
            if (quotes && c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < ' ' || c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' || char.IsSurrogate(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text;
    }
}
