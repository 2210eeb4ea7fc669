using System.Text;
using WomRules.Cli;
using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary>
/// How <c>womrules run</c> reads its events file and writes its outcomes: UTF-8 read as bytes gives what the same
/// events gave decoded as text (a UTF-16 file still is), invalid UTF-8 is a rejected line, and outcomes written as
/// bytes to standard output are the text they always were.
/// </summary>
public sealed class RunInputTests() : CliTestFolder("womrules-run-input-")
{
    private const string Campaign = """
        womrules: 1
        campaign: run-input
        events:
          ping: { n: int, note: { type: string, default: "" } }
        rules:
          - { name: grant, on: ping, rewards: [ { points: event.n } ] }
          - { name: noted, on: ping, when: len(event.note) > 3, rewards: [ { alert: noted } ] }
        """;

    // CRLF lines: a byte order mark first, blank lines (Unicode white space too), one line past the limit, one within
    // it in characters though twice the limit in bytes, a repeated property, a byte order mark not at the start.
    private static readonly string Events = string.Join("\r\n",
        "\uFEFF" + Ping("e-1", 5, "été 广告 😀"),
        "",
        "   \t",
        "\u00A0\u3000",
        "{ not json",
        "{\"id\": \"e-0\", \"pad\": \"" + new string('x', 1024 * 1024 + 10) + "\"}",
        Ping("e-2", 7, "\\u00e9t\\u00e9 and \\ud83d\\ude00"),
        "{\"id\": \"e-0\", \"pad\": \"" + new string('é', 1024 * 1024 - 30) + "\"}",
        "{\"id\": \"e-3\", \"type\": \"ping\", \"at\": \"2026-03-02T10:00:00Z\", \"actor\": \"u-1\", \"attributes\": {\"n\": 1, \"n\": 2}}",
        Ping("e-1", 5, "again"),
        "\uFEFF" + Ping("e-4", 1, "a BOM not at the start"),
        Ping("e-5", 2, "no final newline"));

    [Fact]
    public void A_utf8_file_read_as_bytes_gives_what_its_utf16_copy_gives_read_as_text()
    {
        var campaign = Write("c.yaml", Campaign);
        var utf8 = Write("utf8.jsonl", Events);
        var utf16 = Path.Combine(Folder, "utf16.jsonl");
        File.WriteAllText(utf16, Events.TrimStart('\uFEFF'), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var bytes = Run("run", campaign, utf8);
        var text = Run("run", campaign, utf16);
        bytes.Exit.Should().Be(0);
        bytes.Out.Should().Be(text.Out);
        bytes.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            """{"kind":"reward","event":"e-1","rule":"grant","participant":"u-1","points":5}""",
            """{"kind":"reward","event":"e-1","rule":"noted","participant":"u-1","alert":"noted","severity":"medium"}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid JSON: 'n' is an invalid start of a property name"}""",
            """{"kind":"rejected","event":null,"reason":"the line is 1048611 characters long, more than the limit of 1048576"}""",
            """{"kind":"reward","event":"e-2","rule":"grant","participant":"u-1","points":7}""",
            """{"kind":"reward","event":"e-2","rule":"noted","participant":"u-1","alert":"noted","severity":"medium"}""",
            """{"kind":"rejected","event":"e-0","reason":"the event has no 'type' string"}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid JSON: Duplicate property 'n' encountered during deserialization"}""",
            """{"kind":"duplicate","event":"e-1"}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid JSON: '0xEF' is an invalid start of a value"}""",
            """{"kind":"reward","event":"e-5","rule":"grant","participant":"u-1","points":2}""",
            """{"kind":"reward","event":"e-5","rule":"noted","participant":"u-1","alert":"noted","severity":"medium"}""");
    }

    [Fact]
    public void A_line_that_is_not_utf8_is_rejected_and_the_run_goes_on()
    {
        var campaign = Write("c.yaml", Campaign);
        var events = Path.Combine(Folder, "e.jsonl");
        File.WriteAllBytes(events, [.. Encoding.UTF8.GetBytes(Ping("e-1", 1, "ok") + "\n"), .. "{\"id\": \"e-2\", \"bad\": \""u8, 0xC3, 0x28, .. "\"}\n"u8, .. Encoding.UTF8.GetBytes(Ping("e-3", 3, "ok"))]);

        var (exit, output, _) = Run("run", campaign, events);
        exit.Should().Be(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            """{"kind":"reward","event":"e-1","rule":"grant","participant":"u-1","points":1}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid UTF-8"}""",
            """{"kind":"reward","event":"e-3","rule":"grant","participant":"u-1","points":3}""");
    }

    [Fact]
    public void Outcomes_written_as_bytes_to_standard_output_are_the_text_written_to_a_writer()
    {
        var campaign = Write("c.yaml", Campaign);
        var events = Write("e.jsonl", string.Join("\n", Enumerable.Range(0, 3000).Select(i => Ping($"e-{i}", i, i % 3 == 0 ? "广告 😀 \"quoted\"" : "x"))));
        var text = Run("run", campaign, events);

        var stdout = new StringWriter { NewLine = "\n" };
        using var bytes = new MemoryStream();
        CommandLine.Run(["run", campaign, events], stdout, new StringWriter(), bytes).Should().Be(0);
        stdout.ToString().Should().BeEmpty("the outcomes go to the byte stream");
        Encoding.UTF8.GetString(bytes.ToArray()).Should().Be(text.Out);
        bytes.Length.Should().BeGreaterThan(1 << 17, "more than one buffer's worth is written");
    }

    private static string Ping(string id, int n, string note) =>
        $"{{\"id\": \"{id}\", \"type\": \"ping\", \"at\": \"2026-03-02T10:00:00Z\", \"actor\": \"u-1\", \"attributes\": {{\"n\": {n}, \"note\": \"{note}\"}}}}";
}
