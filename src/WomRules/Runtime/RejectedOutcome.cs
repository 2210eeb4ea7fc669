using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>An event that was malformed or broke the schema; nothing changed, and its id was not recorded.</summary>
public sealed record RejectedOutcome : Outcome
{
    internal RejectedOutcome(string? eventId, string reason)
        : base(eventId)
    {
        Reason = reason;
    }

    /// <inheritdoc />
    public override string Kind => "rejected";

    /// <summary>Why, in words.</summary>
    public string Reason { get; }

    private protected override void WriteFields(Utf8JsonWriter writer) => writer.WriteString("reason", Reason);
}
