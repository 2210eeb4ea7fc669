using System.Globalization;
using System.Text;
using WomRules.Binding;
using WomRules.Emit;
using WomRules.Runtime;
using WomRules.Tests.Support;
using ValueType = WomRules.Binding.ValueType;

namespace WomRules.Tests.Examples;

/// <summary>
/// Property: on randomly generated events (valid, mistyped, duplicated, out of window), the compiled delegates and
/// the tree-walking reference evaluator give identical outcomes and identical final state. The events include
/// reversals (spec v1.1 §2) of earlier events, of unknown ones and of reversals. Seeds are fixed, so a
/// failure reproduces; the seed is in the test name.
/// </summary>
public sealed class EvaluatorAgreementPropertyTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in RepositoryPaths.ExampleNames)
        {
            foreach (var seed in new[] { 1, 2, 3, 42, 2026 })
            {
                data.Add(name, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compiled_and_reference_agree_on_random_events(string example, int seed)
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, example, "campaign.yaml"));
        var compiled = CampaignRunner.Compile(yaml, EvaluatorKind.Compiled);
        var reference = CampaignRunner.Compile(yaml, EvaluatorKind.Reference);
        var a = new CampaignEngine(compiled);
        var b = new CampaignEngine(reference);
        var random = new Random(seed);
        var fired = 0;
        var reversed = 0;
        foreach (var line in Generate(compiled.Bound, random, 400))
        {
            var x = a.ProcessJson(line).Select(o => o.ToJson()).ToList();
            var y = b.ProcessJson(line).Select(o => o.ToJson()).ToList();
            y.Should().Equal(x, "both evaluators must agree on " + line);
            fired += x.Count(o => o.Contains("\"kind\":\"reward\"", StringComparison.Ordinal));
            reversed += x.Count(o => o.Contains("\"kind\":\"reversed\"", StringComparison.Ordinal));
        }

        reversed.Should().BePositive("the generator should produce reversals that take something back");

        fired.Should().BePositive("the generator should produce events that make rules fire, or the property proves little");
        var ids = Enumerable.Range(0, 12).Select(i => $"u-{i}");
        foreach (var id in ids)
        {
            var p = a.GetParticipant(id);
            var q = b.GetParticipant(id);
            (q is null ? "" : CampaignRunner.StateText(q)).Should().Be(p is null ? "" : CampaignRunner.StateText(p));
        }
    }

    private static IEnumerable<string> Generate(BoundCampaign campaign, Random random, int count)
    {
        var types = campaign.EventTypes.Values.ToArray();
        var from = campaign.ActiveFrom ?? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var span = (campaign.ActiveUntil ?? from.AddDays(120)) - from;
        var time = from;
        for (var i = 0; i < count; i++)
        {
            var type = types[random.Next(types.Length)];
            time = time.AddMinutes(random.Next(1, (int)Math.Max(2, span.TotalMinutes / count * 2)));
            var at = random.Next(40) == 0 ? from.AddDays(-3) : time; // now and then, outside the window
            var id = random.Next(15) == 0 && i > 0 ? $"e-{random.Next(i)}" : $"e-{i}"; // now and then, a duplicate
            var actor = $"u-{random.Next(12)}";
            var referrer = random.Next(3) == 0 ? null : random.Next(8) == 0 ? actor : $"u-{random.Next(12)}";
            var attributes = new StringBuilder("{");
            foreach (var attribute in type.Attributes)
            {
                if (random.Next(25) == 0)
                {
                    continue; // sometimes missing
                }

                if (attributes.Length > 1)
                {
                    attributes.Append(", ");
                }

                var value = type.IsReversal && attribute.Name == "target"
                    ? $"\"e-{random.Next(i + 1)}\"" // an earlier event (or a duplicate id, or itself)
                    : random.Next(30) == 0 ? "\"wrong\""
                    : attribute.Type == ValueType.Assignments ? Assignments(attribute, random)
                    : Value(attribute.Type, random);
                attributes.Append('"').Append(attribute.Name).Append("\": ").Append(value);
            }

            attributes.Append('}');
            var referrerPart = referrer is null ? "" : $", \"referrer\": \"{referrer}\"";
            yield return $"{{\"id\": \"{id}\", \"type\": \"{type.Name}\", \"at\": \"{at:yyyy-MM-ddTHH:mm:ssZ}\", \"actor\": \"{actor}\"{referrerPart}, \"attributes\": {attributes}}}";
        }
    }

    private static readonly string[] Texts =
    [
        "Love it #ad", "Great product", "#AD honest review", "what an #adventure", "i work for Acme and love it",
        "Paid partnership with Acme", "好用广告", "meh", "terrible, broke in a day", "#sponsored: nice", "#collab vibes",
        "https://shop.example.com/p/123", "http://other.example.org", "employee", "influencer", "customer", "affiliate",
    ];

    /// <summary>A participant.updated's object (spec v1.1 §5): some of the declared participant attributes, now and then a wrong one.</summary>
    private static string Assignments(AttributeSymbol attribute, Random random)
    {
        var members = attribute.Members!.Values.OrderBy(m => m.Slot).Where(_ => random.Next(2) == 0)
            .Select(m => $"\"{m.Name}\": {(random.Next(20) == 0 ? "\"wrong\"" : Value(m.Type, random))}");
        return "{" + string.Join(", ", members) + "}";
    }

    private static string Value(ValueType type, Random random) => type switch
    {
        ValueType.Int => random.Next(-2, 50) switch { var n when n > 40 => (n * 997).ToString(CultureInfo.InvariantCulture), var n => n.ToString(CultureInfo.InvariantCulture) },
        ValueType.Decimal => (random.Next(0, 20000) / 100m).ToString(CultureInfo.InvariantCulture),
        ValueType.Bool => random.Next(2) == 0 ? "true" : "false",
        ValueType.String => "\"" + Texts[random.Next(Texts.Length)] + "\"",
        _ => "[" + string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => "\"" + Texts[random.Next(Texts.Length)] + "\"")) + "]",
    };
}
