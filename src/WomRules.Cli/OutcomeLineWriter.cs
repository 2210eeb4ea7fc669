using System.Buffers;
using System.Text;
using System.Text.Json;
using WomRules.Runtime;

namespace WomRules.Cli;

/// <summary>
/// Writes outcomes one JSON object a line, exactly as <see cref="Outcome.ToJson"/> gives them, through one reused
/// JSON writer and a 64 KiB character buffer: a million outcomes cost neither a string each nor, on an auto-flushing
/// console, a system call each.
/// </summary>
internal sealed class OutcomeLineWriter : IDisposable
{
    private readonly TextWriter output;
    private readonly ArrayBufferWriter<byte> bytes = new(1024);
    private readonly Utf8JsonWriter json;
    private char[] chars = new char[1 << 16];
    private int used;

    public OutcomeLineWriter(TextWriter output)
    {
        this.output = output;
        json = new Utf8JsonWriter(bytes, OutcomeJson.WriterOptions);
    }

    public void Write(Outcome outcome)
    {
        bytes.ResetWrittenCount();
        json.Reset(bytes);
        outcome.WriteTo(json);
        json.Flush();

        var newline = output.NewLine;
        var needed = Encoding.UTF8.GetMaxCharCount(bytes.WrittenCount) + newline.Length;
        if (used + needed > chars.Length)
        {
            Flush();
            if (needed > chars.Length)
            {
                chars = new char[needed];
            }
        }

        used += Encoding.UTF8.GetChars(bytes.WrittenSpan, chars.AsSpan(used));
        newline.CopyTo(chars.AsSpan(used));
        used += newline.Length;
    }

    /// <summary>Hands the buffered lines to the output and flushes it.</summary>
    public void Flush()
    {
        if (used > 0)
        {
            output.Write(chars, 0, used);
            used = 0;
        }

        output.Flush();
    }

    public void Dispose() => json.Dispose();
}
