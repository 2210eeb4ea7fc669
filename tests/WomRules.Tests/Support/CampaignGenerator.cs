using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WomRules.Text;

namespace WomRules.Tests.Support;

/// <summary>
/// A seeded random campaign in YAML, with events to run through it: every declaration kind, every effect, quoting
/// that needs care (quotes, '#', ': ', non-ASCII), comments in several places and, optionally, C# rules. The same seed
/// always gives the same campaign, so a failure names its seed and can be replayed. With <c>hostile</c>, strings,
/// messages, defaults, event texts and comments also hold what one syntax reads as a line break or a control and the
/// other may not (issue 10, defect 8): U+2028, U+2029, U+0085, C0 and C1 controls, DEL, a BOM, bidi controls, and text
/// shaped like a key after them. Strings carry them as YAML escapes; comments, which cannot escape, carry the ones a
/// file may hold raw (tab, zero-width and other invisible characters).
/// </summary>
internal sealed class CampaignGenerator(int seed, bool withCSharp = false, bool hostile = false)
{
    private static readonly string[] Texts = ["Love it #ad", "abc", "great review, honest", "I work for them", "广告 new", "meh"];
    private static readonly string[] Words = ["alpha", "beta", "gold star", "it's \"quoted\"", "a # not a comment", "key: value", "多语言"];

    /// <summary>Breaks and controls in string values, each followed by text that would be a key if the break were live.</summary>
    private static readonly string[] HostileWords =
    [
        "x\u2028active: { from: 2030-01-01 }", "x\u2029budget: { points: 0 }", "x\u0085rules: []", "esc\u001b[2J\u001b[Hclear", "nl\nactive: { from: 2030-01-01 }",
        "cr\r# not a comment", "del\u007f c1\u0090 bom\ufeff", "bidi \u202eevil\u202c and \u2066isolate\u2069", "tab\tkey: value", "ok \u200b zero width",
    ];

    private static readonly string[] HostileTexts = ["Love it #ad\u2028", "a\u2029b", "\u0085#ad", "\u202e#ad", "I work for them\u001b", "abc\n"];

    private static readonly string[] HostileComments = ["\tactive: { from: 2030-01-01 }", "zero\u200bwidth\u200d joiner", "广告\u00a0#ad", "x: y  # nested"];

    private readonly Random random = new(seed);
    private readonly List<string> eventTypes = [];
    private readonly List<string> counters = [];

    public (string Yaml, string[] Events) Generate()
    {
        var y = new StringBuilder();
        if (Chance(0.5))
        {
            y.Append("# generated campaign ").Append(seed).Append(hostile ? " " + Unescape(Pick(HostileComments)) : "").Append('\n');
        }

        y.Append("womrules: 1\ncampaign: gen-").Append(seed).Append('\n');
        if (Chance(0.6))
        {
            y.Append("description: ").Append(Quote(Word() + " campaign")).Append('\n');
        }

        if (Chance(0.5))
        {
            y.Append("active: { from: 2026-01-01").Append(Chance(0.5) ? ", until: 2027-01-01T00:00:00Z" : "").Append(" }\n");
        }

        if (Chance(0.3))
        {
            // The ids option, with a random subset of its keys (issue 10).
            var keys = new List<string>();
            if (Chance(0.6))
            {
                keys.Add("normalize: " + Pick(["none", "nfc", "nfkc"]));
            }

            if (Chance(0.6))
            {
                keys.Add("case: " + Pick(["sensitive", "insensitive"]));
            }

            if (Chance(0.5))
            {
                keys.Add("strip: [zero-width]");
            }

            y.Append("ids: { ").Append(string.Join(", ", keys)).Append(keys.Count > 0 ? " }\n" : "}\n");
        }

        // reversible_for (spec v1.1 §2) on a third of the seeds, chosen from the seed so the random stream (and every
        // other seed's campaign) stays as it was.
        if (seed % 3 == 1)
        {
            y.Append("reversible_for: ").Append(new[] { "90m", "24h", "14d", "52w" }[seed / 3 % 4]).Append('\n');
        }

        // accept_late (spec v1.1 §13) on a sixth of the seeds, chosen from the seed.
        if (seed % 6 == 5)
        {
            y.Append("accept_late: ").Append(new[] { "2d", "36h" }[seed / 6 % 2]).Append('\n');
        }

        // tiers_policy (spec v1.1 §5) on a fifth of the seeds, also chosen from the seed.
        if (seed % 5 == 2)
        {
            // With downgrade, half of them keep a tier (the other half's text stays as it was).
            y.Append("tiers_policy: { downgrade: ").Append(seed / 5 % 2 == 0 ? "true" : "false").Append(seed / 5 % 4 == 0 ? ", keep: 2d" : "").Append(" }\n");
        }

        // expiry (spec v1.1 §4) on a quarter of the seeds, likewise chosen from the seed.
        if (seed % 4 == 2)
        {
            y.Append("expiry: { points: ").Append(new[] { "90m", "3d", "1w" }[seed / 4 % 3]).Append(" }\n");
        }

        // markers (spec v1.1 §9) on a sixth of the seeds, chosen from the seed: quoting ('#', spaces, CJK) and mixed case.
        if (seed % 6 == 4)
        {
            y.Append(new[]
            {
                "markers: { add: [\"#FreeSample\", 送的], remove: [\"Sponsored By\"] }\n",
                "markers:\n  remove: [\"#AD\", 'i work for']\n",
                "markers: { add: [\"sample from\"] }\n",
            }[seed / 6 % 3]);
        }

        y.Append("\nevents:\n");
        var typeCount = random.Next(1, 4);
        for (var t = 0; t < typeCount; t++)
        {
            var type = $"t{t}.happened";
            eventTypes.Add(type);
            y.Append("  ").Append(type).Append(":").Append(Chance(0.3) ? "   # a trailing comment" + (hostile ? Unescape(Pick(HostileComments)) : "") : "").Append('\n');
            y.Append("    a: int\n    b: decimal\n");
            y.Append("    s: ").Append(Chance(0.5) ? "string" : "{ type: string, default: " + Quote(Word()) + " }").Append('\n');
            y.Append("    f: { type: bool, default: ").Append(Chance(0.5) ? "false" : "true").Append(" }\n");
            if (Chance(0.4))
            {
                y.Append("    tags: { type: list, default: [").Append(Chance(0.5) ? "\"#x\", y" : "").Append("] }\n");
            }

            // An identity signal (spec v1.1 §8) on a third of the seeds, chosen from the seed so the random stream stays as it was.
            if (HasIdentity)
            {
                y.Append("    dev: { type: string, default: \"\", identity: true }\n");
            }
        }

        if (Chance(0.5))
        {
            y.Append("\nparticipant:\n  country: { type: string, default: ").Append(Chance(0.5) ? "\"\"" : "MY").Append(" }\n");
        }

        var counterCount = random.Next(0, 3);
        if (counterCount > 0)
        {
            counters.AddRange(Enumerable.Range(0, counterCount).Select(i => $"c{i}"));
            y.Append("\ncounters: [").Append(string.Join(", ", counters)).Append("]\n");
        }

        // Named lists (spec v1.1 §11) on a quarter of the seeds, likewise.
        if (HasLists)
        {
            y.Append("\nlists:\n  words: [\"abc\", meh, \"广告\", \"#ad\"]\n  empty: []\n");
        }

        if (Chance(0.6))
        {
            y.Append("\ntiers:\n  - name: base\n  - name: silver\n    when: participant.lifetime_points >= ").Append(random.Next(10, 200)).Append('\n');
            y.Append("    privileges: [").Append(Chance(0.5) ? "free_shipping, early" : "x").Append("]\n");
            if (Chance(0.5))
            {
                y.Append("  - name: gold\n    when: participant.lifetime_points >= ").Append(random.Next(300, 900)).Append(" and participant.badges contains \"b0\"\n");
            }
        }

        if (Chance(0.6))
        {
            y.Append("\nbudget: { points: ").Append(random.Next(100, 5000)).Append(Chance(0.5) ? ", credit: 100.00" : "").Append(" }\n");
        }

        // A cap (spec v1.1 §7) on a sixth of the seeds, calendar or rolling; rule r0 names it.
        if (seed % 6 == 4)
        {
            y.Append("\ncaps:\n  shared-cap: { count: 2, per: ").Append(new[] { "month", "7d" }[seed / 6 % 2]).Append(", of: actor }\n");
        }

        if (Chance(0.5))
        {
            y.Append("\ndisclosures:\n  - name: must-disclose\n    on: [").Append(eventTypes[0]).Append("]\n");
            y.Append("    applies: event.f or event.s in [\"employee\", 'influencer']\n");
            y.Append("    require: ").Append(Chance(0.5) ? "discloses(event.s)" : Quote("discloses(event.s, [\"#ad\", \"广告\"], 40)")).Append('\n');
            y.Append("    action: ").Append(Chance(0.5) ? "withhold" : "flag").Append('\n');
            y.Append("    message: ").Append(Quote("Disclose it: say " + Word())).Append('\n');
        }

        y.Append("\nrules:\n");
        var ruleCount = random.Next(1, 7);
        for (var r = 0; r < ruleCount; r++)
        {
            Rule(y, r);
        }

        // A rule per new form, after the random ones, so that their stream is unchanged.
        if (HasIdentity)
        {
            y.Append("  - name: same-person\n    on: ").Append(eventTypes[0]).Append("\n    when: shares_identity(event.actor, event.referrer) or shares_identity(event.s, \"u1\")\n");
            y.Append("    rewards:\n      - { points: 3 }\n");
        }

        if (HasLists)
        {
            y.Append("  - name: listed\n    on: ").Append(eventTypes[^1]).Append("\n    when: event.s in lists.words or event.s contains_any lists.words or discloses(event.s, lists.words, 30)\n");
            y.Append("      or event.s in lists.empty\n    rewards:\n      - { points: 2, alert: listed }\n");
        }

        if (withCSharp)
        {
            y.Append("  - name: csharp-rule\n    on: ").Append(eventTypes[0]).Append("\n    lang: csharp\n");
            y.Append("    when: ").Append(Quote("Event.A > 1 && $\"`{Event.S}`\".Length > 2")).Append('\n');
            y.Append("    rewards:\n      - points: ").Append(Quote("Event.A * 2 + ``1``.Length")).Append('\n');
        }

        if (Chance(0.3))
        {
            y.Append("# the end\n");
        }

        return (y.ToString(), Events());
    }

    private void Rule(StringBuilder y, int index)
    {
        if (Chance(0.3))
        {
            y.Append("  # rule number ").Append(index).Append(hostile ? " " + Unescape(Pick(HostileComments)) : "").Append('\n');
        }

        y.Append("  - name: r").Append(index).Append(Chance(0.3) ? "-bonus.v2" : "").Append('\n');
        y.Append("    on: ").Append(Pick(eventTypes)).Append('\n');
        if (Chance(0.3))
        {
            y.Append("    priority: ").Append(random.Next(-5, 20)).Append('\n');
        }

        if (Chance(0.2))
        {
            y.Append("    stop: ").Append(Chance(0.7) ? "true" : "false").Append('\n');
        }

        if (Chance(0.8))
        {
            var when = Condition(2);
            y.Append("    when: ").Append(Chance(0.3) ? Quote(when) : when).Append('\n');
        }

        y.Append("    rewards:\n");
        var rewardCount = random.Next(1, 4);
        for (var i = 0; i < rewardCount; i++)
        {
            var entries = new List<string>();
            if (Chance(0.3))
            {
                entries.Add("to: " + (Chance(0.5) ? "referrer" : "actor"));
            }

            if (Chance(0.6))
            {
                entries.Add("points: " + Quote(Pick(["5", "event.a * 2", "min(event.a, 50)", "if event.f then 10 else 5", "abs(event.a) + 1", "round(event.b)", "(event.a + 3) * 2"])));
            }

            if (Chance(0.3))
            {
                entries.Add("credit: " + Quote(Pick(["1.50", "event.b", "event.b / 2", "if not event.f then 2.00 else 0.5"])));
            }

            if (Chance(0.3))
            {
                entries.Add("badge: b" + random.Next(0, 3));
            }

            if (counters.Count > 0 && Chance(0.4))
            {
                entries.Add("counter: " + Pick(counters));
                if (Chance(0.4))
                {
                    entries.Add("by: " + Quote("max(event.a, 1)"));
                }
            }

            if (entries.All(e => e.StartsWith("to:", StringComparison.Ordinal)) || Chance(0.2))
            {
                entries.Add("alert: " + Quote("alert-" + i));
            }

            // pending (spec v1.1 §3) on an entry with points or credit, chosen from the seed and the entry's place so
            // the random stream (and every campaign generated before it existed) stays as it was.
            if ((seed + i) % 5 == 0 && entries.Any(e => e.StartsWith("points:", StringComparison.Ordinal) || e.StartsWith("credit:", StringComparison.Ordinal)))
            {
                entries.Add("pending: " + new[] { "90m", "2d", "1w" }[(seed + i) / 5 % 3]);
            }

            y.Append("      - { ").Append(string.Join(", ", entries)).Append(" }\n");
        }

        if (seed % 6 == 4 && index == 0)
        {
            y.Append("    limit: shared-cap\n");
        }
        else if (Chance(0.5))
        {
            // A rolling window (spec v1.1 §7) in place of the calendar word on some seeds, keeping the random stream.
            var per = Pick(["day", "week", "month", "year", "campaign"]);
            y.Append("    limit: { count: ").Append(random.Next(1, 4)).Append(", per: ").Append(seed % 3 == 2 && per == "week" ? "36h" : per);
            y.Append(Chance(0.3) ? ", of: referrer" : "").Append(" }\n");
        }
    }

    private string Condition(int depth)
    {
        if (depth == 0 || Chance(0.4))
        {
            return Pick([
                $"event.a > {random.Next(0, 60)}", "event.b <= 12.5", "event.s contains \"a\"", "event.s starts_with 'I'", "event.f", "not event.f",
                "event.s in [\"abc\", \"meh\"]", $"participant.points >= {random.Next(0, 100)}", "len(event.s) > 3", "lower(event.s) matches '^[a-z]+$'",
                "event.referrer != event.actor", "-event.a < 0",
            ]);
        }

        return Pick(["and", "or", "paren", "not"]) switch
        {
            "and" => $"{Condition(depth - 1)} and {Condition(depth - 1)}",
            "or" => $"{Condition(depth - 1)} or {Condition(depth - 1)}",
            "paren" => $"({Condition(depth - 1)} or {Condition(depth - 1)}) and {Condition(depth - 1)}",
            _ => $"not ({Condition(depth - 1)})",
        };
    }

    private bool HasIdentity => seed % 3 == 2;

    private bool HasLists => seed % 4 == 1;

    private string[] Events()
    {
        var lines = new List<string>();
        var types = eventTypes.Append("points.redeemed").Append("undeclared.type").ToList();
        for (var i = 0; i < 40; i++)
        {
            var type = Pick(types);
            var at = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 24 * 90)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var attributes = type == "points.redeemed"
                ? $"{{\"points\": {random.Next(1, 30)}}}"
                : $"{{\"a\": {random.Next(-5, 100)}, \"b\": {(random.Next(0, 4000) / 100m).ToString(CultureInfo.InvariantCulture)}, \"s\": {JsonSerializer.Serialize(hostile && Chance(0.4) ? Unescape(Pick(HostileTexts)) : Pick(Texts))}, \"f\": {(Chance(0.5) ? "true" : "false")}}}";
            if (HasIdentity && type != "points.redeemed")
            {
                // A few devices, some empty (never a match), from the line's place: the random stream stays as it was.
                attributes = attributes[..^1] + $", \"dev\": \"{((i * 7 + seed) % 4 == 0 ? "" : "d" + ((i * 3 + seed) % 3))}\"}}";
            }

            var referrer = Chance(0.6) ? Participant() : null;
            lines.Add(CampaignRunner.Event($"e-{i % 37}", type, Participant(), attributes, referrer, at));
        }

        return [.. lines];
    }

    /// <summary>u1 to u4, sometimes spelled differently (case, fullwidth, a zero-width space), which the ids option folds together.</summary>
    private string Participant()
    {
        var n = random.Next(1, 5);
        return Chance(0.75) ? $"u{n}" : Pick([$"U{n}", $"\uFF55{n}", $"u\u200B{n}"]);
    }

    private string Word() => hostile && Chance(0.5) ? Unescape(Pick(HostileWords)) : Pick(Words);

    /// <summary>The escapes of the tables above (\\uXXXX, \\n, \\r, \\t) turned into the characters, so that the generator writes them as YAML would.</summary>
    private static string Unescape(string text) => Regex.Unescape(text);

    /// <summary>Sometimes plain, sometimes a JSON string (valid YAML double-quoted), so both scalar styles are read; always quoted when it holds a control or a break.</summary>
    private string Quote(string text) => Chance(0.5) && !text.Any(c => char.IsControl(c) || TextHazards.IsSourceHazard(c)) && !text.Contains('#', StringComparison.Ordinal) && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(',', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) && !text.Contains('[', StringComparison.Ordinal)
        && !text.StartsWith('\'') && !text.StartsWith('-') ? text : JsonSerializer.Serialize(text);

    private bool Chance(double p) => random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
