namespace WomRules.Runtime;

/// <summary>
/// What the ledger knows of one applied event: its time, whether it is a reversal or was reversed, and what it
/// still owes back (null: nothing). Sixteen bytes, the time's ticks sharing a word with the two flags, so the seen-id
/// set that holds one per event stays small, and recording an event that granted nothing allocates nothing.
/// </summary>
internal readonly struct LedgerMark
{
    private const long ReversalFlag = 1L << 62;
    private const long ReversedFlag = long.MinValue; // bit 63
    private const long TicksMask = ReversalFlag - 1; // DateTime.MaxValue.Ticks < 2^62

    private readonly long bits;

    public LedgerMark(DateTime at, bool isReversal, bool reversed, LedgerGrant? grant)
    {
        bits = at.Ticks | (isReversal ? ReversalFlag : 0) | (reversed ? ReversedFlag : 0);
        Grant = grant;
    }

    /// <summary>An event whose time is not known (its id came from a state file without it): older than any horizon.</summary>
    public static LedgerMark Unknown => default;

    /// <summary>The event's time in UTC; <see cref="DateTime.MinValue"/> when not known.</summary>
    public DateTime At => new(bits & TicksMask, DateTimeKind.Utc);

    public bool IsKnown => (bits & TicksMask) != 0;

    public bool IsReversal => (bits & ReversalFlag) != 0;

    public bool Reversed => (bits & ReversedFlag) != 0;

    /// <summary>What the event granted and a reversal would take back; null when it granted nothing, was reversed, or left the horizon.</summary>
    public LedgerGrant? Grant { get; }

    public LedgerMark WithReversed() => new(At, IsReversal, reversed: true, grant: null);

    public LedgerMark WithoutGrant() => new(At, IsReversal, Reversed, grant: null);
}
