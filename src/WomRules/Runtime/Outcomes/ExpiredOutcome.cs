using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// What was left of a points lot expired (spec v1.1 §4): a time-driven outcome, so <see cref="Outcome.EventId"/> is
/// null, with the lot's expiry as <see cref="Due"/>.
/// </summary>
public sealed record ExpiredOutcome : Outcome
{
    internal ExpiredOutcome(DateTime due, string participant, long points)
        : base((string?)null)
    {
        Due = due;
        Participant = participant;
        Points = points;
    }

    /// <inheritdoc />
    public override string Kind => "expired";

    /// <summary>When the lot expired (UTC).</summary>
    public DateTime Due { get; }

    /// <summary>Whose points expired.</summary>
    public string Participant { get; }

    /// <summary>How many points were deducted.</summary>
    public long Points { get; }

    private protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("due", TimestampText.Format(Due));
        writer.WriteString("participant", Participant);
        writer.WriteNumber("points", Points);
    }
}
