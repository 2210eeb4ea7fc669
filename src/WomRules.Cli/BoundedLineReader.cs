using System.Text;

namespace WomRules.Cli;

/// <summary>
/// Reads lines without ever holding more than the limit in memory: a line past the limit is skipped to its end and
/// reported as too long, so a file with one endless line cannot exhaust the host.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLength)
{
    private readonly char[] buffer = new char[1 << 16];
    private readonly StringBuilder line = new();
    private int position;
    private int length;

    public readonly record struct Line(string? Text, bool TooLong, long Length);

    public Line? ReadLine()
    {
        line.Clear();
        long total = 0;
        var tooLong = false;
        var sawAny = false;
        while (true)
        {
            if (position == length)
            {
                length = reader.Read(buffer, 0, buffer.Length);
                position = 0;
                if (length == 0)
                {
                    if (!sawAny)
                    {
                        return null;
                    }

                    break;
                }
            }

            sawAny = true;
            var newline = Array.IndexOf(buffer, '\n', position, length - position);
            var end = newline < 0 ? length : newline;
            var count = end - position;
            total += count;
            if (!tooLong)
            {
                if (total > maxLength)
                {
                    tooLong = true;
                    line.Clear();
                }
                else
                {
                    line.Append(buffer, position, count);
                }
            }

            position = end;
            if (newline >= 0)
            {
                position++;
                break;
            }
        }

        if (!tooLong && line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
            total--;
        }

        return new Line(tooLong ? null : line.ToString(), tooLong, total);
    }
}
