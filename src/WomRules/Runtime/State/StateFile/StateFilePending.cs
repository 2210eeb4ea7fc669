using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// The state file's <c>pending</c> member: the pending grants not yet released (spec v1.1 §3, §12), in the order they
/// will be released (due time, then grant order). Read back, they must add up to each participant's
/// <c>pending_points</c> and <c>pending_credit</c>, and none may be due by the clock, since what is due is applied.
/// </summary>
internal static class StateFilePending
{
    private static readonly HashSet<string> Members = ["due", "grant", "source", "rule", "participant", "points", "credit"];

    public static void Write(Utf8JsonWriter writer, EngineTimeline timeline)
    {
        if (timeline.Due.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("pending");
        foreach (var release in timeline.Due.InOrder.OfType<PendingRelease>())
        {
            writer.WriteStartObject();
            writer.WriteString("due", TimestampText.Format(release.Due));
            writer.WriteNumber("grant", release.Sequence);
            writer.WriteString("source", release.Source);
            writer.WriteString("rule", release.Rule);
            writer.WriteString("participant", release.Participant);
            if (release.Points is { } points)
            {
                writer.WriteNumber("points", points);
            }

            if (release.Credit is { } credit)
            {
                writer.WriteString("credit", OutcomeJson.FormatDecimal(credit));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static List<PendingRelease> Read(StateFileText text, JsonElement root, StateFilePath top, DateTime? clock, IReadOnlyList<ParticipantState> states, ISet<string> participantIds, ISet<string> seen, bool withCampaign, bool versioned)
    {
        var result = new List<PendingRelease>();
        var where = top.Member("pending");
        if (root.TryGetProperty("pending", out var array))
        {
            StateFileValues.Expect(text, array, JsonValueKind.Array, where);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                result.Add(ReadOne(text, element, where.Item(index++), clock, participantIds, seen, versioned));
            }
        }

        if (withCampaign)
        {
            CheckSums(text, where, result, states);
        }

        return result;
    }

    private static PendingRelease ReadOne(StateFileText text, JsonElement element, StateFilePath where, DateTime? clock, ISet<string> participantIds, ISet<string> seen, bool versioned)
    {
        StateFileValues.Expect(text, element, JsonValueKind.Object, where);
        if (versioned)
        {
            StateFileValues.RefuseUnknown(text, element, where, Members);
        }

        if (!element.TryGetProperty("due", out var dueElement))
        {
            throw text.ErrorAt(where, "a pending grant must have its release time (\"due\": \"2026-03-15T09:00:00Z\")");
        }

        var due = StateFileLedger.ReadTime(text, dueElement, where.Member("due"));
        if (clock is { } now && due <= now)
        {
            throw text.ErrorAt(where.Member("due"), $"this grant was due by the clock ({TimestampText.Format(now)}), so it was released and cannot still be pending");
        }

        if (!element.TryGetProperty("grant", out var grantElement))
        {
            throw text.ErrorAt(where, "a pending grant must have its place in grant order (\"grant\": 0)");
        }

        var grant = StateFileValues.ReadCount(text, grantElement, where.Member("grant"));
        var source = StateFileLedger.RequiredString(text, element, where, "source");
        if (!seen.Contains(source))
        {
            throw text.ErrorAt(where.Member("source"), $"the pending grant names an event '{StateFilePath.Escape(source)}' that seen_events does not hold");
        }

        var rule = StateFileLedger.RequiredString(text, element, where, "rule");
        var participant = StateFileLedger.RequiredString(text, element, where, "participant");
        if (!participantIds.Contains(participant))
        {
            throw text.ErrorAt(where.Member("participant"), $"the pending grant names a participant '{StateFilePath.Escape(participant)}' that 'participants' does not hold");
        }

        var hasPoints = element.TryGetProperty("points", out var pointsElement);
        var hasCredit = element.TryGetProperty("credit", out var creditElement);
        if (hasPoints == hasCredit)
        {
            throw text.ErrorAt(where, "a pending grant holds exactly one of points or credit");
        }

        if (hasPoints)
        {
            var points = StateFileValues.ReadCount(text, pointsElement, where.Member("points"));
            return points > 0 ? new PendingRelease(due, grant, source, rule, participant, points, null) : throw text.ErrorAt(where.Member("points"), "must be more than 0");
        }

        var credit = StateFileValues.ReadAmount(text, creditElement, where.Member("credit"));
        return credit > 0m ? new PendingRelease(due, grant, source, rule, participant, null, credit) : throw text.ErrorAt(where.Member("credit"), "must be more than 0");
    }

    /// <summary>Each participant's pending amounts are exactly what its queued grants hold, or a release would leave them wrong.</summary>
    private static void CheckSums(StateFileText text, StateFilePath where, List<PendingRelease> releases, IReadOnlyList<ParticipantState> states)
    {
        var sums = new Dictionary<string, (Int128 Points, decimal Credit)>(StringComparer.Ordinal);
        try
        {
            foreach (var r in releases)
            {
                var sum = sums.GetValueOrDefault(r.Participant);
                sums[r.Participant] = (sum.Points + (r.Points ?? 0), checked(sum.Credit + (r.Credit ?? 0m)));
            }
        }
        catch (OverflowException)
        {
            throw text.ErrorAt(where, "the pending grants add up past the largest amount");
        }

        foreach (var state in states)
        {
            var sum = sums.GetValueOrDefault(state.Id);
            if (sum.Points != state.PendingPoints || sum.Credit != state.PendingCredit)
            {
                throw text.ErrorAt(where, $"the pending grants to '{StateFilePath.Escape(state.Id)}' hold {sum.Points} points and {OutcomeJson.FormatDecimal(sum.Credit)} credit, but its pending_points and pending_credit say {state.PendingPoints} and {OutcomeJson.FormatDecimal(state.PendingCredit)}");
            }
        }
    }
}
