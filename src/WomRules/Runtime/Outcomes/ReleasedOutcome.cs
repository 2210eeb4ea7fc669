using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// A pending reward became available (spec v1.1 §3): a time-driven outcome, so <see cref="Outcome.EventId"/> is null,
/// with its <see cref="Due"/> time and the <see cref="Source"/> event that granted it. One for the points, one for the
/// credit, points first.
/// </summary>
public sealed record ReleasedOutcome : Outcome
{
    internal ReleasedOutcome(DateTime due, string source, string rule, string participant)
        : base((string?)null)
    {
        Due = due;
        Source = source;
        Rule = rule;
        Participant = participant;
    }

    /// <inheritdoc />
    public override string Kind => "released";

    /// <summary>When the hold ended (UTC): the granting event's <c>at</c> plus the reward's <c>pending</c>.</summary>
    public DateTime Due { get; }

    /// <summary>The id of the event that granted it.</summary>
    public string Source { get; }

    /// <summary>The rule that granted it.</summary>
    public string Rule { get; }

    /// <summary>Whose balance it joined.</summary>
    public string Participant { get; }

    /// <summary>Points released, when this is a points grant.</summary>
    public long? Points { get; init; }

    /// <summary>Credit released, when this is a credit grant.</summary>
    public decimal? Credit { get; init; }

    private protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("due", TimestampText.Format(Due));
        writer.WriteString("source", Source);
        writer.WriteString("rule", Rule);
        writer.WriteString("participant", Participant);
        if (Points is { } points)
        {
            writer.WriteNumber("points", points);
        }

        if (Credit is { } credit)
        {
            writer.WriteString("credit", OutcomeJson.FormatDecimal(credit));
        }
    }
}
