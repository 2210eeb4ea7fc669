using System.Text.Json;
using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// A participant's limit usage in the state file (spec §5, v1.1 §7, §12): <c>limits</c> and <c>caps</c> hold calendar
/// windows (name, then window key, then count), <c>rolling</c> and <c>rolling_caps</c> the latest firing times of
/// rolling windows (name, then times, oldest first). Read and validated here, like every other section.
/// </summary>
internal static class StateFileLimits
{
    public static readonly string[] Members = ["limits", "caps", "rolling", "rolling_caps"];

    /// <summary>Writes the four sections, each only when it holds something; windows ended by <paramref name="horizon"/> are left out (spec v1.1 §13).</summary>
    public static void Write(Utf8JsonWriter writer, ParticipantState p, DateTime? horizon)
    {
        foreach (var caps in (ReadOnlySpan<bool>)[false, true])
        {
            var usage = p.LimitUsage(caps)
                .Select(u => (Owner: u.Key, Windows: u.Value.Where(w => horizon is not { } h || !LimitWindows.EndsBy(w.Key, h)).ToList()))
                .Where(u => u.Windows.Count > 0)
                .OrderBy(u => u.Owner, StringComparer.Ordinal)
                .ToList();
            if (usage.Count > 0)
            {
                writer.WriteStartObject(caps ? "caps" : "limits");
                foreach (var (owner, windows) in usage)
                {
                    writer.WriteStartObject(owner);
                    foreach (var (window, count) in windows.OrderBy(w => w.Key, StringComparer.Ordinal))
                    {
                        writer.WriteNumber(window, count);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }
        }

        foreach (var caps in (ReadOnlySpan<bool>)[false, true])
        {
            var rolling = p.RollingUsage(caps).OrderBy(r => r.Owner, StringComparer.Ordinal).ToList();
            if (rolling.Count > 0)
            {
                writer.WriteStartObject(caps ? "rolling_caps" : "rolling");
                foreach (var firings in rolling)
                {
                    writer.WriteStartArray(firings.Owner);
                    foreach (var ticks in firings.Times)
                    {
                        writer.WriteStringValue(TimestampText.Format(new DateTime(ticks, DateTimeKind.Utc)));
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }
        }
    }

    /// <summary>
    /// Reads one of the four sections into <paramref name="state"/> (null: validate only). A cap the campaign does not
    /// declare, or a rule or cap whose window is now of the other kind, is dropped, as a counter no longer declared is.
    /// </summary>
    public static void Read(StateFileText text, string member, JsonElement value, StateFilePath path, ParticipantState? state, BoundCampaign? campaign, List<(StateFilePath Path, long Ticks)> latest)
    {
        var caps = member is "caps" or "rolling_caps";
        var rolling = member is "rolling" or "rolling_caps";
        StateFileValues.Expect(text, value, JsonValueKind.Object, path);
        foreach (var owner in value.EnumerateObject())
        {
            var ownerPath = path.Member(owner.Name);
            var limit = campaign is null ? null : LimitOf(campaign, owner.Name, caps);
            // Usage the campaign can no longer use is dropped: a cap it does not declare, or a window now of the other kind.
            var keep = campaign is null || (limit is null ? !caps : limit.Rolling is not null == rolling);
            if (rolling)
            {
                var times = ReadTimes(text, owner.Value, ownerPath, limit);
                if (times.Length > 0)
                {
                    latest.Add((ownerPath.Item(times.Length - 1), times[^1]));
                }

                if (keep && times.Length > 0)
                {
                    state?.SetRollingFirings(owner.Name, caps, times);
                }

                continue;
            }

            StateFileValues.Expect(text, owner.Value, JsonValueKind.Object, ownerPath);
            foreach (var window in owner.Value.EnumerateObject())
            {
                var count = StateFileValues.ReadCount(text, window.Value, ownerPath.Member(window.Name));
                if (caps && window.Name != "campaign" && LimitWindows.EndOf(window.Name) is null)
                {
                    throw text.ErrorAt(ownerPath.Member(window.Name), "a cap's window is a calendar window key: 'campaign', a year ('2026'), a month ('2026-09'), an ISO week ('2026-W36') or a day ('2026-09-01')", atKey: true);
                }

                if (keep)
                {
                    state?.SetLimitUsage(owner.Name, caps, window.Name, count);
                }
            }
        }
    }

    /// <summary>Checks that no rolling firing read (the latest of each window, with its place) is later than the clock: every firing was an accepted event.</summary>
    public static void CheckAgainstClock(StateFileText text, List<(StateFilePath Path, long Ticks)> latest, DateTime? clock)
    {
        if (clock is not { } c)
        {
            return;
        }

        foreach (var (path, ticks) in latest)
        {
            if (ticks > c.Ticks)
            {
                throw text.ErrorAt(path, $"a firing is later than the clock ({TimestampText.Format(c)}); every firing was an event the clock has passed, so it was edited");
            }
        }
    }

    private static LimitSymbol? LimitOf(BoundCampaign campaign, string owner, bool cap) =>
        cap ? campaign.Caps.GetValueOrDefault(owner) : campaign.Rules.FirstOrDefault(r => r.Name == owner)?.Limit is { Cap: null } own ? own : null;

    /// <summary>A rolling window's firing times: timestamps, oldest first; only the latest count of them are kept.</summary>
    private static long[] ReadTimes(StateFileText text, JsonElement element, StateFilePath where, LimitSymbol? limit)
    {
        StateFileValues.Expect(text, element, JsonValueKind.Array, where);
        var times = new List<long>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var at = StateFileLedger.ReadTime(text, item, where.Item(index)).Ticks;
            if (times.Count > 0 && at < times[^1])
            {
                throw text.ErrorAt(where.Item(index), "rolling-window firings are written oldest first; this one is earlier than the one before it");
            }

            times.Add(at);
            index++;
        }

        // A campaign whose count went down since the file was saved keeps the latest of them, as it would have (spec v1.1 §7).
        if (limit is { Rolling: not null } && times.Count > limit.Count)
        {
            times.RemoveRange(0, (int)(times.Count - limit.Count));
        }

        return [.. times];
    }
}
