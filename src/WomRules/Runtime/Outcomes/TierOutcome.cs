using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>A participant moved up a tier.</summary>
public sealed record TierOutcome : Outcome
{
    internal TierOutcome(string? eventId, string participant, string from, string to)
        : base(eventId)
    {
        Participant = participant;
        From = from;
        To = to;
    }

    /// <inheritdoc />
    public override string Kind => "tier";

    /// <summary>The participant whose tier changed.</summary>
    public string Participant { get; }

    /// <summary>The tier before.</summary>
    public string From { get; }

    /// <summary>The tier after.</summary>
    public string To { get; }

    /// <summary>When a time-driven effect (spec v1.1 §1) moved the tier, its due time (UTC); the event id is then null.</summary>
    public DateTime? Due { get; init; }

    private protected override void WriteFields(Utf8JsonWriter writer)
    {
        if (Due is { } due)
        {
            writer.WriteString("due", TimestampText.Format(due));
        }

        writer.WriteString("participant", Participant);
        writer.WriteString("from", From);
        writer.WriteString("to", To);
    }
}
