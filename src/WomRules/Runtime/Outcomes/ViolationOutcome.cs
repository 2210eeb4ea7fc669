using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>An endorsement that had to disclose a connection and did not.</summary>
public sealed record ViolationOutcome : Outcome
{
    internal ViolationOutcome(string eventId, string rule, string participant, string action, string? message)
        : base(eventId)
    {
        Rule = rule;
        Participant = participant;
        Action = action;
        Message = message;
    }

    /// <inheritdoc />
    public override string Kind => "violation";

    /// <summary>The disclosure's name.</summary>
    public string Rule { get; }

    /// <summary>The actor whose endorsement violated it.</summary>
    public string Participant { get; }

    /// <summary><c>withhold</c> or <c>flag</c>.</summary>
    public string Action { get; }

    /// <summary>The disclosure's message, when it has one.</summary>
    public string? Message { get; }

    private protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("rule", Rule);
        writer.WriteString("participant", Participant);
        writer.WriteString("action", Action);
        if (Message is not null)
        {
            writer.WriteString("message", Message);
        }
    }
}
