using System.Text;

namespace WomRules.Cli;

/// <summary>
/// Reads the lines of a UTF-8 events file as bytes, each handed out where it lies in the buffer. Lines end at '\n',
/// a trailing '\r' is dropped, and a UTF-8 byte order mark at the start of the file is skipped. The limit counts
/// characters, as <see cref="BoundedLineReader"/> does on decoded text: a line longer than that is skipped to its end,
/// counted but not kept, and reported as too long, so a file with one endless line cannot exhaust the host.
/// </summary>
internal sealed class Utf8LineReader(Stream stream, int maxLength)
{
    private const int ChunkLength = 1 << 16;

    // Counts the characters of long lines as a UTF-8 decoder would make them (an invalid sequence is one U+FFFD).
    private readonly Decoder counter = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private readonly char[] decoded = new char[4096];
    private byte[] buffer = new byte[ChunkLength];
    private int start;
    private int end;
    private bool atEnd;
    private bool started;

    /// <summary>A line: its bytes (without '\n' and a trailing '\r'), or, when too long, only its length in characters.</summary>
    public readonly ref struct Line(ReadOnlySpan<byte> text, long tooLongLength)
    {
        public ReadOnlySpan<byte> Text { get; } = text;

        public bool TooLong => tooLongLength >= 0;

        /// <summary>The length in characters of a too-long line, its '\r' included.</summary>
        public long Length => tooLongLength;
    }

    /// <summary>True when <paramref name="start"/>, the first bytes of a file, is a UTF-16 or UTF-32 byte order mark.</summary>
    public static bool StartsWithOtherEncodingMark(ReadOnlySpan<byte> start) =>
        start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]);

    /// <summary>
    /// Whether a line is empty or all white space (as <see cref="string.IsNullOrWhiteSpace"/> says of its text); such
    /// lines are skipped.
    /// </summary>
    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is (byte)' ' or (>= (byte)'\t' and <= (byte)'\r'))
            {
                continue;
            }

            // Beyond ASCII, white space such as U+00A0 or U+3000 needs decoding; such lines are rare.
            return b >= 0x80 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
        }

        return true;
    }

    /// <summary>Reads the next line; false at the end of the stream. The line's bytes stay valid until the next call.</summary>
    public bool ReadLine(out Line line)
    {
        if (!started)
        {
            started = true;
            while (end < 3 && Fill())
            {
            }

            if (buffer.AsSpan(0, end).StartsWith("\uFEFF"u8))
            {
                start = 3;
            }
        }

        counter.Reset();
        var scan = start;
        var counted = start; // bytes of the line before this have had their characters counted
        long characters = 0;
        var tooLong = false;
        while (true)
        {
            var newline = buffer.AsSpan(scan, end - scan).IndexOf((byte)'\n');
            if (newline >= 0 || atEnd)
            {
                var lineEnd = newline >= 0 ? scan + newline : end;
                if (!tooLong && newline < 0 && start == end)
                {
                    line = default;
                    return false;
                }

                var text = buffer.AsSpan(start, lineEnd - start);
                start = newline >= 0 ? lineEnd + 1 : end;

                // The '\r' still counts here, as it did when lines were read as text.
                if (tooLong || text.Length > maxLength)
                {
                    characters += Count(buffer.AsSpan(counted, lineEnd - counted), flush: true);
                    if (tooLong || characters > maxLength)
                    {
                        line = new Line([], characters);
                        return true;
                    }
                }

                line = new Line(text.EndsWith((byte)'\r') ? text[..^1] : text, -1);
                return true;
            }

            if (!tooLong && end - start > maxLength)
            {
                characters += Count(buffer.AsSpan(counted, end - counted), flush: false);
                counted = end;
                tooLong = characters > maxLength;
            }

            if (tooLong)
            {
                // Count what is left unseen, then keep nothing of the line.
                characters += Count(buffer.AsSpan(counted, end - counted), flush: false);
                start = end = counted = 0;
            }
            else if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                counted -= start;
                end -= start;
                start = 0;
            }
            else if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            scan = end;
            Fill();
        }
    }

    /// <summary>
    /// The characters <paramref name="bytes"/> decode to, the line's earlier bytes considered: the decoder keeps a
    /// sequence split between reads (<see cref="Decoder.GetCharCount(ReadOnlySpan{byte}, bool)"/> would not).
    /// </summary>
    private long Count(ReadOnlySpan<byte> bytes, bool flush)
    {
        long characters = 0;
        while (!bytes.IsEmpty || flush)
        {
            counter.Convert(bytes, decoded, flush, out var used, out var produced, out var completed);
            characters += produced;
            bytes = bytes[used..];
            if (bytes.IsEmpty && completed)
            {
                break;
            }
        }

        return characters;
    }

    /// <summary>Reads more bytes after <see cref="end"/> (the caller has made room); false at the end of the stream.</summary>
    private bool Fill()
    {
        var read = stream.Read(buffer, end, buffer.Length - end);
        end += read;
        atEnd = read == 0;
        return !atEnd;
    }
}
