using System.Globalization;
using System.Text.Json;
using WomRules.Text;

namespace WomRules.Runtime;

/// <summary>An event that was malformed or broke the schema; nothing changed, and its id was not recorded.</summary>
public sealed record RejectedOutcome : Outcome
{
    internal RejectedOutcome(string? eventId, string reason)
        : base(eventId)
    {
        // Reasons quote the event (its 'at', an actor's id, a parser's message about the line): escaped, so that an
        // event cannot put a control character, a line break or a bidi control into what is printed about it.
        Reason = MessageText.Escape(reason);
    }

    /// <inheritdoc />
    public override string Kind => "rejected";

    /// <summary>An events-file line past the limit (spec §9), rejected unread: the engine, <c>womrules run</c> and scenarios word it alike.</summary>
    internal static RejectedOutcome LineTooLong(long length, int limit) =>
        new(null, string.Create(CultureInfo.InvariantCulture, $"the line is {length} characters long, more than the limit of {limit}"));

    /// <summary>Why, in words.</summary>
    public string Reason { get; }

    private protected override void WriteFields(Utf8JsonWriter writer) => writer.WriteString("reason", Reason);
}
