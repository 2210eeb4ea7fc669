using System.Text;
using WomRules.Cli;

namespace WomRules.Tests.Cli;

/// <summary>
/// The byte line reader of <c>womrules run</c>: line ends, the byte order mark, blank lines, the limit in characters,
/// and, on random files read in random chunks, the same lines as the text reader it replaced.
/// </summary>
public sealed class Utf8LineReaderTests
{
    [Fact]
    public void Crlf_and_lf_lines_with_or_without_a_final_newline()
    {
        Read("a\r\nb\r\n").Should().Equal("a", "b");
        Read("a\nb").Should().Equal("a", "b");
        Read("a\r\nb\r").Should().Equal("a", "b");
        Read("a\rb\n").Should().Equal("a\rb");
        Read("").Should().BeEmpty();
        Read("\n").Should().Equal("");
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_at_the_start_of_the_file_only()
    {
        Read("\uFEFFa\n\uFEFFb\n").Should().Equal("a", "\uFEFFb");
        Read("\uFEFF").Should().BeEmpty();
        Read("\uFEFF\n").Should().Equal("");
        Utf8LineReader.StartsWithOtherEncodingMark([0xFF, 0xFE, 0x7B, 0]).Should().BeTrue();
        Utf8LineReader.StartsWithOtherEncodingMark([0xFE, 0xFF]).Should().BeTrue();
        Utf8LineReader.StartsWithOtherEncodingMark([0, 0, 0xFE, 0xFF]).Should().BeTrue();
        Utf8LineReader.StartsWithOtherEncodingMark([0xEF, 0xBB, 0xBF, 0x7B]).Should().BeFalse();
        Utf8LineReader.StartsWithOtherEncodingMark("{\"id\""u8).Should().BeFalse();
    }

    [Fact]
    public void Empty_and_white_space_lines_are_read_and_called_blank()
    {
        Read("\n\n a \n\t\r\n\u00A0\u3000\n").Should().Equal("", "", " a ", "\t", "\u00A0\u3000");
        Utf8LineReader.IsBlank(""u8).Should().BeTrue();
        Utf8LineReader.IsBlank(" \t\v\f\r"u8).Should().BeTrue();
        Utf8LineReader.IsBlank(Encoding.UTF8.GetBytes("\u00A0 \u3000\u2028")).Should().BeTrue();
        Utf8LineReader.IsBlank(" a "u8).Should().BeFalse();
        Utf8LineReader.IsBlank(Encoding.UTF8.GetBytes("\u00A0x")).Should().BeFalse();
        Utf8LineReader.IsBlank([0x20, 0xFF]).Should().BeFalse("an invalid byte decodes to U+FFFD, which is not white space");
        Utf8LineReader.IsBlank([0x1F]).Should().BeFalse();
    }

    [Fact]
    public void A_too_long_line_in_the_middle_is_counted_skipped_and_reported()
    {
        Read("short\n" + new string('x', 25) + "\r\nnext\n", maxLength: 10).Should().Equal("short", "too long: 26", "next");
        Read(new string('x', 10) + "\n" + new string('x', 10) + "\r\n" + new string('x', 11), maxLength: 10)
            .Should().Equal(new string('x', 10), "too long: 11", "too long: 11");
        Read(new string('y', 300_000) + "\nend", maxLength: 1000, chunk: 7).Should().Equal("too long: 300000", "end");
    }

    [Fact]
    public void The_limit_counts_characters_not_bytes()
    {
        Read("ééééé\néééééé\n😀😀\n😀😀😀\n", maxLength: 5).Should().Equal("ééééé", "too long: 6", "😀😀", "too long: 6");
        Read("\uFEFF" + new string('广', 100_000) + "\n" + new string('广', 100_001), maxLength: 100_000, chunk: 4096)
            .Should().Equal(new string('广', 100_000), "too long: 100001");
    }

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_files_read_in_random_chunks_give_the_lines_the_text_reader_gave(int seed)
    {
        var random = new Random(seed);
        byte[][] pieces =
        [
            "a"u8.ToArray(), "{\"id\":1}"u8.ToArray(), " "u8.ToArray(), "\t"u8.ToArray(), "\r"u8.ToArray(), "\n"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(),
            Encoding.UTF8.GetBytes("é"), Encoding.UTF8.GetBytes("广"), Encoding.UTF8.GetBytes("😀"), Encoding.UTF8.GetBytes("\u00A0"),
            [0xFF], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF],
        ];
        for (var file = 0; file < 40; file++)
        {
            var bytes = new List<byte>();
            if (random.Next(4) == 0)
            {
                bytes.AddRange([0xEF, 0xBB, 0xBF]);
            }

            var length = random.Next(2000);
            while (bytes.Count < length)
            {
                var piece = pieces[random.Next(pieces.Length)];
                var times = random.Next(10) == 0 ? random.Next(1, 200) : 1;
                for (var i = 0; i < times; i++)
                {
                    bytes.AddRange(piece);
                }
            }

            // Not a UTF-16 or UTF-32 mark: the text reader would switch encodings (run keeps it for those files).
            if (bytes.Count >= 2 && bytes[0] is 0xFF or 0xFE)
            {
                bytes.Insert(0, (byte)'a');
            }

            var content = bytes.ToArray();
            var maxLength = random.Next(3) switch { 0 => random.Next(1, 8), 1 => random.Next(8, 120), _ => 1 << 20 };
            var chunk = random.Next(1, 5000);
            ReadBytes(content, maxLength, chunk).Should().Equal(ReadAsText(content, maxLength, chunk), "file {0} of seed {1}, limit {2}, chunk {3}", file, seed, maxLength, chunk);
        }
    }

    private static List<string> Read(string text, int maxLength = 1 << 20, int chunk = 1 << 16) =>
        ReadBytes(Encoding.UTF8.GetBytes(text), maxLength, chunk);

    private static List<string> ReadBytes(byte[] content, int maxLength, int chunk)
    {
        var reader = new Utf8LineReader(new TrickleStream(content, chunk), maxLength);
        var lines = new List<string>();
        while (reader.ReadLine(out var line))
        {
            lines.Add(line.TooLong ? $"too long: {line.Length}" : Encoding.UTF8.GetString(line.Text));
        }

        return lines;
    }

    private static List<string> ReadAsText(byte[] content, int maxLength, int chunk)
    {
        using var text = new StreamReader(new TrickleStream(content, chunk), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var reader = new BoundedLineReader(text, maxLength);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line.TooLong ? $"too long: {line.Length}" : line.Text!);
        }

        return lines;
    }

    /// <summary>A stream that never hands out more than <paramref name="chunk"/> bytes a read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] content, int chunk) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
