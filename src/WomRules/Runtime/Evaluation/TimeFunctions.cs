namespace WomRules.Runtime;

/// <summary>
/// Spec v1.1 §10's time arithmetic, shared by both evaluators: <c>b - a</c> in hours or days, exact to the tick,
/// rounded half away from zero to 6 decimal places. A difference of ticks always fits a long (both are within
/// 0001–9999), and a decimal holds it exactly, so nothing here overflows.
/// </summary>
internal static class TimeFunctions
{
    public static decimal HoursBetween(DateTime a, DateTime b) => Between(a, b, TimeSpan.TicksPerHour);

    public static decimal DaysBetween(DateTime a, DateTime b) => Between(a, b, TimeSpan.TicksPerDay);

    /// <summary><c>participant.tier_since</c>: the instant of the tier's last move (0 ticks, year 1, when the state predates it).</summary>
    public static DateTime TierSince(ParticipantState participant) => new(participant.TierSinceTicks, DateTimeKind.Utc);

    /// <summary><c>participant.first_seen</c> (year 1 when a state file did not say).</summary>
    public static DateTime FirstSeen(ParticipantState participant) => new(participant.FirstSeenTicks, DateTimeKind.Utc);

    /// <summary><c>participant.last_seen</c> (year 1 when a state file did not say).</summary>
    public static DateTime LastSeen(ParticipantState participant) => new(participant.LastSeenTicks, DateTimeKind.Utc);

    private static decimal Between(DateTime a, DateTime b, long ticksPerUnit) =>
        Math.Round((decimal)(b.Ticks - a.Ticks) / ticksPerUnit, 6, MidpointRounding.AwayFromZero);
}
