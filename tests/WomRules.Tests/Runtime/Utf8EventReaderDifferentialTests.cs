using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// The fast event reader (<see cref="Utf8EventReader"/>) against the reference <see cref="JsonDocument"/> path, on
/// seeded lines both well-formed and mutated: identical outcome JSON line by line and identical final state, for
/// byte lines and for string lines; where the fast reader takes a line, the same header and attribute values as the
/// document gives. Seeds are fixed, so a failure reproduces.
/// </summary>
public sealed class Utf8EventReaderDifferentialTests
{
    private const string Campaign = """
        womrules: 1
        campaign: json-differential
        active: { from: 2026-01-01, until: 2027-01-01 }
        events:
          order.placed:
            items: int
            total: decimal
            gift: { type: bool, default: false }
            channel: { type: string, default: web }
            tags: { type: list, default: [] }
            asked_at: { type: timestamp, default: "2026-03-01T00:00:00Z" }
          review.posted:
            rating: int
            text: { type: string, default: "" }
        counters: [orders]
        participant:
          followers: { type: int, default: 0 }
          score: { type: decimal, default: 0 }
          vip: { type: bool, default: false }
          nick: { type: string, default: "" }
          labels: { type: list, default: [] }
        tiers:
          - name: base
          - name: known
            when: participant.followers > 5 or participant.vip or participant.score >= 20 or participant.nick == "app" or participant.labels contains "vip"
        rules:
          - name: items
            on: order.placed
            rewards:
              - { points: event.items, counter: orders }
          - name: total
            on: order.placed
            when: event.total != 0
            rewards:
              - credit: event.total
          - name: gift
            on: order.placed
            when: event.gift
            rewards:
              - badge: gifted
          - name: app
            on: order.placed
            when: event.channel == "app" or event.channel == "广告 é 😀" or event.channel == "say \"hi\""
            rewards:
              - points: 3
          - name: vip
            on: order.placed
            when: event.tags contains "vip" or event.tags contains "a\"b"
            rewards:
              - points: 7
          - name: referred
            on: order.placed
            rewards:
              - { to: referrer, points: 2 }
          - name: asked
            on: order.placed
            when: event.asked_at < event.at
            rewards:
              - points: round(hours_between(event.asked_at, event.at))
              - alert:
                  name: asked
                  data:
                    asked_at: event.asked_at
          - name: rating
            on: review.posted
            rewards:
              - points: event.rating
          - name: text
            on: review.posted
            when: len(event.text) > 0
            rewards:
              - { points: len(event.text), alert: texted }
            limit: { count: 3, per: day }
        """;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void The_fast_reader_and_the_document_path_give_the_same_outcomes_and_state(int seed)
    {
        var campaign = CampaignRunner.Compile(Campaign);
        var fast = new CampaignEngine(campaign);
        var reference = new CampaignEngine(campaign) { UseUtf8EventReader = false };
        var fromStrings = new CampaignEngine(campaign);
        var generator = new EventLineGenerator(seed);
        var (a, b, c) = (new List<Outcome>(), new List<Outcome>(), new List<Outcome>());
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 3000; i++)
        {
            var (line, _) = generator.Next();
            fast.ProcessJson(line, a);
            reference.ProcessJson(line, b);
            var text = Encoding.UTF8.GetString(line);
            var expected = b.Select(o => o.ToJson()).ToList();
            a.Select(o => o.ToJson()).Should().Equal(expected, "the fast reader must agree with the document path on line {0}: {1}", i, text);
            if (Utf8.IsValid(line))
            {
                fromStrings.ProcessJson(text, c);
                c.Select(o => o.ToJson()).Should().Equal(expected, "a string line must give what its UTF-8 gives, on line {0}: {1}", i, text);
            }
            else
            {
                fromStrings.ProcessJson(line, c);
            }

            kinds.UnionWith(b.Select(o => o.Kind + (o is RejectedOutcome r ? ": " + r.Reason.Split(':')[0] : "")));
            a.Clear();
            b.Clear();
            c.Clear();
        }

        State(fast, campaign).Should().Be(State(reference, campaign));
        State(fromStrings, campaign).Should().Be(State(reference, campaign));

        // The lines must reach every kind of outcome and the main rejections, or agreeing proves little.
        kinds.Should().Contain(["reward", "duplicate", "rejected: the line is not valid JSON", "rejected: the line is not valid UTF-8",
            "rejected: the line is not a JSON object", "rejected: the event has no 'id' string", "rejected: 'at' is not an ISO 8601 timestamp",
            "rejected: missing required attribute 'items'", "rejected: attribute 'items' must be an int", "rejected: 'attributes' must be a JSON object",
            "rejected: attribute 'tags' must be a list", "rejected: attribute 'asked_at' must be a timestamp (ISO 8601 with an offset, such as 2026-03-01T09", "rejected: the event has no 'actor' string", "rejected: 'referrer' must be a string",
            "tier", "rejected: 'attributes'", "rejected: attribute 'attributes' must be an object of participant attributes"]);
        kinds.Should().Contain(k => k.StartsWith("rejected: 'attributes' names '", StringComparison.Ordinal), "participant.updated naming an undeclared attribute");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Where_the_fast_reader_takes_a_line_it_reads_what_the_document_reads(int seed)
    {
        var campaign = CampaignRunner.Compile(Campaign);
        var slots = campaign.Dispatch.Values.Max(t => t.Symbol.Attributes.Length);
        var values = new object?[slots];
        var reader = new Utf8EventReader(campaign, values);
        var generator = new EventLineGenerator(seed);
        var (taken, mutatedTaken) = (0, 0);
        for (var i = 0; i < 4000; i++)
        {
            var (line, mutated) = generator.Next();
            var text = Encoding.UTF8.GetString(line);
            if (!Utf8.IsValid(line))
            {
                continue;
            }

            if (!reader.TryRead(line))
            {
                mutated.Should().BeTrue("a well-formed line must take the fast path: {0}", text);
                Array.Clear(values);
                continue;
            }

            taken++;
            mutatedTaken += mutated ? 1 : 0;
            JsonDocument document;
            var parse = () => document = JsonDocument.Parse(line, DocumentOptions);
            parse.Should().NotThrow("a line the fast reader takes must be valid JSON without repeats: {0}", text);
            document = JsonDocument.Parse(line, DocumentOptions);
            using (document)
            {
                var root = document.RootElement;
                var expected = EventHeader.Read(root);
                var actual = new EventHeader(reader.Id, reader.Type, reader.At, reader.AtError, reader.Actor, reader.Referrer, reader.AttributesError);
                actual.Should().Be(expected, "the header of {0}", text);
                actual.At?.Kind.Should().Be(DateTimeKind.Utc);
                if (reader.Type is { } type && campaign.Dispatch.TryGetValue(type, out var compiled) && reader.AttributesError is null)
                {
                    JsonElement? attributes = root.TryGetProperty("attributes", out var element) && element.ValueKind == JsonValueKind.Object ? element : null;
                    var source = new JsonAttributeSource(attributes);
                    foreach (var attribute in compiled.Symbol.Attributes)
                    {
                        var present = source.TryRead(attribute, out var value, out var error);
                        error.Should().BeNull("the fast reader gives up on a value it cannot convert, so {0} has none: {1}", attribute.Name, text);
                        reader.HasValue(attribute.Slot).Should().Be(present, "attribute {0} of {1}", attribute.Name, text);
                        if (present)
                        {
                            Describe(values[attribute.Slot]).Should().Be(Describe(value), "attribute {0} of {1}", attribute.Name, text);
                        }
                    }
                }
            }

            reader.Clear();
            Array.Clear(values);
        }

        taken.Should().BeGreaterThan(2000, "most lines should take the fast path");
        mutatedTaken.Should().BePositive("some mutations (repeats in other objects, nulls, undeclared primitives) keep the common shape");
    }

    [Fact]
    public void Common_timestamps_are_read_as_DateTimeOffset_reads_them()
    {
        var random = new Random(11);
        var checkedCount = 0;
        for (var i = 0; i < 20000; i++)
        {
            var year = random.Next(8) == 0 ? Pick(random, [1, 2, 9998, 9999]) : random.Next(1, 10000);
            var month = random.Next(1, 13);
            var day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}T{random.Next(24):D2}:{random.Next(60):D2}:{random.Next(60):D2}"));
            var digits = random.Next(9);
            if (digits > 0)
            {
                text.Append('.').Append(string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10)))));
            }

            text.Append(random.Next(4) switch
            {
                0 => "Z",
                1 => "",
                _ => string.Create(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(16):D2}:{Pick(random, [0, 30, 45, 59, 60])}"),
            });
            var value = text.ToString();
            var utf8 = Encoding.UTF8.GetBytes(value);
            if (EventTimestamp.TryParseCommon(utf8, out var fast))
            {
                checkedCount++;
                EventTimestamp.TryParse(value, out var reference).Should().BeTrue(value);
                fast.Ticks.Should().Be(reference.Ticks, value);
                fast.Kind.Should().Be(DateTimeKind.Utc);
            }
        }

        checkedCount.Should().BeGreaterThan(10000);
        EventTimestamp.TryParseCommon("2026-03-02T10:00:00Z"u8, out _).Should().BeTrue("the common form takes the fast path");
        EventTimestamp.TryParseCommon("2026-03-02T10:00:00.1234567+05:30"u8, out _).Should().BeTrue();
    }

    [Fact]
    public void Invalid_text_is_rejected_on_every_way_in_never_thrown()
    {
        var engine = new CampaignEngine(CampaignRunner.Compile(Campaign));
        var outcomes = new List<Outcome>();
        string[] lines =
        [
            """{"\ud800":1}""",
            """{"id":"\udc00","type":"order.placed"}""",
            """{"id":"e-1","type":"order.placed","at":"2026-03-02T10:00:00Z","actor":"\ud800"}""",
            """{"id":"e-1","type":"review.posted","at":"2026-03-02T10:00:00Z","actor":"u-1","attributes":{"rating":1,"text":"\ud800"}}""",
        ];
        foreach (var line in lines)
        {
            engine.ProcessJson(Encoding.UTF8.GetBytes(line), outcomes);
            engine.ProcessJson(line, outcomes);
        }

        engine.ProcessJson("{\"id\":\"e-1\",\"actor\":\"u-\ud800\"}", outcomes);
        engine.ProcessJson([.. "{\"id\":\"e-"u8, 0xFF, .. "\"}"u8], outcomes);
        outcomes.Select(o => o.ToJson()).Should().Equal(
            """{"kind":"rejected","event":null,"reason":"the line is not valid JSON: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate"}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid JSON: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate"}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid JSON: Cannot read invalid UTF-16 JSON text as string"}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid JSON: Cannot read invalid UTF-16 JSON text as string"}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid JSON: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate"}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid JSON: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate"}""",
            """{"kind":"rejected","event":"e-1","reason":"attribute 'text' cannot be read: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate"}""",
            """{"kind":"rejected","event":"e-1","reason":"attribute 'text' cannot be read: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate"}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid UTF-16 (it holds half a surrogate pair)"}""",
            """{"kind":"rejected","event":null,"reason":"the line is not valid UTF-8"}""");
        engine.GetParticipant("u-1").Should().BeNull("no rejected line changes anything");
    }

    [Fact]
    public void The_line_limit_counts_characters_for_bytes_as_for_strings()
    {
        var engine = new CampaignEngine(CampaignRunner.Compile(Campaign), options: new EngineOptions { MaxEventLineLength = 60 });
        var outcomes = new List<Outcome>();

        // 60 characters in 86 bytes: within the limit either way in; one more character is past it either way.
        const string Prefix = "{\"id\":\"e-1\",\"type\":\"x\",\"actor\":\"";
        var wide = Prefix + new string('ü', 60 - Prefix.Length - 2) + "\"}";
        wide.Length.Should().Be(60);
        engine.ProcessJson(Encoding.UTF8.GetBytes(wide), outcomes);
        engine.ProcessJson(wide, outcomes);
        outcomes.Should().BeEmpty();
        engine.ProcessJson(Encoding.UTF8.GetBytes(wide + " "), outcomes);
        engine.ProcessJson(wide + " ", outcomes);
        outcomes.OfType<RejectedOutcome>().Select(o => o.Reason).Should().Equal(
            "the line is 61 characters long, more than the limit of 60",
            "the line is 61 characters long, more than the limit of 60");
    }

    private static string State(CampaignEngine engine, CompiledCampaign campaign)
    {
        using var stream = new MemoryStream();
        ((InMemoryParticipantStore)engine.Store).WriteTo(stream, campaign);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The runtime type and the exact value: a decimal keeps its scale, a list its items.
    private static string Describe(object? value) => value switch
    {
        null => "null",
        decimal d => "decimal " + d.ToString(CultureInfo.InvariantCulture),
        string[] list => "list " + list.Length.ToString(CultureInfo.InvariantCulture) + ": " + string.Join("\u0001", list),
        AttributeAssignments assignments => "assignments " + string.Join("\u0002", assignments.Items.Select(i => i.Attribute.Name + "=" + Describe(i.Value))),
        _ => value.GetType().Name + " " + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
