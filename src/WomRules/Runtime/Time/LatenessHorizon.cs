namespace WomRules.Runtime;

/// <summary>
/// Spec v1.1 §13: the lateness horizon, <c>clock - accept_late</c>. An event earlier than it is <c>too late</c>, so
/// nothing only such an event could need (seen ids, calendar windows that end by it) need be kept.
/// </summary>
internal static class LatenessHorizon
{
    /// <summary>The horizon; null without <c>accept_late</c>, before the clock has started, or when it would fall before year 1.</summary>
    public static DateTime? Of(DateTime? clock, TimeSpan? acceptLate) =>
        clock is { } c && acceptLate is { } late && c.Ticks - late.Ticks >= 0 ? new DateTime(c.Ticks - late.Ticks, DateTimeKind.Utc) : null;

    /// <summary>True when an event at <paramref name="at"/> is too late: strictly earlier than the horizon (one exactly at it is accepted).</summary>
    public static bool IsTooLate(DateTime at, DateTime? clock, TimeSpan? acceptLate) => Of(clock, acceptLate) is { } horizon && at < horizon;
}
