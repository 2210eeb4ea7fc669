namespace WomRules.Runtime;

/// <summary>
/// The latest firing times (UTC ticks, ascending) of one rolling-window limit or cap for one participant (spec v1.1 §7):
/// at most the limit's count, so what a participant keeps is bounded whatever its history. Immutable: a change makes
/// a new array, so a checkpoint or a host's copy that shares it is never changed under it.
/// </summary>
internal readonly record struct RollingFirings(string Owner, bool Cap, long[] Times)
{
    public bool Is(string owner, bool cap) =>
        Cap == cap && (ReferenceEquals(Owner, owner) || string.Equals(Owner, owner, StringComparison.Ordinal));

    /// <summary>How many kept firings lie in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public long CountIn(long after, long upTo)
    {
        var count = 0L;
        foreach (var time in Times)
        {
            if (time > after && time <= upTo)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>With one more firing at <paramref name="ticks"/> in its place (a late one may land before others), the oldest dropped past <paramref name="keep"/>.</summary>
    public RollingFirings With(long ticks, long keep)
    {
        var place = Times.Length;
        while (place > 0 && Times[place - 1] > ticks)
        {
            place--;
        }

        long[] all = [.. Times[..place], ticks, .. Times[place..]];
        return this with { Times = all.Length > keep ? all[(int)(all.Length - keep)..] : all };
    }

    /// <summary>Without one firing at <paramref name="ticks"/>, if it is still kept.</summary>
    public RollingFirings Without(long ticks)
    {
        var index = Array.LastIndexOf(Times, ticks);
        return index < 0 ? this : this with { Times = [.. Times[..index], .. Times[(index + 1)..]] };
    }
}
