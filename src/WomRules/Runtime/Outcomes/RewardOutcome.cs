using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>One effect of a firing rule on one participant: points, credit, a badge, a counter step or an alert.</summary>
public sealed record RewardOutcome : Outcome
{
    internal RewardOutcome(string eventId, string rule, string participant)
        : base(eventId)
    {
        Rule = rule;
        Participant = participant;
    }

    /// <inheritdoc />
    public override string Kind => "reward";

    /// <summary>The rule that fired.</summary>
    public string Rule { get; }

    /// <summary>The participant who received the effect.</summary>
    public string Participant { get; }

    /// <summary>Points granted, when this is a points reward.</summary>
    public long? Points { get; init; }

    /// <summary>Credit granted, when this is a credit reward.</summary>
    public decimal? Credit { get; init; }

    /// <summary>The badge granted, when this is a badge reward.</summary>
    public string? Badge { get; init; }

    /// <summary>The counter stepped, when this is a counter reward; <see cref="By"/> says by how much.</summary>
    public string? Counter { get; init; }

    /// <summary>The step of <see cref="Counter"/>.</summary>
    public long? By { get; init; }

    /// <summary>The alert raised, when this is an alert.</summary>
    public string? Alert { get; init; }

    /// <summary>When held points or credit become available (spec v1.1 §3), in UTC; null when granted at once.</summary>
    public DateTime? PendingUntil { get; init; }

    /// <summary>The alert's severity (<c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>), when this is an alert (spec v1.1 §6).</summary>
    public string? Severity { get; init; }

    /// <summary>
    /// The alert's data in the order the campaign wrote it, when it has any: values are <see cref="long"/>,
    /// <see cref="decimal"/>, <see cref="bool"/>, <see cref="string"/> or a list of strings (a tier by its name).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object>>? Data { get; init; }

    private protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("rule", Rule);
        writer.WriteString("participant", Participant);
        OutcomeJson.WriteAmounts(writer, Points, Credit, Badge, Counter, By);

        if (Alert is not null)
        {
            writer.WriteString("alert", Alert);
            writer.WriteString("severity", Severity ?? "medium");
            if (Data is { } data)
            {
                writer.WriteStartObject("data");
                foreach (var (key, value) in data)
                {
                    writer.WritePropertyName(key);
                    OutcomeJson.WriteValue(writer, value);
                }

                writer.WriteEndObject();
            }
        }

        if (PendingUntil is { } until)
        {
            writer.WriteString("pending_until", TimestampText.Format(until));
        }
    }
}
