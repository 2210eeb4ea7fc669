using System.Text;

namespace WomRules.Fuzzing;

/// <summary>Format-blind mutations of a file's bytes and lines: flips, inserts, deletes, splices, duplicated lines, hostile characters, invalid UTF-8.</summary>
internal static class ByteMutator
{
    public static byte[] Mutate(byte[] input, Random random, IReadOnlyList<byte[]> others)
    {
        var bytes = new List<byte>(input);
        switch (random.Next(12))
        {
            case 0 when bytes.Count > 0:
                var flip = random.Next(bytes.Count);
                bytes[flip] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                break;
            case 2:
                var insert = new byte[random.Next(1, 9)];
                random.NextBytes(insert);
                bytes.InsertRange(random.Next(bytes.Count + 1), insert);
                break;
            case 3 when bytes.Count > 0:
                var start = random.Next(bytes.Count);
                bytes.RemoveRange(start, Math.Min(bytes.Count - start, random.Next(1, 64)));
                break;
            case 4 when bytes.Count > 0:
                var from = random.Next(bytes.Count);
                var length = Math.Min(bytes.Count - from, random.Next(1, 128));
                bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(from, length));
                break;
            case 5 when others.Count > 0:
                // Splice: our head, another seed's tail.
                var other = others[random.Next(others.Count)];
                var cut = random.Next(bytes.Count + 1);
                bytes.RemoveRange(cut, bytes.Count - cut);
                bytes.AddRange(other.AsSpan(random.Next(other.Length + 1)).ToArray());
                break;
            case 6:
                bytes.InsertRange(random.Next(bytes.Count + 1), Interesting.InvalidUtf8[random.Next(Interesting.InvalidUtf8.Length)]);
                break;
            case 7:
                bytes.InsertRange(random.Next(bytes.Count + 1), Encoding.UTF8.GetBytes(Interesting.Characters[random.Next(Interesting.Characters.Length)]));
                break;
            case 8 when bytes.Count > 0:
                // Truncated, as a file cut short by a crash.
                var end = random.Next(bytes.Count);
                bytes.RemoveRange(end, bytes.Count - end);
                break;
            default:
                return Lines(bytes.ToArray(), random, others);
        }

        return [.. bytes];
    }

    /// <summary>Line mutations: duplicate, delete, swap, or splice in a line of another seed or a hostile line.</summary>
    private static byte[] Lines(byte[] input, Random random, IReadOnlyList<byte[]> others)
    {
        var lines = Split(input);
        if (lines.Count == 0)
        {
            lines.Add([]);
        }

        var at = random.Next(lines.Count);
        switch (random.Next(5))
        {
            case 0:
                lines.Insert(random.Next(lines.Count + 1), lines[at]);
                break;
            case 1:
                lines.RemoveAt(at);
                break;
            case 2:
                (lines[at], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[at]);
                break;
            case 3 when others.Count > 0:
                var otherLines = Split(others[random.Next(others.Count)]);
                if (otherLines.Count > 0)
                {
                    lines.Insert(random.Next(lines.Count + 1), otherLines[random.Next(otherLines.Count)]);
                }

                break;
            default:
                lines.Insert(random.Next(lines.Count + 1), Encoding.UTF8.GetBytes(Interesting.Lines[random.Next(Interesting.Lines.Length)]));
                break;
        }

        return Join(lines);
    }

    public static List<byte[]> Split(byte[] input)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == (byte)'\n')
            {
                lines.Add(input[start..i]);
                start = i + 1;
            }
        }

        if (start < input.Length)
        {
            lines.Add(input[start..]);
        }

        return lines;
    }

    public static byte[] Join(IEnumerable<byte[]> lines)
    {
        var output = new List<byte>();
        foreach (var line in lines)
        {
            output.AddRange(line);
            output.Add((byte)'\n');
        }

        return [.. output];
    }
}
