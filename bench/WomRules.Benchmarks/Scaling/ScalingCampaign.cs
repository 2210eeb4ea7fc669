using System.Globalization;
using System.Text;

namespace WomRules.Benchmarks.Scaling;

/// <summary>
/// Generates a campaign of N rules over 50 event types. The measured type <c>t00</c> always has the same
/// <see cref="OwnRules"/> rules; the other N - 5 are spread over the remaining 49 types, so a growing campaign adds
/// rules the measured events never dispatch to.
/// </summary>
internal static class ScalingCampaign
{
    public const int EventTypes = 50;
    public const int OwnRules = 5;

    public static string Yaml(int rules)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("womrules: 1");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"campaign: scaling-{rules}");
        yaml.AppendLine("events:");
        for (var t = 0; t < EventTypes; t++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  t{t:00}:");
            yaml.AppendLine("    amount: int");
            yaml.AppendLine("    total: decimal");
            yaml.AppendLine("    channel: string");
        }

        yaml.AppendLine("counters: [visits]");
        yaml.AppendLine("budget: { points: 1000000000 }");
        yaml.AppendLine("rules:");
        for (var r = 0; r < rules; r++)
        {
            // The first OwnRules rules go to t00; the rest round-robin over t01..t49.
            var type = r < OwnRules ? 0 : 1 + ((r - OwnRules) % (EventTypes - 1));
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - name: rule-{r}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    on: t{type:00}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    when: event.amount >= {r % 7} and event.total < {100 + r}.50 and event.channel in [\"web\", \"app\"] and participant.visits < {1000 + r}");
            yaml.AppendLine("    rewards:");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      - {{ points: event.amount * {1 + (r % 3)}, counter: visits }}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    limit: {{ count: {10 + r}, per: day }}");
        }

        return yaml.ToString();
    }
}
