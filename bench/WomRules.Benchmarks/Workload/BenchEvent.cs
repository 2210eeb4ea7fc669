namespace WomRules.Benchmarks.Workload;

/// <summary>
/// One pre-generated event of the evaluate-only campaign, typed. Every engine starts from the same events: the
/// hand-written code and RulesEngine read these fields, WomRules reads the same values laid out in its slots.
/// </summary>
public sealed class BenchEvent
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required DateTime At { get; init; }

    public required int ActorIndex { get; init; }

    /// <summary>-1 when the event has no referrer.</summary>
    public required int ReferrerIndex { get; init; }

    public required string Actor { get; init; }

    /// <summary>Empty when the event has no referrer, as in WomRules.</summary>
    public required string Referrer { get; init; }

    public bool HasReferrer => Referrer.Length != 0;

    public decimal OrderTotal { get; init; }

    public long Items { get; init; }

    public string Channel { get; init; } = "";

    public bool FirstOrder { get; init; }

    public long Rating { get; init; }

    public string Text { get; init; } = "";

    public bool Incentivized { get; init; }

    public string Relationship { get; init; } = "customer";

    public bool Verified { get; init; }

    public string Network { get; init; } = "";

    public long Reach { get; init; }

    public bool Paid { get; init; }

    public long Impact { get; init; }

    /// <summary>Writes the event as one JSON object, a line of an events file, under <paramref name="id"/>.</summary>
    public void WriteJson(System.Text.Json.Utf8JsonWriter writer, string id)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("type", Type);
        writer.WriteString("at", At);
        writer.WriteString("actor", Actor);
        if (HasReferrer)
        {
            writer.WriteString("referrer", Referrer);
        }

        writer.WriteStartObject("attributes");
        foreach (var (name, value) in Attributes())
        {
            switch (value)
            {
                case decimal d: writer.WriteNumber(name, d); break;
                case long l: writer.WriteNumber(name, l); break;
                case bool b: writer.WriteBoolean(name, b); break;
                default: writer.WriteString(name, (string?)value); break;
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The attributes of the event's type by name, as a host would pass them in an EngagementEvent.</summary>
    public Dictionary<string, object?> Attributes() => Type switch
    {
        "purchase.completed" => new() { ["order_total"] = OrderTotal, ["items"] = Items, ["channel"] = Channel, ["first_order"] = FirstOrder },
        "referral.converted" => new() { ["order_total"] = OrderTotal },
        "review.posted" => new() { ["rating"] = Rating, ["text"] = Text, ["incentivized"] = Incentivized, ["relationship"] = Relationship, ["verified"] = Verified },
        "social.shared" => new() { ["network"] = Network, ["text"] = Text, ["reach"] = Reach, ["relationship"] = Relationship, ["paid"] = Paid },
        "suggestion.adopted" => new() { ["impact"] = Impact },
        _ => [],
    };
}
