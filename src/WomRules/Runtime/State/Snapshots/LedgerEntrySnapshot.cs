using System.Text;
using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// One applied event's entry in the ledger of spec v1.1 §2, as an immutable value a host's store keeps beside the
/// event's seen id (docs/stores.md): its time, whether it is a reversal or was reversed, and in <see cref="Json"/> what
/// it granted, so that a reversal after a restart takes back exactly what it would have without one. A
/// <see cref="StateChange"/> carries the entries its event added or changed; <see cref="IParticipantStore.FindLedgerEntry"/>
/// hands one back. <see cref="Json"/> is the entry in the state file's <c>ledger</c> form (docs/stores.md), so a store
/// can keep it in one text column without knowing its parts.
/// </summary>
public sealed class LedgerEntrySnapshot
{
    // The engine's entry this snapshot was made from, so a store wrapping the in-memory one takes it without reading its JSON.
    private LedgerMark? made;

    /// <summary>Creates an entry from what a store kept; <paramref name="json"/> is checked when the engine reads it.</summary>
    public LedgerEntrySnapshot(string eventId, DateTimeOffset at, bool isReversal, bool reversed, string json)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(json);
        EventId = eventId;
        At = at;
        IsReversal = isReversal;
        Reversed = reversed;
        Json = json;
    }

    /// <summary>The event's id (the seen id this entry belongs to).</summary>
    public string EventId { get; }

    /// <summary>The event's <c>at</c> in UTC.</summary>
    public DateTimeOffset At { get; }

    /// <summary>True when the event is itself a reversal (which cannot be reversed).</summary>
    public bool IsReversal { get; }

    /// <summary>True once a reversal took the event back: it owes nothing more.</summary>
    public bool Reversed { get; }

    /// <summary>The whole entry in the state file's <c>ledger</c> form: its time alone (a JSON string), or an object with <c>at</c>, the flags and the grants.</summary>
    public string Json { get; }

    internal static LedgerEntrySnapshot From(string eventId, in LedgerMark mark)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            StateFileLedger.WriteEntry(writer, mark);
        }

        return new LedgerEntrySnapshot(eventId, new DateTimeOffset(mark.At, TimeSpan.Zero), mark.IsReversal, mark.Reversed, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length))
        {
            made = mark,
        };
    }

    /// <summary>The engine's entry: the one it was made from, or its JSON read (with the campaign's counters when given).</summary>
    internal LedgerMark ToMark(CompiledCampaign? campaign)
    {
        if (made is { } mark)
        {
            return mark;
        }

        try
        {
            return StateFileLedger.ReadEntry(Encoding.UTF8.GetBytes(Json), campaign);
        }
        catch (InvalidDataException ex)
        {
            throw new ArgumentException($"The ledger entry of event '{EventId}' is not valid: {ex.Message}", ex);
        }
    }
}
