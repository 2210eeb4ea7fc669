using System.Globalization;
using System.Text.Json;
using WomRules.Binding;
using WomRules.Text;

namespace WomRules.Runtime;

/// <summary>
/// The state file of spec §5: <c>{"participants": {...}}</c>, plus what resuming needs (seen event ids, limit
/// windows, budget used) so that running A then B from the saved state equals running A+B. It is the ledger of what
/// is owed, so reading it validates everything, and a file this version writes carries a format version and a
/// checksum (docs/semantics.md, "State file").
/// </summary>
internal static class StateFile
{
    /// <summary>The format version written. A file without one is the unversioned form of spec §5, read without a checksum.</summary>
    public const int Version = 2;

    private static readonly HashSet<string> RootMembers = ["version", "checksum", "campaign", "participants", "budget_used", "seen_events"];
    private static readonly HashSet<string> BudgetMembers = ["points", "credit"];

    public static void Write(Stream stream, CompiledCampaign campaign, InMemoryParticipantStore store)
    {
        // Written whole into memory first: the checksum near the top covers every byte after it.
        using var buffer = new MemoryStream();
        int digitsOffset;
        // "\n" on every platform, so the same state has the same bytes and checksum everywhere.
        using (var writer = new Utf8JsonWriter(buffer, OutcomeJson.WriterOptions with { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteString("checksum", StateChecksum.Placeholder);

            // The value's closing quote is the last byte written; the comma comes with the next member.
            digitsOffset = (int)(writer.BytesCommitted + writer.BytesPending) - 1 - StateChecksum.DigitCount;
            writer.WriteString("campaign", campaign.Id);
            writer.WriteStartObject("participants");
            foreach (var p in store.LiveParticipants.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                writer.WriteStartObject(p.Id);
                WriteStanding(writer, p);
                if (p.LimitUsage.Count > 0)
                {
                    writer.WriteStartObject("limits");
                    foreach (var (rule, windows) in p.LimitUsage.OrderBy(l => l.Key, StringComparer.Ordinal))
                    {
                        writer.WriteStartObject(rule);
                        foreach (var (window, count) in windows.OrderBy(w => w.Key, StringComparer.Ordinal))
                        {
                            writer.WriteNumber(window, count);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("budget_used");
            writer.WriteNumber("points", store.PointsIssued);
            writer.WriteString("credit", OutcomeJson.FormatDecimal(store.CreditIssued));
            writer.WriteEndObject();
            writer.WriteStartArray("seen_events");
            foreach (var id in store.SeenEventIds.Order(StringComparer.Ordinal))
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        StateChecksum.Seal(bytes, digitsOffset);
        stream.Write(bytes);
    }

    /// <summary>A participant's fields of spec §5 (tier, points, lifetime_points, credit, counters, badges, attributes), in declaration order.</summary>
    public static void WriteStanding(Utf8JsonWriter writer, ParticipantState p)
    {
        writer.WriteString("tier", p.Tier);
        writer.WriteNumber("points", p.Points);
        writer.WriteNumber("lifetime_points", p.LifetimePoints);
        writer.WriteString("credit", OutcomeJson.FormatDecimal(p.Credit));
        writer.WriteStartObject("counters");
        for (var i = 0; i < p.Schema.Counters.Length; i++)
        {
            writer.WriteNumber(p.Schema.Counters[i], p.Counters[i]);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("badges");
        foreach (var badge in p.BadgeList)
        {
            writer.WriteStringValue(badge);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("attributes");
        foreach (var attribute in p.Schema.Attributes)
        {
            writer.WritePropertyName(attribute.Name);
            AttributeValues.Write(writer, p.AttributeValues[attribute.Slot]);
        }

        writer.WriteEndObject();
    }

    public static InMemoryParticipantStore Read(Stream stream, CompiledCampaign campaign)
    {
        var contents = Read(StateFileText.Read(stream), campaign, verifyChecksum: true);
        var store = new InMemoryParticipantStore();
        store.Restore(contents.Participants, contents.SeenEvents, contents.PointsUsed, contents.CreditUsed);
        return store;
    }

    /// <summary>
    /// Validates a state file and reads it. Without a campaign (<c>womrules state seal FILE</c>) only what needs none is
    /// checked and no participants are built. Any problem is an <see cref="InvalidDataException"/> (<see cref="StateFileError"/>) that says where.
    /// </summary>
    public static StateContents Read(StateFileText text, CompiledCampaign? campaign, bool verifyChecksum)
    {
        text.Scan();
        using var document = JsonDocument.Parse(text.Json, new JsonDocumentOptions { MaxDepth = StateFileText.MaxDepth });
        var root = document.RootElement;
        var top = StateFilePath.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw text.ErrorAt(top, $"a state file holds a JSON object, such as {{\"participants\": {{}}}}, not {Kind(root)}");
        }

        var versioned = root.TryGetProperty("version", out var version);
        if (versioned && !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var number) && number == Version))
        {
            throw text.ErrorAt(top.Member("version"), $"this womrules reads state files of version {Version}, and files without a version; not {Describe(version)}");
        }

        if (root.TryGetProperty("checksum", out var checksum))
        {
            var path = top.Member("checksum");
            if (checksum.ValueKind != JsonValueKind.String || !StateChecksum.IsWellFormed(checksum.GetString()!) || text.ChecksumValueOffset < 0)
            {
                throw text.ErrorAt(path, $"the checksum must be \"{StateChecksum.Prefix}\" and 64 lower-case hex digits, written without escapes");
            }

            var digitsOffset = text.ChecksumValueOffset + StateChecksum.Prefix.Length;
            if (verifyChecksum && StateChecksum.Compute(text.Bytes.AsSpan(0, text.Length), digitsOffset) != checksum.GetString()![StateChecksum.Prefix.Length..])
            {
                throw text.ErrorAt(path, "the checksum does not match the file: it was truncated or edited after it was saved; if the edit was deliberate, run 'womrules state seal' on the file");
            }
        }
        else if (versioned)
        {
            throw text.ErrorAt(top, $"a state file with a version must have a checksum (\"checksum\": \"{StateChecksum.Prefix}…\"); it was removed, or the file was cut short");
        }

        if (root.TryGetProperty("campaign", out var campaignId))
        {
            var path = top.Member("campaign");
            Expect(text, campaignId, JsonValueKind.String, path);
            if (campaign is not null && campaignId.GetString() != campaign.Id)
            {
                throw text.ErrorAt(path, $"this state belongs to the campaign '{StateFilePath.Escape(campaignId.GetString()!)}', not to '{campaign.Id}'");
            }
        }
        else if (versioned)
        {
            throw text.ErrorAt(top, "a state file with a version must name its campaign (\"campaign\": \"…\")");
        }

        if (versioned)
        {
            RefuseUnknown(text, root, top, RootMembers);
        }

        var schema = campaign?.Schema;
        var states = new List<ParticipantState>();
        if (root.TryGetProperty("participants", out var participants))
        {
            var path = top.Member("participants");
            Expect(text, participants, JsonValueKind.Object, path);
            // Under the ids option events are canonicalised, so no event could reach a participant stored under another
            // spelling: its balance and limit usage would sit apart from the canonical participant's.
            var ids = campaign?.Bound.Ids is { IsIdentity: false } option ? option : null;
            foreach (var entry in participants.EnumerateObject())
            {
                if (ids is not null && ParticipantIds.Canonicalize(entry.Name, ids) is { } canonical && !string.Equals(canonical, entry.Name, StringComparison.Ordinal))
                {
                    throw text.ErrorAt(path.Member(entry.Name),
                        $"this participant id is not canonical under the campaign's ids option (it reads as '{MessageText.Escape(canonical)}'), so no event could reach it; canonicalise the state's ids",
                        atKey: true);
                }

                if (ReadParticipant(text, path.Member(entry.Name), entry.Name, entry.Value, schema, versioned) is { } state)
                {
                    states.Add(state);
                }
            }
        }

        var seen = new List<string>();
        if (root.TryGetProperty("seen_events", out var seenElement))
        {
            var path = top.Member("seen_events");
            Expect(text, seenElement, JsonValueKind.Array, path);
            var index = 0;
            foreach (var id in seenElement.EnumerateArray())
            {
                Expect(text, id, JsonValueKind.String, path.Item(index++));
                seen.Add(id.GetString()!);
            }
        }

        long pointsUsed = 0;
        decimal creditUsed = 0m;
        if (root.TryGetProperty("budget_used", out var used))
        {
            var path = top.Member("budget_used");
            Expect(text, used, JsonValueKind.Object, path);
            if (versioned)
            {
                RefuseUnknown(text, used, path, BudgetMembers);
            }

            if (used.TryGetProperty("points", out var p))
            {
                pointsUsed = ReadCount(text, p, path.Member("points"));
                if (campaign?.Bound.Budget?.Points is { } budget && pointsUsed > budget)
                {
                    throw text.ErrorAt(path.Member("points"), $"{pointsUsed} points used is more than the campaign's budget of {budget}");
                }
            }

            if (used.TryGetProperty("credit", out var c))
            {
                creditUsed = ReadAmount(text, c, path.Member("credit"));
                if (campaign?.Bound.Budget?.Credit is { } budget && creditUsed > budget)
                {
                    throw text.ErrorAt(path.Member("credit"), $"{OutcomeJson.FormatDecimal(creditUsed)} credit used is more than the campaign's budget of {OutcomeJson.FormatDecimal(budget)}");
                }
            }
        }

        return new StateContents(states, seen, pointsUsed, creditUsed, versioned, root.TryGetProperty("checksum", out _) ? text.ChecksumValueOffset + StateChecksum.Prefix.Length : -1);
    }

    /// <summary>Reads and validates one participant; null when there is no campaign to build it for.</summary>
    private static ParticipantState? ReadParticipant(StateFileText text, StateFilePath where, string id, JsonElement element, ParticipantSchema? schema, bool versioned)
    {
        Expect(text, element, JsonValueKind.Object, where);
        var state = schema is null ? null : new ParticipantState(schema, id);
        long points = 0;
        long? lifetime = null;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var path = where.Member(property.Name);
            switch (property.Name)
            {
                case "tier":
                    if (value.ValueKind == JsonValueKind.Null && schema is not { Tiers.IsEmpty: false })
                    {
                        break;
                    }

                    Expect(text, value, JsonValueKind.String, path);
                    if (schema is not null)
                    {
                        if (!schema.TierIndex.TryGetValue(value.GetString()!, out var tier))
                        {
                            throw text.ErrorAt(path, $"the campaign declares no tier '{StateFilePath.Escape(value.GetString()!)}'");
                        }

                        state!.TierIndex = tier;
                    }

                    break;
                case "points":
                    points = ReadCount(text, value, path);
                    break;
                case "lifetime_points":
                    lifetime = ReadCount(text, value, path);
                    break;
                case "credit":
                    var credit = ReadAmount(text, value, path);
                    state?.Credit = credit;
                    break;
                case "counters":
                    Expect(text, value, JsonValueKind.Object, path);
                    foreach (var counter in value.EnumerateObject())
                    {
                        var count = ReadCount(text, counter.Value, path.Member(counter.Name));

                        // A counter the campaign no longer declares is dropped: campaigns evolve.
                        if (schema is not null && schema.CounterIndex.TryGetValue(counter.Name, out var index))
                        {
                            state!.Counters[index] = count;
                        }
                    }

                    break;
                case "badges":
                    Expect(text, value, JsonValueKind.Array, path);
                    var item = 0;
                    foreach (var badge in value.EnumerateArray())
                    {
                        Expect(text, badge, JsonValueKind.String, path.Item(item++));
                        if (state is not null && !state.BadgeList.Contains(badge.GetString()!))
                        {
                            state.BadgeList.Add(badge.GetString()!);
                        }
                    }

                    break;
                case "attributes":
                    Expect(text, value, JsonValueKind.Object, path);
                    foreach (var attribute in value.EnumerateObject())
                    {
                        // An attribute the campaign no longer declares is dropped, as a counter is.
                        if (schema is null || !schema.AttributesByName.TryGetValue(attribute.Name, out var symbol))
                        {
                            continue;
                        }

                        if (AttributeValues.TryConvert(attribute.Value, symbol, out var converted) is { } error)
                        {
                            throw text.ErrorAt(path.Member(attribute.Name), StateFilePath.Escape(error));
                        }

                        state!.AttributeValues[symbol.Slot] = converted;
                    }

                    break;
                case "limits":
                    Expect(text, value, JsonValueKind.Object, path);
                    foreach (var rule in value.EnumerateObject())
                    {
                        var rulePath = path.Member(rule.Name);
                        Expect(text, rule.Value, JsonValueKind.Object, rulePath);
                        foreach (var window in rule.Value.EnumerateObject())
                        {
                            var count = ReadCount(text, window.Value, rulePath.Member(window.Name));
                            state?.SetLimitUsage(rule.Name, window.Name, count);
                        }
                    }

                    break;
                default:
                    // Spec §5's unversioned form "may hold more"; a versioned file is this tool's own, so a stray key is an edit gone wrong.
                    if (versioned)
                    {
                        throw text.ErrorAt(path, "a participant has no such field; expected tier, points, lifetime_points, credit, counters, badges, attributes or limits", atKey: true);
                    }

                    break;
            }
        }

        // Lifetime points are all points ever earned, so never below the balance (until reversals exist); a file that
        // gives only the balance means the participant has earned that much.
        if (lifetime is { } earned && earned < points)
        {
            throw text.ErrorAt(where.Member("lifetime_points"), $"lifetime_points ({earned}) is below points ({points}); all points ever earned cannot be fewer than the balance");
        }

        if (state is not null)
        {
            state.Points = points;
            state.LifetimePoints = lifetime ?? points;
        }

        return state;
    }

    private static void RefuseUnknown(StateFileText text, JsonElement element, StateFilePath where, HashSet<string> known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw text.ErrorAt(where.Member(property.Name), $"a state file has no such field here; expected {string.Join(", ", known)}", atKey: true);
            }
        }
    }

    private static void Expect(StateFileText text, JsonElement element, JsonValueKind kind, StateFilePath path)
    {
        if (element.ValueKind != kind)
        {
            throw text.ErrorAt(path, $"must be a JSON {kind.ToString().ToLowerInvariant()}, not {Kind(element)}");
        }
    }

    /// <summary>Points, a counter, or a limit's firings: a whole number, never negative.</summary>
    private static long ReadCount(StateFileText text, JsonElement element, StateFilePath path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var value))
        {
            throw text.ErrorAt(path, "must be a whole number");
        }

        return value >= 0 ? value : throw text.ErrorAt(path, $"must not be negative, but is {value}");
    }

    /// <summary>Credit: a decimal, as a string ("10.00") or a number, never negative.</summary>
    private static decimal ReadAmount(StateFileText text, JsonElement element, StateFilePath path)
    {
        var value = element.ValueKind switch
        {
            JsonValueKind.Number when element.TryGetDecimal(out var d) => d,
            JsonValueKind.String when decimal.TryParse(element.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw text.ErrorAt(path, "must be a decimal, such as \"10.00\""),
        };
        return value >= 0 ? value : throw text.ErrorAt(path, $"must not be negative, but is {OutcomeJson.FormatDecimal(value)}");
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static string Describe(JsonElement element) => StateFilePath.Escape(element.GetRawText());
}
