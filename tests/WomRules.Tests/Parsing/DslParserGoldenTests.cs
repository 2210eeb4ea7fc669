using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WomRules.Diagnostics;
using WomRules.Parsing;
using WomRules.Syntax;
using WomRules.Tests.Support;
using WomRules.Text;

namespace WomRules.Tests.Parsing;

/// <summary>
/// A behaviour lock on the DSL grammar for work on its structure (speed): a few hundred seeded mutations of a campaign
/// that uses every declaration and clause (a word dropped, swapped for a keyword, a character inserted…), each with its
/// diagnostics (ids, spans, messages with the expected tokens) and a digest of its full syntax tree (node kinds,
/// token texts, spans, literal values), compared with a golden file written before the grammar was restructured.
/// UPDATE_SNAPSHOTS=1 rewrites it.
/// </summary>
public sealed class DslParserGoldenTests
{
    private static readonly string GoldenFile = Path.Combine(RepositoryPaths.Root, "tests", "WomRules.Tests", "Parsing", "dsl-golden", "mutations.txt");

    private const string Campaign =
        """
        # header
        campaign spring-referral
        description "Refer a friend"
        active from 2026-03-01 until 2026-07-01
        event referral.converted
          order_total: decimal
          tags: list = ["#a", b]
        participant
          country: string = ""
        counters referrals, adopted
        tier silver
          when participant.lifetime_points >= 500
          privileges free_shipping, early_access
        budget 1000 points, 50.00 credit
        disclosure ftc
          on referral.converted
          applies event.order_total > 1
          require discloses(event.referrer)
          action withhold
          message 'Say it: #ad'
        rule double-sided on referral.converted
          priority -3
          when event.order_total >= 25 and (event.tags contains "#a"
            or len(event.tags) > 2)
          reward referrer min(event.order_total * 2, 500) points, counter referrals by 2
          reward actor if event.order_total > 100 then 5.00 else 1.50 credit, badge ambassador
          reward to participant.friend points 10, alert big-spender
          stop
          limit 3 per week of referrer
        rule code on referral.converted
          lang csharp
          when `event.order_total > 1m`
          reward ``2 * 3`` points
        """;

    private static readonly string[] Words =
    [
        "rule", "reward", "when", "limit", "on", "lang", "priority", "stop", "points", "credit", "badge", "alert", "counter", "by",
        "to", "actor", "referrer", "per", "of", "event", "tier", "campaign", ",", "(", ")", "[", "]", "\"", "'", "`", ":", "=", "-", "5",
    ];

    // Lines whose first keyword matches one alternative that then fails, where a later alternative (an amount with a
    // unit) still matches or gets further; and lines that match no alternative, whose error names them all.
    private static readonly string[] Replacements =
    [
        "  reward badge (3) points", "  reward badge", "  reward counter (x) credit", "  reward points", "  reward alert - 1 credit",
        "  reward by", "  reward by 2 points", "  reward 5 points, badge", "  reward 5 points, badge (x) credit", "  reward credit, 2",
        "  whenever x", "  limit", "  limit x per", "  stop yes no", "  on", "  lang", "  priority", "  when", "  reward", "rule",
        "rule (x)", "tier", "event", "disclosure x\n  on", "participant x", "counters", "budget 5", "active", "campaign",
    ];

    public static IEnumerable<string> Cases()
    {
        yield return Campaign;
        var lines = Campaign.Split('\n');
        foreach (var replacement in Replacements)
        {
            var copy = (string[])lines.Clone();
            copy[replacement.StartsWith(' ') ? 25 : 21] = replacement;
            yield return string.Join('\n', copy);
        }

        var random = new Random(20261124);
        for (var k = 0; k < 400; k++)
        {
            var copy = (string[])lines.Clone();
            var line = random.Next(copy.Length);
            var tokens = copy[line].Split(' ');
            var t = random.Next(tokens.Length);
            switch (random.Next(5))
            {
                case 0: tokens[t] = ""; break;
                case 1: tokens[t] = Words[random.Next(Words.Length)]; break;
                case 2: tokens[t] = tokens[t] + Words[random.Next(Words.Length)]; break;
                case 3: tokens[t] = Words[random.Next(Words.Length)] + " " + tokens[t]; break;
                default: copy[line] = copy[line].Length == 0 ? "x" : copy[line][..random.Next(copy[line].Length)]; break;
            }

            if (copy[line].Length > 0 && !copy[line].EndsWith('x') && random.Next(5) != 0)
            {
                copy[line] = string.Join(' ', tokens);
            }

            yield return string.Join('\n', copy);
        }
    }

    [Fact]
    public void Diagnostics_and_trees_match_the_golden_file()
    {
        var output = new StringBuilder();
        var index = 0;
        var previous = Campaign.Split('\n');
        foreach (var text in Cases())
        {
            // Each case is written as the lines that differ from the unmutated campaign.
            var lines = text.Split('\n');
            output.Append('#').Append(index++.ToString(CultureInfo.InvariantCulture)).Append('\n');
            for (var i = 0; i < Math.Max(lines.Length, previous.Length); i++)
            {
                var line = i < lines.Length ? lines[i] : "<none>";
                if (i >= previous.Length || line != previous[i] || index == 1)
                {
                    output.Append("  ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(line).Append('\n');
                }
            }

            var source = new SourceText(text, "c.wom");
            var bag = new DiagnosticBag(source);
            var tree = DslCampaignParser.Parse(source, new ReaderLimits(), bag);
            foreach (var d in bag.ToImmutable())
            {
                output.Append("  ").Append(d.Id).Append(' ').Append(d.Span.ToString()).Append(' ').Append(d.Message).Append('\n');
            }

            output.Append("  tree ").Append(tree is null ? "null" : Digest(tree)).Append('\n');
        }

        Snapshots.MatchFile(output.ToString(), GoldenFile);
    }

    private static string Digest(SyntaxNode tree)
    {
        var dump = new StringBuilder();
        Dump(tree, dump);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dump.ToString())))[..16];
    }

    private static void Dump(SyntaxNode node, StringBuilder dump)
    {
        dump.Append(node.GetType().Name).Append(node.Span.ToString());
        if (node is SyntaxToken t)
        {
            dump.Append('\'').Append(t.Text).Append('\'');
        }

        if (node is LiteralExpressionSyntax l)
        {
            dump.Append('<').Append(l.Value.GetType().Name).Append(':').Append(Convert.ToString(l.Value, CultureInfo.InvariantCulture)).Append('>');
        }

        dump.Append('(');
        foreach (var child in node.Children)
        {
            Dump(child, dump);
        }

        dump.Append(')');
    }
}
