using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// One amount an <c>event.reversed</c> took back (spec v1.1 §2): one for each reward outcome of the target that granted
/// an amount, in the target's order, with the amount as a positive number.
/// </summary>
public sealed record ReversedOutcome : Outcome
{
    internal ReversedOutcome(string eventId, string target, string rule, string participant)
        : base(eventId)
    {
        Target = target;
        Rule = rule;
        Participant = participant;
    }

    /// <inheritdoc />
    public override string Kind => "reversed";

    /// <summary>The id of the event whose grant was taken back.</summary>
    public string Target { get; }

    /// <summary>The rule that granted it.</summary>
    public string Rule { get; }

    /// <summary>Whose balance it was taken from.</summary>
    public string Participant { get; }

    /// <summary>Points taken back, when this is a points grant.</summary>
    public long? Points { get; init; }

    /// <summary>Credit taken back, when this is a credit grant.</summary>
    public decimal? Credit { get; init; }

    /// <summary>The badge removed, when this is a badge grant.</summary>
    public string? Badge { get; init; }

    /// <summary>The counter stepped back, when this is a counter grant; <see cref="By"/> says by how much.</summary>
    public string? Counter { get; init; }

    /// <summary>The step <see cref="Counter"/> went down by.</summary>
    public long? By { get; init; }

    /// <summary>True when the grant was still pending (spec v1.1 §2, §3): it is cancelled, and was never in the balance.</summary>
    public bool Pending { get; init; }

    private protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("target", Target);
        writer.WriteString("rule", Rule);
        writer.WriteString("participant", Participant);
        if (Pending)
        {
            writer.WriteBoolean("pending", true);
        }

        OutcomeJson.WriteAmounts(writer, Points, Credit, Badge, Counter, By);
    }
}
