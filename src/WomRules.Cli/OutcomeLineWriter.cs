using System.Buffers;
using System.Text;
using System.Text.Json;
using WomRules.Runtime;

namespace WomRules.Cli;

/// <summary>
/// Writes outcomes one JSON object a line, exactly as <see cref="Outcome.ToJson"/> gives them, through one reused
/// JSON writer and a 64 KiB buffer: a million outcomes cost neither a string each nor, on an auto-flushing console, a
/// system call each. Given a byte stream (standard output, when it takes UTF-8), the UTF-8 goes straight to it; given
/// a text writer, it is decoded to characters for it.
/// </summary>
internal sealed class OutcomeLineWriter : IDisposable
{
    private const int BufferLength = 1 << 16;

    private readonly TextWriter? text;
    private readonly Stream? stream;
    private readonly byte[] newline;
    private readonly ArrayBufferWriter<byte> bytes = new(BufferLength);
    private readonly Utf8JsonWriter json;
    private char[] chars = [];
    private int used;

    /// <summary>Writes to a text writer, with its newline.</summary>
    public OutcomeLineWriter(TextWriter output)
    {
        text = output;
        newline = Encoding.UTF8.GetBytes(output.NewLine);
        chars = new char[BufferLength];
        json = new Utf8JsonWriter(bytes, OutcomeJson.WriterOptions);
    }

    /// <summary>Writes UTF-8 to a byte stream, each line ended by <paramref name="newLine"/> (the console's newline).</summary>
    public OutcomeLineWriter(Stream output, string newLine)
    {
        stream = output;
        newline = Encoding.UTF8.GetBytes(newLine);
        json = new Utf8JsonWriter(bytes, OutcomeJson.WriterOptions);
    }

    public void Write(Outcome outcome)
    {
        if (text is not null)
        {
            // One line at a time in the byte buffer, then decoded into the character buffer.
            bytes.ResetWrittenCount();
        }

        json.Reset(bytes);
        outcome.WriteTo(json);
        json.Flush();
        bytes.Write(newline);
        if (text is null)
        {
            if (bytes.WrittenCount >= BufferLength)
            {
                FlushBytes();
            }

            return;
        }

        var needed = Encoding.UTF8.GetMaxCharCount(bytes.WrittenCount);
        if (used + needed > chars.Length)
        {
            FlushChars();
            if (needed > chars.Length)
            {
                chars = new char[needed];
            }
        }

        used += Encoding.UTF8.GetChars(bytes.WrittenSpan, chars.AsSpan(used));
    }

    /// <summary>Hands the buffered lines to the output and flushes it.</summary>
    public void Flush()
    {
        if (text is not null)
        {
            FlushChars();
            text.Flush();
        }
        else
        {
            FlushBytes();
            stream!.Flush();
        }
    }

    public void Dispose() => json.Dispose();

    private void FlushChars()
    {
        if (used > 0)
        {
            text!.Write(chars, 0, used);
            used = 0;
        }
    }

    private void FlushBytes()
    {
        if (bytes.WrittenCount > 0)
        {
            stream!.Write(bytes.WrittenSpan);
            bytes.ResetWrittenCount();
        }
    }
}
