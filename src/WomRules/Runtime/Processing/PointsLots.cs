namespace WomRules.Runtime;

/// <summary>
/// Spec v1.1 §4: under the campaign's <c>expiry</c>, points are held in lots, oldest first. A grant (on release, if it
/// was pending) adds a lot of what it brings above zero; redemption and reversal take from the oldest lots; a lot's
/// expiry deducts what is left of it. So while the balance is not negative it is exactly the sum of the lots, and a
/// negative balance has none. Without <c>expiry</c> nothing here does anything. Every grant of points or credit takes
/// its place in grant order here too, which orders the effects due at one instant (spec v1.1 §1).
/// </summary>
internal sealed class PointsLots(EngineTimeline timeline, TimeSpan? expiry)
{
    /// <summary>The effects the event being applied scheduled: queued only once it commits.</summary>
    public List<DueEffect> Scheduled { get; } = [];

    public bool Enabled => expiry is not null;

    /// <summary>The next place in grant order.</summary>
    public long NextGrant() => timeline.TakeSequence();

    /// <summary>
    /// After <paramref name="points"/> were added to the balance: the part above zero becomes a lot available from
    /// <paramref name="available"/>. Its expiry is queued with the event's effects, or at once when <paramref name="now"/>.
    /// </summary>
    public void Add(ParticipantState state, long points, DateTime available, long grant, bool now = false)
    {
        if (expiry is not { } lifetime)
        {
            return;
        }

        var lot = Math.Min(points, state.Points);
        if (lot <= 0)
        {
            return;
        }

        var added = new PointsLot(grant, available + lifetime, lot);
        var lots = state.Lots;
        var at = lots.Length;
        while (at > 0 && (lots[at - 1].Expires, lots[at - 1].Grant).CompareTo((added.Expires, added.Grant)) > 0)
        {
            at--;
        }

        state.Lots = [.. lots.AsSpan(0, at), added, .. lots.AsSpan(at)];
        var expiring = new LotExpiry(added.Expires, grant, state.Id);
        if (now)
        {
            timeline.Due.Add(expiring);
        }
        else
        {
            Scheduled.Add(expiring);
        }
    }

    /// <summary>After <paramref name="points"/> were taken from the balance: they come out of the oldest lots; a lot emptied goes.</summary>
    public void Take(ParticipantState state, long points)
    {
        var lots = state.Lots;
        if (lots.Length == 0)
        {
            return;
        }

        var first = 0;
        while (first < lots.Length && points >= lots[first].Left)
        {
            points -= lots[first].Left;
            first++;
        }

        var rest = lots[first..];
        if (rest.Length > 0 && points > 0)
        {
            rest[0] = rest[0] with { Left = rest[0].Left - points };
        }

        state.Lots = rest;
    }

    /// <summary>The lot's expiry (spec v1.1 §4): what is left of it leaves the balance; how many points, 0 when none were left.</summary>
    public static long Expire(ParticipantState state, long grant)
    {
        var lots = state.Lots;
        var index = Array.FindIndex(lots, l => l.Grant == grant);
        if (index < 0)
        {
            return 0; // emptied by redemptions or a reversal: it expires without an outcome
        }

        var left = lots[index].Left;
        state.Lots = [.. lots.AsSpan(0, index), .. lots.AsSpan(index + 1)];
        state.Points -= left;
        return left;
    }
}
