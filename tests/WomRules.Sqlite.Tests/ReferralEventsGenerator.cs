using System.Globalization;
using System.Text;

namespace WomRules.Sqlite.Tests;

/// <summary>
/// Seeded events for the referral example: referrals among a few thousand participants (limits, budget, tiers, pending
/// credit, big-order bonuses), account verifications with shared device ids (identity records, spec v1.1 §8), and
/// reversals of earlier referrals (the ledger, spec v1.1 §2). Every line is well formed with a new id and a time no
/// earlier than the one before, inside the campaign's active window,
/// so every line is applied: a replayed prefix is all duplicates.
/// </summary>
internal static class ReferralEventsGenerator
{
    public static string[] Generate(int seed, int count)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        // Every event within the campaign's active window (March to June 2026), however many there are.
        var step = Math.Max(1, 120 * 86400 / count);
        var referrals = new List<int>();
        var reversed = new HashSet<int>();
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            var at = start.AddSeconds((long)i * step).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var roll = random.Next(100);
            var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{{\"id\": \"e-{i}\", \"at\": \"{at}\", ");
            if (roll < 8 && referrals.Count > 0 && referrals[random.Next(referrals.Count)] is var target && reversed.Add(target))
            {
                line.Append(CultureInfo.InvariantCulture, $"\"type\": \"event.reversed\", \"actor\": \"shop\", \"attributes\": {{\"target\": \"e-{target}\", \"reason\": \"refund\"}}}}");
            }
            else if (roll < 30)
            {
                line.Append(CultureInfo.InvariantCulture, $"\"type\": \"account.verified\", \"actor\": \"u{random.Next(3000)}\", \"attributes\": {{\"device_id\": \"d{random.Next(800)}\"}}}}");
            }
            else
            {
                referrals.Add(i);
                var total = (random.Next(500, 30000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
                var first = random.Next(10) > 0 ? "true" : "false";
                line.Append(CultureInfo.InvariantCulture,
                    $"\"type\": \"referral.converted\", \"actor\": \"u{random.Next(3000)}\", \"referrer\": \"u{random.Next(400)}\", \"attributes\": {{\"order_total\": {total}, \"first_order\": {first}, \"device_id\": \"d{random.Next(800)}\"}}}}");
            }

            lines[i] = line.ToString();
        }

        return lines;
    }
}
