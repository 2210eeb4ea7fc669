using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// A participant's <c>lots</c> in the state file (spec v1.1 §4, §12): <c>[{"grant": 3, "expires": "…", "left": 15}]</c>,
/// oldest first. Read back, the lots of a participant add up to its balance when it is not negative, and there are
/// none when it is; none may have expired by the clock, and every <c>grant</c> is below the file's <c>next_grant</c>
/// and used once (<see cref="StateFile"/> checks those, which need the whole file).
/// </summary>
internal static class StateFileLots
{
    private static readonly HashSet<string> Members = ["grant", "expires", "left"];

    public static void Write(Utf8JsonWriter writer, ParticipantState p)
    {
        if (p.Lots.Length == 0)
        {
            return;
        }

        writer.WriteStartArray("lots");
        foreach (var lot in p.Lots)
        {
            writer.WriteStartObject();
            writer.WriteNumber("grant", lot.Grant);
            writer.WriteString("expires", TimestampText.Format(lot.Expires));
            writer.WriteNumber("left", lot.Left);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static PointsLot[] Read(StateFileText text, JsonElement element, StateFilePath where, bool versioned)
    {
        StateFileValues.Expect(text, element, JsonValueKind.Array, where);
        var lots = new List<PointsLot>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var path = where.Item(index++);
            StateFileValues.Expect(text, item, JsonValueKind.Object, path);
            if (versioned)
            {
                StateFileValues.RefuseUnknown(text, item, path, Members);
            }

            foreach (var member in Members)
            {
                if (!item.TryGetProperty(member, out _))
                {
                    throw text.ErrorAt(path, $"a lot must have \"{member}\"");
                }
            }

            var grant = StateFileValues.ReadCount(text, item.GetProperty("grant"), path.Member("grant"));
            var expires = StateFileLedger.ReadTime(text, item.GetProperty("expires"), path.Member("expires"));
            var left = StateFileValues.ReadCount(text, item.GetProperty("left"), path.Member("left"));
            if (left == 0)
            {
                throw text.ErrorAt(path.Member("left"), "must be more than 0; an emptied lot is not kept");
            }

            lots.Add(new PointsLot(grant, expires, left));
        }

        // Oldest first, as the engine keeps them, whatever order the file gave.
        return [.. lots.OrderBy(l => l.Expires).ThenBy(l => l.Grant)];
    }

    /// <summary>
    /// The checks that need the whole file: a participant's lots match its balance, none has expired by the clock, and
    /// every grant place is below <paramref name="nextGrant"/> and used once (pending grants included).
    /// </summary>
    public static void Check(StateFileText text, StateFilePath participants, IReadOnlyList<ParticipantState> states, IReadOnlyList<PendingRelease> pending, DateTime? clock, long nextGrant, StateFilePath nextGrantPath)
    {
        var used = new HashSet<long>();
        foreach (var release in pending)
        {
            if (release.Sequence >= nextGrant || !used.Add(release.Sequence))
            {
                throw text.ErrorAt(nextGrantPath, $"a pending grant's place {release.Sequence} is not below next_grant ({nextGrant}) or is used twice");
            }
        }

        foreach (var state in states)
        {
            var where = participants.Member(state.Id).Member("lots");
            Int128 sum = 0;
            foreach (var lot in state.Lots)
            {
                sum += lot.Left;
                if (lot.Grant >= nextGrant || !used.Add(lot.Grant))
                {
                    throw text.ErrorAt(where, $"the lot of grant {lot.Grant} is not below next_grant ({nextGrant}) or its place is used twice");
                }

                if (clock is { } now && lot.Expires <= now)
                {
                    throw text.ErrorAt(where, $"the lot of grant {lot.Grant} expired by the clock ({TimestampText.Format(now)}), so it cannot still be held");
                }
            }

            if (sum != Math.Max(state.Points, 0))
            {
                throw text.ErrorAt(where, $"the lots of '{StateFilePath.Escape(state.Id)}' hold {sum} points but its balance is {state.Points}; under 'expiry' every point not negative is in a lot, and a negative balance has none");
            }
        }
    }
}
