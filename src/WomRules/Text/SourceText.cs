namespace WomRules.Text;

/// <summary>The text of one campaign file, with a line map for turning offsets into lines and columns.</summary>
internal sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string text, string? path = null)
    {
        Text = text;
        Path = path;
        lineStarts = ComputeLineStarts(text);
    }

    public string Text { get; }

    public string? Path { get; }

    public int Length => Text.Length;

    public int LineCount => lineStarts.Length;

    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line, offset - lineStarts[line]);
    }

    /// <summary>The offset of a 0-based line and character, clamped to the text.</summary>
    public int GetOffset(int line, int character)
    {
        if (line < 0)
        {
            return 0;
        }

        if (line >= lineStarts.Length)
        {
            return Text.Length;
        }

        return Math.Min(lineStarts[line] + Math.Max(0, character), Text.Length);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
