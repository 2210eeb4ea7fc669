namespace WomRules.Runtime;

/// <summary>
/// Which effects go first among those due at one instant (spec v1.1 §1): releases and expiries, in the order of the
/// grants that caused them, then the ends of a tier's <c>keep</c>.
/// </summary>
internal enum DuePhase : byte
{
    /// <summary>A pending reward released (§3) or a points lot expiring (§4).</summary>
    ReleaseOrExpiry = 0,

    /// <summary>The end of a tier's <c>keep</c> (§5).</summary>
    KeepEnd = 1,
}
