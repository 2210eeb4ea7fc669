using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>A rule whose condition held but did not fire: <c>limit</c>, <c>budget</c>, <c>withheld</c> or <c>error</c>.</summary>
public sealed record SkippedOutcome : Outcome
{
    internal SkippedOutcome(string eventId, string rule, string participant, string reason)
        : base(eventId)
    {
        Rule = rule;
        Participant = participant;
        Reason = reason;
    }

    /// <inheritdoc />
    public override string Kind => "skipped";

    /// <summary>The rule that did not fire.</summary>
    public string Rule { get; }

    /// <summary>The limit's participant for <c>limit</c>; otherwise the actor.</summary>
    public string Participant { get; }

    /// <summary><c>limit</c>, <c>budget</c>, <c>withheld</c> or <c>error</c>.</summary>
    public string Reason { get; }

    /// <summary>For <c>error</c>: a short human text saying what failed (an overflow, a division by zero); null otherwise. Written to JSON only when present.</summary>
    public string? Detail { get; internal init; }

    /// <summary>For <c>limit</c> reached through a campaign cap (spec v1.1 §7): the cap's name; null otherwise. Written to JSON only when present.</summary>
    public string? Cap { get; internal init; }

    private protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("rule", Rule);
        writer.WriteString("participant", Participant);
        writer.WriteString("reason", Reason);
        if (Cap is not null)
        {
            writer.WriteString("cap", Cap);
        }
        if (Detail is not null)
        {
            writer.WriteString("detail", Detail);
        }
    }
}
