using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>Points given back by reversing a <c>points.redeemed</c> (spec v1.1 §2): the order paid with them was cancelled.</summary>
public sealed record RestoredOutcome : Outcome
{
    internal RestoredOutcome(string eventId, string target, string participant, long points)
        : base(eventId)
    {
        Target = target;
        Participant = participant;
        Points = points;
    }

    /// <inheritdoc />
    public override string Kind => "restored";

    /// <summary>The id of the redemption reversed.</summary>
    public string Target { get; }

    /// <summary>Whose points were given back.</summary>
    public string Participant { get; }

    /// <summary>How many.</summary>
    public long Points { get; }

    private protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("target", Target);
        writer.WriteString("participant", Participant);
        writer.WriteNumber("points", Points);
    }
}
