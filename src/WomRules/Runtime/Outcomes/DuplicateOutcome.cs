using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>An event whose id was seen before; nothing changed.</summary>
public sealed record DuplicateOutcome : Outcome
{
    internal DuplicateOutcome(string eventId)
        : base(eventId)
    {
    }

    /// <inheritdoc />
    public override string Kind => "duplicate";

    private protected override void WriteFields(Utf8JsonWriter writer)
    {
    }
}
