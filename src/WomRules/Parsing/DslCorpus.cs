using System.Globalization;
using System.Text;

namespace WomRules.Parsing;

/// <summary>
/// Writes big, valid DSL campaigns for measuring the parser (the benchmark project calls it; a test checks it compiles).
/// Deterministic for a seed; rules vary their event type, condition, rewards and limits the way real campaigns do.
/// </summary>
internal static class DslCorpus
{
    private static readonly string[] Windows = ["day", "week", "month", "year", "campaign"];

    public static string Generate(int rules, int seed = 1)
    {
        var random = new Random(seed);
        var b = new StringBuilder(rules * 200);
        b.Append("# A generated campaign of ").Append(rules.ToString(CultureInfo.InvariantCulture)).Append(" rules.\n");
        b.Append("campaign corpus-").Append(rules.ToString(CultureInfo.InvariantCulture)).Append('\n');
        b.Append("description \"Generated for parse-speed measurements.\"\n");
        b.Append("active from 2026-01-01 until 2027-01-01\n\n");
        for (var t = 0; t < 5; t++)
        {
            b.Append("event type").Append(t).Append(".happened\n");
            b.Append("  amount: int\n  total: decimal\n  text: string\n  flagged: bool = false\n  relationship: string = customer\n");
        }

        b.Append("\ncounters shares, reviews, referrals\n\n");
        b.Append("tier bronze\ntier silver\n  when participant.lifetime_points >= 500\n  privileges free_shipping\n");
        b.Append("tier gold\n  when participant.lifetime_points >= 2000 or participant.referrals >= 10\n  privileges free_shipping, early_access\n\n");
        b.Append("budget 100000000 points, 5000000.00 credit\n\n");
        b.Append("disclosure connected\n  on type0.happened, type1.happened\n  applies event.flagged or event.relationship in [\"employee\", \"influencer\"]\n");
        b.Append("  require discloses(event.text, 80)\n  action withhold\n  message \"Connected posts must disclose the connection.\"\n\n");
        for (var i = 0; i < rules; i++)
        {
            var type = random.Next(5);
            b.Append("# rule ").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
            b.Append("rule rule-").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" on type").Append(type).Append(".happened\n");
            if (random.Next(4) == 0)
            {
                b.Append("  priority ").Append(random.Next(-10, 10).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            b.Append("  when event.amount >= ").Append(random.Next(100).ToString(CultureInfo.InvariantCulture))
                .Append(" and (event.text contains \"#").Append(i % 7).Append("\" or len(event.text) > ").Append(random.Next(5, 50).ToString(CultureInfo.InvariantCulture)).Append(")\n");
            if (random.Next(2) == 0)
            {
                b.Append("    and not event.flagged and participant.tier >= 'silver'\n");
            }

            b.Append("  reward ").Append(random.Next(3) == 0 ? "referrer " : "").Append("min(event.amount * ").Append(random.Next(1, 5).ToString(CultureInfo.InvariantCulture))
                .Append(", 500) points, counter ").Append(random.Next(3) switch { 0 => "shares", 1 => "reviews", _ => "referrals" }).Append('\n');
            if (random.Next(3) == 0)
            {
                b.Append("  reward actor if event.total > 100 then 5.00 else 1.50 credit, badge badge-").Append(i % 13).Append('\n');
            }

            b.Append("  limit ").Append(random.Next(1, 10).ToString(CultureInfo.InvariantCulture)).Append(" per ").Append(Windows[random.Next(Windows.Length)]).Append("\n\n");
        }

        return b.ToString();
    }
}
