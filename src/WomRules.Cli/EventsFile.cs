using System.Text;

namespace WomRules.Cli;

/// <summary>
/// Reads an events file line by line for <c>womrules run</c> and <c>womrules test</c>, so both read it alike. A UTF-8
/// file (the usual case; a leading byte order mark is skipped) is read as bytes, each line handed over where it lies;
/// a file that starts with a UTF-16 or UTF-32 byte order mark is decoded as text, as events files always were. Blank
/// lines are skipped; a line past the limit (in characters) is reported, never held.
/// </summary>
internal static class EventsFile
{
    /// <summary>What is done with the lines of an events file.</summary>
    public interface ISink
    {
        /// <summary>A line of a UTF-8 file, without its line end; not necessarily valid UTF-8.</summary>
        void Line(ReadOnlySpan<byte> utf8Line);

        /// <summary>A line of a file decoded as text.</summary>
        void Line(string line);

        /// <summary>A line past the limit, <paramref name="length"/> characters long.</summary>
        void TooLong(long length);
    }

    public static void Read(string path, int maxLength, ISink sink)
    {
        using var events = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        Read(events, maxLength, sink);
    }

    /// <summary>Reads events from a stream, such as standard input (a pipe, read as UTF-8).</summary>
    public static void Read(Stream events, int maxLength, ISink sink)
    {
        if (IsUtf8(events))
        {
            var reader = new Utf8LineReader(events, maxLength);
            while (reader.ReadLine(out var line))
            {
                if (line.TooLong)
                {
                    sink.TooLong(line.Length);
                }
                else if (!Utf8LineReader.IsBlank(line.Text))
                {
                    sink.Line(line.Text);
                }
            }
        }
        else
        {
            using var text = new StreamReader(events, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            var reader = new BoundedLineReader(text, maxLength);
            while (reader.ReadLine() is { } line)
            {
                if (line.TooLong)
                {
                    sink.TooLong(line.Length);
                }
                else if (!string.IsNullOrWhiteSpace(line.Text))
                {
                    sink.Line(line.Text);
                }
            }
        }
    }

    // Only a file that can seek back is checked for another encoding's mark: a pipe is read as UTF-8.
    private static bool IsUtf8(Stream events)
    {
        if (!events.CanSeek)
        {
            return true;
        }

        Span<byte> mark = stackalloc byte[4];
        var read = events.ReadAtLeast(mark, mark.Length, throwOnEndOfStream: false);
        events.Position = 0;
        return !Utf8LineReader.StartsWithOtherEncodingMark(mark[..read]);
    }
}
