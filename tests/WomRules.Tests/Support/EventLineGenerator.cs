using System.Globalization;
using System.Text;

namespace WomRules.Tests.Support;

/// <summary>
/// Seeded events-file lines for the campaign of the JSON differential tests: well-formed events of every declared attribute type
/// (fields in any order, escapes and non-ASCII text in values, optional parts left out), and, for about half the
/// lines, one to three mutations: repeated keys at every depth, undeclared keys with nested values, escaped names,
/// values of the wrong kind, nulls, missing fields, odd and bad timestamps, numbers such as 1e400, deep nesting,
/// other roots, trailing garbage, truncation, a byte order mark, invalid UTF-8.
/// </summary>
internal sealed class EventLineGenerator(int seed)
{
    private static readonly string[] EventTypes = ["order.placed", "order.placed", "order.placed", "review.posted", "review.posted", "points.redeemed", "signup.done", "participant.updated"];
    private static readonly string[] Texts = ["great", "#ad", "广告 é 😀", "app", "web", "vip", "", "say \"hi\"", "back\\slash", "tab\there", "line\nbreak", "nul\0byte", "great product, I use it every day #ad", "ünïcödé", "🎉🎉"];
    private static readonly string[] Tags = ["vip", "new", "广告", "😀", "a\"b", "", "Vip"];
    private static readonly string[] Ints = ["0", "1", "5", "-3", "42", "120", "9223372036854775807", "-9223372036854775808", "100000", "-0"];
    private static readonly string[] Decimals = ["49.90", "0", "5", "-1.5", "0.1", "12345678901234567890.123", "20.00", "\"49.90\"", "\"-2.5\"", "\"+3\"", "\"0.10\""];

    private static readonly string[] GoodTimestamps =
    [
        "2026-03-02T10:00:00Z", "2026-03-02T10:00:00.5Z", "2026-03-02T23:59:59.9999999Z", "2026-03-02T10:00:00.1234567+05:30",
        "2026-03-02T10:00:00-08:00", "2026-03-02T10:00:00", "2026-03-02T00:30:00+01:00", "2026-06-30T23:59:59.999Z", "2026-12-31T23:30:00-14:00",
        "2026-01-01T00:00:00+14:00", "2026-02-28T12:00:00.25Z", "2025-12-31T23:59:59Z", "2027-01-01T00:00:00Z", "2024-02-29T12:00:00Z",
        "2026-03-02", "2026-03-02 10:00:00Z", "2026-03-02T10:00Z", "2026-03-02T10:00:00.12345678Z", "2026-03-02T10:00:00+0530",
    ];

    private static readonly string[] OddTimestamps =
    [
        "2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T23:59:60Z", "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "2026-03-02t10:00:00z", "2026-03-02T10:00:00+14:01",
        "2026-03-02T10:00:00+15:00", "2026-03-02T10:00:00-12:60", "2026-03-02T10:00:00.Z", "2026-03-02T10:00:00.123456789+01:00",
        "2026-03-02T10:00:00 Z", " 2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z ", "20260302T100000Z", "March 2, 2026", "0000-01-01T00:00:00Z",
        "2026-3-2T10:00:00Z", "", "now", "1/2/2026", "2026-03-02T10:00:00+05", "2026-03-02T10:00:00.0000000+00:00", "2026-03-02T10:00:00-00:00",
        "2026-03-02T10:00:00.1234567-14:00", "2026-03-02T1:00:00Z", "２０２６-03-02T10:00:00Z",
    ];

    private static readonly string[] WrongValues =
    [
        "1", "1.0", "-0", "1e400", "1E2", "9223372036854775808", "-9223372036854775809", "0.1", "79228162514264337593543950336", "1e-400",
        "-0.0", "1.5e3", "\"4\"", "\"49.90\"", "\" 1\"", "\"1e3\"", "\"+1\"", "\"-0\"", "\"\"", "\"1,000\"", "\"١٢\"", "\"1.\"", "\".5\"", "true", "false", "null",
        "[]", "[\"a\",1]", "[null]", "[\"a\",[\"b\"]]", "{}", "{\"a\":1}", "\"x\"", "79228162514264337593543950335", "-79228162514264337593543950335.5",
        "0.00000000000000000000000000001", "123456789012345678901234567890", "7.0000000000000000000000000001", "\"7.0000000000000000000000000001\"",
    ];

    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3], [0xF0, 0x9F, 0x98]];

    private readonly Random random = new(seed);

    // Timestamp attributes draw from their own stream, so the lines the other fields make stay as they were.
    private readonly Random times = new(seed ^ 0x7157);
    private readonly List<string> ids = [];

    // Set when the line's participant.updated object was made malformed, so the line counts as mutated.
    private bool nestedMutation;

    /// <summary>The next line, and whether it was mutated (an unmutated line has the shape the fast reader takes).</summary>
    public (byte[] Line, bool Mutated) Next()
    {
        var type = Pick(EventTypes);
        var fields = new List<(string Name, string Value)>
        {
            ("id", Str(NextId())),
            ("type", Str(type)),
            ("at", Str(Pick(GoodTimestamps))),
            ("actor", Str(random.Next(8) == 0 ? "用户-" + random.Next(5) : "u-" + random.Next(12))),
        };
        if (random.Next(5) < 2)
        {
            fields.Add(("referrer", random.Next(6) == 0 ? "null" : Str("u-" + random.Next(12))));
        }

        nestedMutation = false;
        var attributes = Attributes(type);
        if (random.Next(10) > 0)
        {
            fields.Add(("attributes", "\u0000"));
        }

        if (random.Next(6) == 0)
        {
            fields.Add(("source", Pick(["\"web\"", "1", "null", "true", "-2.5e3"])));
        }

        if (random.Next(3) == 0)
        {
            Shuffle(fields);
        }

        if (random.Next(2) == 0)
        {
            return (Encoding.UTF8.GetBytes(Render(fields, attributes)), nestedMutation);
        }

        var mutations = 1 + random.Next(3);
        byte[]? bytes = null;
        for (var i = 0; i < mutations; i++)
        {
            if (random.Next(6) == 0)
            {
                bytes ??= Encoding.UTF8.GetBytes(Render(fields, attributes));
                bytes = MutateBytes(bytes);
            }
            else
            {
                Mutate(fields, attributes);
            }
        }

        return (bytes ?? Encoding.UTF8.GetBytes(Render(fields, attributes)), true);
    }

    private string NextId()
    {
        // Some ids come back: duplicates, and resubmissions of rejected events.
        if (ids.Count > 0 && random.Next(8) == 0)
        {
            return Pick(ids);
        }

        var id = "e-" + ids.Count.ToString(CultureInfo.InvariantCulture);
        ids.Add(id);
        return id;
    }

    /// <summary>Spellings of a timestamp attribute (spec v1.1 §10): offsets, fractions, an escaped Z.</summary>
    private static readonly string[] GoodAskedAt =
    [
        "\"2026-03-01T10:00:00Z\"", "\"2026-03-02T09:59:59.5+08:00\"", "\"2026-03-01T10:00:00.1234567-05:30\"", "\"2026-03-01T10:00:00\\u005A\"",
    ];

    /// <summary>Timestamps refused (a mutation): too many digits, no offset, impossible days, a date alone, an offset past 14h, before year 1, a lower-case z, not a string.</summary>
    private static readonly string[] BadAskedAt =
    [
        "\"2026-03-01T10:00:00.12345678Z\"", "\"2026-03-01T10:00:00\"", "\"2026-02-30T10:00:00Z\"", "\"2026-03-01\"", "\"2026-03-01T10:00:00+14:01\"",
        "\"0001-01-01T00:30:00+01:00\"", "\"2026-03-01T10:00:00z\"", "1", "\"\"", "null",
    ];

    private List<(string Name, string Value)> Attributes(string type)
    {
        var attributes = new List<(string Name, string Value)>();
        void Add(string name, string value, bool required)
        {
            var roll = random.Next(20);
            if (roll == 0 && !required)
            {
                return;
            }

            attributes.Add((name, roll == 1 ? "null" : roll == 2 && required ? "null" : value));
        }

        switch (type)
        {
            case "order.placed":
                Add("items", Pick(Ints), required: true);
                Add("total", Pick(Decimals), required: true);
                Add("gift", random.Next(2) == 0 ? "true" : "false", required: false);
                Add("channel", Str(Pick(Texts)), required: false);
                Add("tags", "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Str(Pick(Tags)))) + "]", required: false);
                if (times.Next(3) > 0)
                {
                    attributes.Add(("asked_at", GoodAskedAt[times.Next(GoodAskedAt.Length)]));
                }

                break;
            case "review.posted":
                Add("rating", Pick(Ints), required: true);
                Add("text", Str(Pick(Texts)), required: false);
                break;
            case "points.redeemed":
                Add("points", Pick(["1", "5", "0", "-1", "1000"]), required: true);
                break;
            case "participant.updated":
                Add("attributes", ParticipantValues(), required: false);
                break;
            default:
                Add("plan", Str("pro"), required: false);
                break;
        }

        if (random.Next(5) == 0)
        {
            attributes.Add(("note", Pick(["\"hello\"", "3", "null", "false", "1e400"])));
        }

        if (random.Next(3) == 0)
        {
            Shuffle(attributes);
        }

        return attributes;
    }

    /// <summary>
    /// The object of a participant.updated (spec v1.1 §5) over the differential campaign's participant attributes:
    /// declared names with values of their type, or nulls; a quarter of them malformed (an undeclared, repeated or
    /// escaped name, a value of the wrong kind, a nested object).
    /// </summary>
    private string ParticipantValues()
    {
        var members = new List<(string Name, string Value)>();
        foreach (var (name, value) in new[]
        {
            ("followers", Pick(Ints)), ("score", Pick(Decimals)), ("vip", random.Next(2) == 0 ? "true" : "false"),
            ("nick", Str(Pick(Texts))), ("labels", "[" + string.Join(",", Enumerable.Range(0, random.Next(3)).Select(_ => Str(Pick(Tags)))) + "]"),
        })
        {
            var roll = random.Next(4);
            if (roll == 0)
            {
                continue;
            }

            members.Add((name, roll == 1 && random.Next(4) == 0 ? "null" : value));
        }

        Shuffle(members);
        if (random.Next(4) == 0)
        {
            nestedMutation = true;
            switch (random.Next(5))
            {
                case 0:
                    members.Insert(random.Next(members.Count + 1), (Pick(["followerz", "points", "tier", "Followers"]), "1"));
                    break;
                case 1:
                    members.Insert(random.Next(members.Count + 1), (Pick(["followers", "vip", "nick"]), Pick(WrongValues)));
                    break;
                case 2:
                    members.Add(("followers", "1"));
                    members.Add(("followers", Pick(["2", "1", "null"])));
                    break;
                case 3:
                    members.Insert(random.Next(members.Count + 1), ("f\u006fllowers", "3"));
                    break;
                default:
                    members.Insert(random.Next(members.Count + 1), ("nick", Nested(1 + random.Next(3), random.Next(2) == 0)));
                    break;
            }
        }

        return "{" + string.Join(",", members.Select(m => "\"" + m.Name + "\":" + m.Value)) + "}";
    }

    private void Mutate(List<(string Name, string Value)> fields, List<(string Name, string Value)> attributes)
    {
        if (times.Next(4) == 0 && attributes.Any(a => a.Name == "asked_at"))
        {
            SetField(attributes, "asked_at", BadAskedAt[times.Next(BadAskedAt.Length)]);
        }

        var target = random.Next(2) == 0 || attributes.Count == 0 ? fields : attributes;
        switch (random.Next(16))
        {
            case 0:
                // A repeated key, same or other value.
                if (target.Count > 0)
                {
                    var (name, value) = Pick(target);
                    target.Insert(random.Next(target.Count + 1), (name, random.Next(2) == 0 ? value : Pick(WrongValues)));
                }

                break;
            case 1:
                // An undeclared key with a nested value, repeating a key inside at some depth or not.
                target.Insert(random.Next(target.Count + 1), ("extra" + random.Next(3), Nested(1 + random.Next(4), random.Next(2) == 0)));
                break;
            case 2:
                // An escaped name: the same key spelled with \u.
                if (target.Count > 0)
                {
                    var index = random.Next(target.Count);
                    var name = target[index].Name;
                    if (name.Length > 0)
                    {
                        var at = random.Next(name.Length);
                        target[index] = (name[..at] + "\\u" + ((int)name[at]).ToString("x4", CultureInfo.InvariantCulture) + name[(at + 1)..], target[index].Value);
                    }
                }

                break;
            case 3:
            case 4:
                // A value of the wrong kind, or null.
                if (target.Count > 0)
                {
                    var index = random.Next(target.Count);
                    target[index] = (target[index].Name, Pick(WrongValues));
                }

                break;
            case 5:
                // A missing field.
                if (target.Count > 0)
                {
                    target.RemoveAt(random.Next(target.Count));
                }

                break;
            case 6:
                SetField(fields, "at", Str(Pick(OddTimestamps), escapeAll: random.Next(8) == 0));
                break;
            case 7:
                // Half a surrogate pair, escaped, in a name or a value.
                if (target.Count > 0)
                {
                    var index = random.Next(target.Count);
                    var lone = Pick(["\\ud800", "\\udc00", "\\ud83d\\u0041", "\\ude00\\ud83d"]);
                    target[index] = random.Next(3) == 0
                        ? (target[index].Name + lone, target[index].Value)
                        : (target[index].Name, "\"" + lone + "x\"");
                }

                break;
            case 8:
                // Deep nesting around the 64 limit.
                target.Add(("deep", Deep(Pick([3, 10, 61, 62, 63, 64, 65, 100]))));
                break;
            case 9:
                // Many undeclared keys, with or without a repeat among them.
                var count = 14 + random.Next(8);
                var repeat = random.Next(2) == 0 ? random.Next(count) : -1;
                for (var i = 0; i < count; i++)
                {
                    target.Add(("k" + (i == count - 1 && repeat >= 0 ? repeat : i).ToString(CultureInfo.InvariantCulture), Pick(["1", "\"v\"", "null", "true"])));
                }

                break;
            case 10:
                // Header fields spelled with escapes, or of other kinds.
                SetField(fields, Pick(["id", "type", "actor", "referrer"]), Pick(["\"order\\u002eplaced\"", "\"\\u0065-1\"", "\"u-\\u0031\"", "1", "null", "true", "\"\"", "{}", "[]", "{\"a\":1}", "\"u-1\""]));
                break;
            case 11:
                SetField(fields, "attributes", Pick(["[]", "\"x\"", "null", "1", "[{\"items\":1}]", "{}", "true"]));
                break;
            case 12:
                // A repeat inside attributes in particular (declared or undeclared names).
                if (attributes.Count > 0)
                {
                    var pair = Pick(attributes);
                    attributes.Add((pair.Name, random.Next(2) == 0 ? pair.Value : "null"));
                }

                break;
            case 13:
                // An undeclared attribute with an object or array value.
                attributes.Add(("meta", Pick(["{\"a\":1}", "[1,2]", "[\"x\"]", "{\"a\":{\"b\":[1,{\"c\":2,\"c\":3}]}}", "{}", "[]"])));
                break;
            case 14:
                // A list attribute's items of other kinds.
                SetField(attributes, "tags", Pick(["[1]", "[\"a\",null]", "[[\"a\"]]", "[{}]", "[\"a\",\"b\",\"a\"]", "[\"\\ud800\"]", "[\"\\u0061\"]"]));
                break;
            default:
                // Numbers in every spelling, anywhere.
                if (target.Count > 0)
                {
                    var index = random.Next(target.Count);
                    target[index] = (target[index].Name, Pick(["1e400", "1.0", "-0", "1E2", "0e0", "-1e-400", "1.5", "12345678901234567890123456789012345", "0.1e1", "-9223372036854775808", "9223372036854775807.0"]));
                }

                break;
        }
    }

    private byte[] MutateBytes(byte[] line)
    {
        switch (random.Next(6))
        {
            case 0:
                return [0xEF, 0xBB, 0xBF, .. line];
            case 1:
                var at = random.Next(line.Length + 1);
                return [.. line.AsSpan(0, at), .. Pick(InvalidUtf8), .. line.AsSpan(at)];
            case 2:
                return line.AsSpan(0, random.Next(line.Length)).ToArray();
            case 3:
                return [.. line, .. Encoding.UTF8.GetBytes(Pick([" x", "}", ",", " {}", " ", "\t", "\r", " // c", "/* c */", " null", "]", "\n{}", "\r\n"]))];
            case 4:
                return Encoding.UTF8.GetBytes(Pick(["[]", "1", "\"x\"", "null", "true", "[{\"id\":\"e-1\"}]", "", "   ", "{", "{}", "{\"id\":\"e-900\"}", "\"{}\""]));
            default:
                // A comment or a trailing comma inside the object.
                var text = Encoding.UTF8.GetString(line);
                var brace = text.LastIndexOf('}');
                return brace < 0 ? line : Encoding.UTF8.GetBytes(text[..brace] + Pick([",", "/*c*/", " ,", ",,"]) + text[brace..]);
        }
    }

    private string Nested(int depth, bool repeat)
    {
        if (depth == 0)
        {
            return Pick(["1", "\"v\"", "null", "[1,\"a\"]", "{}"]);
        }

        var inner = Nested(depth - 1, repeat);
        return random.Next(3) == 0
            ? "[" + inner + "," + inner + "]"
            : repeat && depth == 1 ? "{\"a\":" + inner + ",\"a\":2}" : "{\"a\":" + inner + ",\"b\":" + Pick(["1", "\"x\""]) + "}";
    }

    private string Deep(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append(random.Next(2) == 0 ? "[" : "{\"d\":");
        }

        var closing = text.ToString().Reverse().Where(c => c is '[' or '{').Select(c => c == '[' ? ']' : '}');
        return text + "1" + string.Concat(closing);
    }

    private static void SetField(List<(string Name, string Value)> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Name == name);
        if (index < 0)
        {
            fields.Add((name, value));
        }
        else
        {
            fields[index] = (name, value);
        }
    }

    private string Render(List<(string Name, string Value)> fields, List<(string Name, string Value)> attributes)
    {
        var text = new StringBuilder();
        text.Append(Space()).Append('{');
        for (var i = 0; i < fields.Count; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(Space()).Append('"').Append(fields[i].Name).Append('"').Append(Space()).Append(':').Append(Space());
            text.Append(fields[i].Value == "\u0000" ? Render(attributes, []) : fields[i].Value).Append(Space());
        }

        return text.Append('}').Append(Space()).ToString();
    }

    // Mostly nothing, sometimes a space, now and then other JSON white space.
    private string Space() => random.Next(10) switch
    {
        < 6 => "",
        < 9 => " ",
        _ => Pick(["\t", "  ", "\r\n", "\n "]),
    };

    /// <summary>A JSON string, with characters escaped now and then (or always).</summary>
    private string Str(string value, bool escapeAll = false)
    {
        var text = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                // A pair is escaped whole or not at all: half of one escaped is another test (a lone surrogate).
                var pair = value.Substring(i++, 2);
                text.Append(escapeAll || random.Next(4) == 0 ? string.Concat(pair.Select(h => "\\u" + ((int)h).ToString("x4", CultureInfo.InvariantCulture))) : pair);
            }
            else if (c is '"' or '\\' || c < ' ' || escapeAll || random.Next(12) == 0)
            {
                text.Append(c switch
                {
                    '"' when random.Next(2) == 0 => "\\\"",
                    '\\' when random.Next(2) == 0 => "\\\\",
                    '\n' when random.Next(2) == 0 => "\\n",
                    '\t' when random.Next(2) == 0 => "\\t",
                    '/' => "\\/",
                    _ => "\\u" + ((int)c).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture),
                });
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
