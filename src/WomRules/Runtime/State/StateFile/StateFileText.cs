using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// The bytes of a state file, checked once for what JSON readers let through (<see cref="Scan"/>), and the positions of
/// places in it, so that every message about the file can say where: a JSON path, a line and a byte.
/// </summary>
internal sealed class StateFileText
{
    /// <summary>Deep enough for any state file (a list attribute is six levels down); deeper input is refused, not recursed into.</summary>
    public const int MaxDepth = 64;

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private StateFileText(byte[] bytes, int length)
    {
        Bytes = bytes;
        Length = length;
        BomLength = bytes.AsSpan(0, length).StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
    }

    /// <summary>The whole file (the first <see cref="Length"/> bytes); the checksum covers them all, byte order mark included.</summary>
    public byte[] Bytes { get; }

    public int Length { get; }

    public int BomLength { get; }

    /// <summary>The JSON text: the file without its byte order mark.</summary>
    public ReadOnlyMemory<byte> Json => Bytes.AsMemory(BomLength, Length - BomLength);

    /// <summary>Where the root <c>checksum</c> member's string value starts (its first byte after the quote), or -1; set by <see cref="Scan"/>.</summary>
    public int ChecksumValueOffset { get; private set; } = -1;

    public static StateFileText Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new StateFileText(buffer.GetBuffer(), (int)buffer.Length);
    }

    public static StateFileText FromBytes(byte[] bytes) => new(bytes, bytes.Length);

    /// <summary>
    /// Reads the file through once and refuses what <see cref="JsonDocument"/> would accept but the state file must not
    /// hold: malformed JSON, strings that are not valid UTF-8 or that escape half a surrogate pair, keys that appear twice
    /// in an object (a JSON reader silently keeps the last), and nesting past <see cref="MaxDepth"/>.
    /// </summary>
    public void Scan()
    {
        var reader = new Utf8JsonReader(Json.Span, new JsonReaderOptions { MaxDepth = MaxDepth });
        var frames = new Stack<Frame>();
        var last = StateFilePath.Root;
        var checksumNext = false;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                    {
                        var frame = frames.Peek();
                        var name = ReadText(ref reader, frame.Path, "a key");
                        last = frame.Path.Member(name);
                        if (!frame.Names!.Add(name))
                        {
                            throw Error(last, reader.TokenStartIndex, "this key appears twice in its object; a state file must hold each key once");
                        }

                        frame.Pending = name;
                        checksumNext = frames.Count == 1 && name == "checksum";
                        break;
                    }

                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        last = frames.Pop().Path;
                        break;
                    default:
                    {
                        var path = frames.Count == 0 ? StateFilePath.Root
                            : frames.Peek() is { Names: not null } obj ? obj.Path.Member(obj.Pending!)
                            : frames.Peek().Path.Item(frames.Peek().Count++);
                        last = path;
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            ReadText(ref reader, path, "this string");
                            if (checksumNext && !reader.ValueIsEscaped)
                            {
                                ChecksumValueOffset = BomLength + (int)reader.TokenStartIndex + 1;
                            }
                        }
                        else if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            frames.Push(new Frame(path, new HashSet<string>(StringComparer.Ordinal)));
                        }
                        else if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            frames.Push(new Frame(path, null));
                        }

                        checksumNext = false;
                        break;
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            // The reader's position is 0-based and counts from after the byte order mark.
            var line = (int)(ex.LineNumber ?? 0);
            var column = (int)(ex.BytePositionInLine ?? 0) + (line == 0 ? BomLength : 0);
            var detail = ex.Message;
            var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw StateFileError.Create(last.ToString(), line + 1, column + 1, "not valid JSON: " + StateFilePath.Escape(cut < 0 ? detail : detail[..cut]));
        }
    }

    /// <summary>An error at <paramref name="path"/>, positioned at the value there (or at its key), when the file has it.</summary>
    public InvalidDataException ErrorAt(StateFilePath path, string detail, bool atKey = false) => Error(path, Locate(path, atKey), detail);

    /// <summary>An error at <paramref name="jsonOffset"/>, an offset into <see cref="Json"/> (null: the place has no position).</summary>
    public InvalidDataException Error(StateFilePath path, long? jsonOffset, string detail)
    {
        if (jsonOffset is not { } offset)
        {
            return StateFileError.Create(path.ToString(), null, null, detail);
        }

        var absolute = BomLength + (int)offset;
        var before = Bytes.AsSpan(0, absolute);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return StateFileError.Create(path.ToString(), before.Count((byte)'\n') + 1, absolute - lineStart + 1, detail);
    }

    /// <summary>The offset (into <see cref="Json"/>) of the value at <paramref name="path"/>, or of its key; null when there is none. Only for a scanned file.</summary>
    private long? Locate(StateFilePath path, bool atKey)
    {
        var reader = new Utf8JsonReader(Json.Span, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            long keyOffset = reader.TokenStartIndex;
            foreach (var segment in path.Segments())
            {
                var found = false;
                if (segment.Name is { } name)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        return null;
                    }

                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var matches = reader.ValueTextEquals(name);
                        keyOffset = reader.TokenStartIndex;
                        reader.Read();
                        if (matches)
                        {
                            found = true;
                            break;
                        }

                        reader.Skip();
                    }
                }
                else
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return null;
                    }

                    for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                    {
                        if (i == segment.Index)
                        {
                            found = true;
                            break;
                        }

                        reader.Skip();
                    }
                }

                if (!found)
                {
                    return null;
                }
            }

            return atKey && path.Name is not null ? keyOffset : reader.TokenStartIndex;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string ReadText(ref Utf8JsonReader reader, StateFilePath path, string what)
    {
        if (!System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
        {
            throw Error(path, reader.TokenStartIndex, $"{what} is not valid UTF-8; a state file is UTF-8 text");
        }

        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Valid JSON, but "\ud800" alone is half a surrogate pair: no text.
            throw Error(path, reader.TokenStartIndex, $"{what} escapes half of a surrogate pair (such as \\ud800 alone), so it is not text");
        }
    }

    private sealed class Frame(StateFilePath path, HashSet<string>? names)
    {
        public StateFilePath Path { get; } = path;

        /// <summary>The keys seen so far, for an object; null for an array.</summary>
        public HashSet<string>? Names { get; } = names;

        public string? Pending { get; set; }

        public int Count { get; set; }
    }
}
