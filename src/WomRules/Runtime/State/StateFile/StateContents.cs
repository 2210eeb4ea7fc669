namespace WomRules.Runtime;

/// <summary>
/// What a validated state file holds. <see cref="Participants"/> is empty when it was read without a campaign;
/// <see cref="ChecksumDigitsOffset"/> is where the checksum's 64 hex digits start in the file, or -1 when it has none.
/// </summary>
internal sealed record StateContents(
    IReadOnlyList<ParticipantState> Participants,
    IReadOnlyList<string> SeenEvents,
    long PointsUsed,
    decimal CreditUsed,
    bool Versioned,
    int ChecksumDigitsOffset)
{
    /// <summary>The ledger's entries (spec v1.1 §2), validated against the participants and seen events.</summary>
    public IReadOnlyList<KeyValuePair<string, LedgerMark>> Ledger { get; init; } = [];

    /// <summary>The engine's clock (spec v1.1 §1), null when the file has none.</summary>
    public DateTime? Clock { get; init; }

    /// <summary>The pending grants not yet released (spec v1.1 §3), in release order.</summary>
    public IReadOnlyList<PendingRelease> Pending { get; init; } = [];

    /// <summary>The next place in grant order (spec v1.1 §1).</summary>
    public long NextGrant { get; init; }

    /// <summary>The identity records (spec v1.1 §8): participant id and record.</summary>
    public IReadOnlyList<KeyValuePair<string, IdentityRecord>> Identities { get; init; } = [];
}
