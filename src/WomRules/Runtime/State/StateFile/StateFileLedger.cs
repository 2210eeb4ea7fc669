using System.Globalization;
using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// The state file's <c>ledger</c> (spec v1.1 §2, §12): for each applied event still inside <c>reversible_for</c>, its
/// time and what it granted, so that a reversal after a restart takes back what it would have taken back without one.
/// Read field by field, like a participant: a ledger names only events of <c>seen_events</c> and participants of
/// <c>participants</c>, and amounts that are never negative.
/// </summary>
internal static class StateFileLedger
{
    private static readonly HashSet<string> EntryMembers = ["at", "reversal", "reversed", "grants", "limits", "budget"];
    private static readonly HashSet<string> GrantMembers = ["participant", "rule", "points", "credit", "badge", "counter", "by", "redeemed", "pending_until"];
    private static readonly HashSet<string> LimitMembers = ["participant", "rule", "cap", "window"];
    private static readonly HashSet<string> BudgetMembers = ["points", "credit"];

    public static void Write(Utf8JsonWriter writer, EventLedger ledger, DateTime? horizon)
    {
        writer.WriteStartObject("ledger");
        foreach (var (id, mark) in ledger.EntriesAt(horizon).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(id);
            WriteEntry(writer, mark);
        }

        writer.WriteEndObject();
    }

    /// <summary>One entry as the state file holds it, which is also a <see cref="LedgerEntrySnapshot"/>'s JSON.</summary>
    public static void WriteEntry(Utf8JsonWriter writer, in LedgerMark mark)
    {
        var at = TimestampText.Format(mark.At);
        if (mark is { IsReversal: false, Reversed: false, Grant: null })
        {
            // Most events grant nothing: their entry is only their time, so the ledger stays small.
            writer.WriteStringValue(at);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("at", at);
        if (mark.IsReversal)
        {
            writer.WriteBoolean("reversal", true);
        }

        if (mark.Reversed)
        {
            writer.WriteBoolean("reversed", true);
        }

        if (mark.Grant is { } grant)
        {
            WriteGrant(writer, grant);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads one entry written by <see cref="WriteEntry"/>, refusing what the state file would (InvalidDataException); without a campaign, counters stay unresolved.</summary>
    public static LedgerMark ReadEntry(byte[] utf8, CompiledCampaign? campaign)
    {
        var text = StateFileText.FromBytes(utf8);
        text.Scan();
        using var document = JsonDocument.Parse(text.Json);
        return ReadEntry(text, document.RootElement, StateFilePath.Root, campaign, participants: null, versioned: true);
    }

    /// <summary>Reads and validates the ledger; <paramref name="participants"/> and <paramref name="seen"/> are what the file's other members hold.</summary>
    public static List<KeyValuePair<string, LedgerMark>> Read(
        StateFileText text, JsonElement element, StateFilePath where, CompiledCampaign? campaign, ISet<string> participants, ISet<string> seen, bool versioned)
    {
        StateFileValues.Expect(text, element, JsonValueKind.Object, where);
        var result = new List<KeyValuePair<string, LedgerMark>>();
        foreach (var property in element.EnumerateObject())
        {
            var path = where.Member(property.Name);
            if (!seen.Contains(property.Name))
            {
                throw text.ErrorAt(path, "the ledger names an event that seen_events does not hold; an event is in the ledger only once it was applied", atKey: true);
            }

            result.Add(new(property.Name, ReadEntry(text, property.Value, path, campaign, participants, versioned)));
        }

        return result;
    }

    /// <summary>
    /// What the ledger says may be taken back must be there to take: per participant, no more lifetime points, credit
    /// or counter steps than it holds, and in all no more budget than <c>budget_used</c>. Otherwise a reversal would
    /// leave a state no file may hold (negative lifetime points, say).
    /// </summary>
    public static void CheckOwed(StateFileText text, StateFilePath where, IReadOnlyList<KeyValuePair<string, LedgerMark>> ledger, IReadOnlyList<ParticipantState> states, long pointsUsed, decimal creditUsed)
    {
        var byId = states.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var owed = new Dictionary<string, (Int128 Points, decimal Credit, Int128[] Counters)>(StringComparer.Ordinal);
        Int128 budgetPoints = 0;
        var budgetCredit = 0m;
        try
        {
            foreach (var (_, mark) in ledger)
            {
                if (mark.Grant is not { } grant)
                {
                    continue;
                }

                budgetPoints += grant.PointsSpent;
                budgetCredit = checked(budgetCredit + grant.CreditSpent);
                foreach (var entry in grant.Entries)
                {
                    if (!byId.TryGetValue(entry.Participant, out var state))
                    {
                        continue; // read without a campaign: no participants are built
                    }

                    var sum = owed.TryGetValue(entry.Participant, out var o) ? o : (0, 0m, new Int128[state.Counters.Length]);
                    switch (entry.Kind)
                    {
                        case LedgerEntryKind.Points: sum.Points += entry.Amount; break;
                        case LedgerEntryKind.Credit: sum.Credit = checked(sum.Credit + entry.Credit); break;
                        case LedgerEntryKind.Counter: sum.Counters[entry.CounterIndex] += entry.Amount; break;
                    }

                    owed[entry.Participant] = sum;
                }
            }
        }
        catch (OverflowException)
        {
            throw text.ErrorAt(where, "the ledger's amounts add up past the largest amount");
        }

        foreach (var (id, sum) in owed.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var state = byId[id];
            var counterShort = Enumerable.Range(0, sum.Counters.Length).FirstOrDefault(i => sum.Counters[i] > state.Counters[i], -1);
            // Grants still pending (spec v1.1 §3) are held in the pending amounts, not yet in the balances.
            var points = state.LifetimePoints + (Int128)state.PendingPoints;
            var credit = state.Credit + state.PendingCredit;
            if (sum.Points > points || sum.Credit > credit || counterShort >= 0)
            {
                throw text.ErrorAt(where, $"the ledger holds grants to '{StateFilePath.Escape(id)}' that are more than its {(sum.Points > points ? "lifetime_points and pending_points" : sum.Credit > credit ? "credit and pending_credit" : "counter '" + state.Schema.Counters[counterShort] + "'")}, so a reversal could not take them back");
            }
        }

        if (budgetPoints > pointsUsed || budgetCredit > creditUsed)
        {
            throw text.ErrorAt(where, "the ledger's budget spent is more than budget_used, so a reversal could not return it");
        }
    }

    private static void WriteGrant(Utf8JsonWriter writer, LedgerGrant grant)
    {
        writer.WriteStartArray("grants");
        foreach (var entry in grant.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("participant", entry.Participant);
            if (entry.Rule is not null)
            {
                writer.WriteString("rule", entry.Rule);
            }

            switch (entry.Kind)
            {
                case LedgerEntryKind.Points: writer.WriteNumber("points", entry.Amount); break;
                case LedgerEntryKind.Credit: writer.WriteString("credit", OutcomeJson.FormatDecimal(entry.Credit)); break;
                case LedgerEntryKind.Badge: writer.WriteString("badge", entry.Name); break;
                case LedgerEntryKind.Counter:
                    writer.WriteString("counter", entry.Name);
                    writer.WriteNumber("by", entry.Amount);
                    break;
                case LedgerEntryKind.Redeemed: writer.WriteNumber("redeemed", entry.Amount); break;
            }

            if (entry.WasPending)
            {
                writer.WriteString("pending_until", TimestampText.Format(entry.PendingUntil));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (grant.Limits.Length > 0)
        {
            writer.WriteStartArray("limits");
            foreach (var use in grant.Limits)
            {
                writer.WriteStartObject();
                writer.WriteString("participant", use.Participant);
                writer.WriteString(use.Cap ? "cap" : "rule", use.Rule);
                writer.WriteString("window", use.Window);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (grant.PointsSpent != 0 || grant.CreditSpent != 0m)
        {
            writer.WriteStartObject("budget");
            writer.WriteNumber("points", grant.PointsSpent);
            writer.WriteString("credit", OutcomeJson.FormatDecimal(grant.CreditSpent));
            writer.WriteEndObject();
        }
    }

    private static LedgerMark ReadEntry(StateFileText text, JsonElement element, StateFilePath where, CompiledCampaign? campaign, ISet<string>? participants, bool versioned)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            // An event that granted nothing: only its time.
            return new LedgerMark(ReadTime(text, element, where), isReversal: false, reversed: false, grant: null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw text.ErrorAt(where, $"a ledger entry is the event's time (\"2026-03-01T09:00:00Z\") or an object with \"at\", not {StateFileValues.Kind(element)}");
        }

        if (versioned)
        {
            StateFileValues.RefuseUnknown(text, element, where, EntryMembers);
        }

        if (!element.TryGetProperty("at", out var atElement))
        {
            throw text.ErrorAt(where, "a ledger entry must have the event's time (\"at\": \"2026-03-01T09:00:00Z\")");
        }

        var at = ReadTime(text, atElement, where.Member("at"));

        var isReversal = ReadFlag(text, element, where, "reversal");
        var reversed = ReadFlag(text, element, where, "reversed");
        var entries = new List<LedgerEntry>();
        if (element.TryGetProperty("grants", out var grants))
        {
            var path = where.Member("grants");
            StateFileValues.Expect(text, grants, JsonValueKind.Array, path);
            var index = 0;
            foreach (var grant in grants.EnumerateArray())
            {
                if (ReadGrant(text, grant, path.Item(index++), campaign, participants, versioned) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        var limits = new List<LedgerLimitUse>();
        if (element.TryGetProperty("limits", out var limitsElement))
        {
            var path = where.Member("limits");
            StateFileValues.Expect(text, limitsElement, JsonValueKind.Array, path);
            var index = 0;
            foreach (var use in limitsElement.EnumerateArray())
            {
                var usePath = path.Item(index++);
                StateFileValues.Expect(text, use, JsonValueKind.Object, usePath);
                if (versioned)
                {
                    StateFileValues.RefuseUnknown(text, use, usePath, LimitMembers);
                }

                var participant = Participant(text, use, usePath, participants);

                // A rule's limit names its rule; a cap's use (spec v1.1 §7) names the cap instead.
                var isCap = use.TryGetProperty("cap", out _);
                if (isCap && use.TryGetProperty("rule", out _))
                {
                    throw text.ErrorAt(usePath, "a limit use names a rule or a cap, not both");
                }

                var owner = isCap ? RequiredString(text, use, usePath, "cap") : Rule(text, use, usePath);
                limits.Add(new LedgerLimitUse(participant, owner, RequiredString(text, use, usePath, "window"), isCap));
            }
        }

        long pointsSpent = 0;
        var creditSpent = 0m;
        if (element.TryGetProperty("budget", out var budget))
        {
            var path = where.Member("budget");
            StateFileValues.Expect(text, budget, JsonValueKind.Object, path);
            if (versioned)
            {
                StateFileValues.RefuseUnknown(text, budget, path, BudgetMembers);
            }

            pointsSpent = budget.TryGetProperty("points", out var p) ? StateFileValues.ReadCount(text, p, path.Member("points")) : 0;
            creditSpent = budget.TryGetProperty("credit", out var c) ? StateFileValues.ReadAmount(text, c, path.Member("credit")) : 0m;
        }

        var owes = entries.Count > 0 || limits.Count > 0 || pointsSpent != 0 || creditSpent != 0m;
        if (owes && (isReversal || reversed))
        {
            throw text.ErrorAt(where, isReversal
                ? "a reversal grants nothing, so its ledger entry holds no grants, limits or budget"
                : "a reversed event owes nothing back, so its ledger entry holds no grants, limits or budget");
        }

        return new LedgerMark(at, isReversal, reversed, owes ? new LedgerGrant([.. entries], [.. limits], pointsSpent, creditSpent) : null);
    }

    /// <summary>One grant; null for a counter the campaign no longer declares, which is dropped like the counter itself.</summary>
    private static LedgerEntry? ReadGrant(StateFileText text, JsonElement element, StateFilePath where, CompiledCampaign? campaign, ISet<string>? participants, bool versioned)
    {
        StateFileValues.Expect(text, element, JsonValueKind.Object, where);
        if (versioned)
        {
            StateFileValues.RefuseUnknown(text, element, where, GrantMembers);
        }

        var participant = Participant(text, element, where, participants);
        var kinds = new[] { "points", "credit", "badge", "counter", "redeemed" }.Where(k => element.TryGetProperty(k, out _)).ToList();
        if (kinds.Count != 1)
        {
            throw text.ErrorAt(where, "a grant holds exactly one of points, credit, badge, counter (with by) or redeemed");
        }

        if (kinds[0] == "redeemed")
        {
            var redeemed = StateFileValues.ReadCount(text, element.GetProperty("redeemed"), where.Member("redeemed"));
            return redeemed > 0 ? new LedgerEntry(LedgerEntryKind.Redeemed, participant, null, redeemed) : throw text.ErrorAt(where.Member("redeemed"), "must be more than 0");
        }

        var rule = Rule(text, element, where);
        switch (kinds[0])
        {
            case "points":
                return new LedgerEntry(LedgerEntryKind.Points, participant, rule, StateFileValues.ReadCount(text, element.GetProperty("points"), where.Member("points")), PendingUntil: PendingUntil(text, element, where));
            case "credit":
                return new LedgerEntry(LedgerEntryKind.Credit, participant, rule, 0, StateFileValues.ReadAmount(text, element.GetProperty("credit"), where.Member("credit")), PendingUntil: PendingUntil(text, element, where));
            case "badge":
                return new LedgerEntry(LedgerEntryKind.Badge, participant, rule, 0, Name: RequiredString(text, element, where, "badge"));
            default:
                var counter = RequiredString(text, element, where, "counter");
                var index = -1;
                var by = element.TryGetProperty("by", out var byElement) ? StateFileValues.ReadCount(text, byElement, where.Member("by")) : 1;
                if (campaign is not null && !campaign.Schema.CounterIndex.TryGetValue(counter, out index))
                {
                    return null;
                }

                return new LedgerEntry(LedgerEntryKind.Counter, participant, rule, by, Name: counter, CounterIndex: index);
        }
    }

    internal static DateTime ReadTime(StateFileText text, JsonElement element, StateFilePath path)
    {
        StateFileValues.Expect(text, element, JsonValueKind.String, path);
        return EventTimestamp.TryParse(element.GetString(), out var at)
            ? at
            : throw text.ErrorAt(path, "must be an ISO 8601 timestamp with an offset, such as \"2026-03-01T09:00:00Z\"");
    }

    private static bool ReadFlag(StateFileText text, JsonElement element, StateFilePath where, string name)
    {
        if (!element.TryGetProperty(name, out var flag))
        {
            return false;
        }

        return flag.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw text.ErrorAt(where.Member(name), $"must be true or false, not {StateFileValues.Kind(flag)}"),
        };
    }

    private static string Participant(StateFileText text, JsonElement element, StateFilePath where, ISet<string>? participants)
    {
        // Null: a single entry from a host's store, read without the participants beside it.
        var id = RequiredString(text, element, where, "participant");
        return participants is null || participants.Contains(id)
            ? id
            : throw text.ErrorAt(where.Member("participant"), $"the ledger names a participant '{StateFilePath.Escape(id)}' that 'participants' does not hold");
    }

    /// <summary>When a points or credit grant given pending (spec v1.1 §3) ends its hold; default when it was not pending.</summary>
    private static DateTime PendingUntil(StateFileText text, JsonElement element, StateFilePath where) =>
        element.TryGetProperty("pending_until", out var until) ? ReadTime(text, until, where.Member("pending_until")) : default;

    /// <summary>The rule's name: only a label for the outcome and the limit it counted in, so a rule since renamed or removed is no error.</summary>
    private static string Rule(StateFileText text, JsonElement element, StateFilePath where) => RequiredString(text, element, where, "rule");

    internal static string RequiredString(StateFileText text, JsonElement element, StateFilePath where, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw text.ErrorAt(where, $"must have \"{name}\"");
        }

        StateFileValues.Expect(text, value, JsonValueKind.String, where.Member(name));
        return value.GetString()!;
    }
}
