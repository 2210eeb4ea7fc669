using System.Globalization;
using System.Text.Json;
using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// The state file of spec §5: <c>{"participants": {...}}</c>, plus what resuming needs (seen event ids, limit
/// windows, budget used) so that running A then B from the saved state equals running A+B.
/// </summary>
internal static class StateFile
{
    public static void Write(Stream stream, CompiledCampaign campaign, InMemoryParticipantStore store)
    {
        using var writer = new Utf8JsonWriter(stream, OutcomeJson.WriterOptions with { Indented = true });
        writer.WriteStartObject();
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
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The state file is not valid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("The state file must hold a JSON object with a 'participants' object.");
            }

            var states = new List<ParticipantState>();
            if (root.TryGetProperty("participants", out var participants))
            {
                Expect(participants, JsonValueKind.Object, "participants");
                foreach (var entry in participants.EnumerateObject())
                {
                    states.Add(ReadParticipant(entry.Name, entry.Value, campaign.Schema));
                }
            }

            var seen = new List<string>();
            if (root.TryGetProperty("seen_events", out var seenElement))
            {
                Expect(seenElement, JsonValueKind.Array, "seen_events");
                foreach (var id in seenElement.EnumerateArray())
                {
                    Expect(id, JsonValueKind.String, "seen_events[]");
                    seen.Add(id.GetString()!);
                }
            }

            long pointsUsed = 0;
            decimal creditUsed = 0m;
            if (root.TryGetProperty("budget_used", out var used))
            {
                Expect(used, JsonValueKind.Object, "budget_used");
                if (used.TryGetProperty("points", out var p))
                {
                    pointsUsed = ReadInt(p, "budget_used.points");
                }

                if (used.TryGetProperty("credit", out var c))
                {
                    creditUsed = ReadDecimal(c, "budget_used.credit");
                }
            }

            var store = new InMemoryParticipantStore();
            store.Restore(states, seen, pointsUsed, creditUsed);
            return store;
        }
    }

    private static ParticipantState ReadParticipant(string id, JsonElement element, ParticipantSchema schema)
    {
        var where = $"participants.{id}";
        Expect(element, JsonValueKind.Object, where);
        var state = new ParticipantState(schema, id);
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var path = $"{where}.{property.Name}";
            switch (property.Name)
            {
                case "tier":
                    if (value.ValueKind == JsonValueKind.Null && schema.Tiers.IsEmpty)
                    {
                        break;
                    }

                    Expect(value, JsonValueKind.String, path);
                    if (!schema.TierIndex.TryGetValue(value.GetString()!, out var tier))
                    {
                        throw new InvalidDataException($"{path}: the campaign declares no tier '{value.GetString()}'.");
                    }

                    state.TierIndex = tier;
                    break;
                case "points":
                    state.Points = ReadInt(value, path);
                    break;
                case "lifetime_points":
                    state.LifetimePoints = ReadInt(value, path);
                    break;
                case "credit":
                    state.Credit = ReadDecimal(value, path);
                    break;
                case "counters":
                    Expect(value, JsonValueKind.Object, path);
                    foreach (var counter in value.EnumerateObject())
                    {
                        // A counter the campaign no longer declares is dropped: campaigns evolve.
                        if (schema.CounterIndex.TryGetValue(counter.Name, out var index))
                        {
                            state.Counters[index] = ReadInt(counter.Value, $"{path}.{counter.Name}");
                        }
                    }

                    break;
                case "badges":
                    Expect(value, JsonValueKind.Array, path);
                    foreach (var badge in value.EnumerateArray())
                    {
                        Expect(badge, JsonValueKind.String, path + "[]");
                        if (!state.BadgeList.Contains(badge.GetString()!))
                        {
                            state.BadgeList.Add(badge.GetString()!);
                        }
                    }

                    break;
                case "attributes":
                    Expect(value, JsonValueKind.Object, path);
                    foreach (var attribute in value.EnumerateObject())
                    {
                        if (!schema.AttributesByName.TryGetValue(attribute.Name, out var symbol))
                        {
                            continue;
                        }

                        if (AttributeValues.TryConvert(attribute.Value, symbol, out var converted) is { } error)
                        {
                            throw new InvalidDataException($"{path}: {error}.");
                        }

                        state.AttributeValues[symbol.Slot] = converted;
                    }

                    break;
                case "limits":
                    Expect(value, JsonValueKind.Object, path);
                    foreach (var rule in value.EnumerateObject())
                    {
                        Expect(rule.Value, JsonValueKind.Object, $"{path}.{rule.Name}");
                        foreach (var window in rule.Value.EnumerateObject())
                        {
                            state.SetLimitUsage(rule.Name, window.Name, ReadInt(window.Value, $"{path}.{rule.Name}.{window.Name}"));
                        }
                    }

                    break;
            }
        }

        return state;
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string path)
    {
        if (element.ValueKind != kind)
        {
            throw new InvalidDataException($"{path} must be a JSON {kind.ToString().ToLowerInvariant()}, not {element.ValueKind.ToString().ToLowerInvariant()}.");
        }
    }

    private static long ReadInt(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value)
            ? value
            : throw new InvalidDataException($"{path} must be a whole number.");

    private static decimal ReadDecimal(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDecimal(out var d) => d,
        JsonValueKind.String when decimal.TryParse(element.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new InvalidDataException($"{path} must be a decimal, such as \"10.00\"."),
    };
}
