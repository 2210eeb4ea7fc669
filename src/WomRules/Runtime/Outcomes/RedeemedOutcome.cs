using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>Points taken off a participant's balance by a <c>points.redeemed</c> event.</summary>
public sealed record RedeemedOutcome : Outcome
{
    internal RedeemedOutcome(string eventId, string participant, long points)
        : base(eventId)
    {
        Participant = participant;
        Points = points;
    }

    /// <inheritdoc />
    public override string Kind => "redeemed";

    /// <summary>Whose points were redeemed.</summary>
    public string Participant { get; }

    /// <summary>How many.</summary>
    public long Points { get; }

    private protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("participant", Participant);
        writer.WriteNumber("points", Points);
    }
}
