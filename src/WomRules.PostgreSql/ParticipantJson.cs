using System.Text.Json;
using WomRules.Runtime;

namespace WomRules.PostgreSql;

/// <summary>
/// A participant's row: its public <see cref="ParticipantSnapshot"/> as one JSON document (docs/stores.md,
/// PostgreSQL), so a campaign's participant schema needs no table of its own. Attribute values are written as JSON and
/// handed back as <see cref="JsonElement"/>s, which <see cref="ParticipantState.FromSnapshot"/> converts by the
/// campaign's declared type.
/// </summary>
internal static class ParticipantJson
{
    public static string Write(ParticipantSnapshot p)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (p.Tier is not null) w.WriteString("tier", p.Tier);
            Time(w, "tier_since", p.TierSince);
            Time(w, "first_seen", p.FirstSeen);
            Time(w, "last_seen", p.LastSeen);
            w.WriteNumber("points", p.Points);
            w.WriteNumber("lifetime_points", p.LifetimePoints);
            w.WriteNumber("credit", p.Credit);
            w.WriteNumber("pending_points", p.PendingPoints);
            w.WriteNumber("pending_credit", p.PendingCredit);
            w.WriteStartObject("counters");
            foreach (var (name, value) in p.Counters) w.WriteNumber(name, value);
            w.WriteEndObject();
            w.WriteStartArray("badges");
            foreach (var badge in p.Badges) w.WriteStringValue(badge);
            w.WriteEndArray();
            w.WriteStartObject("attributes");
            foreach (var (name, value) in p.Attributes)
            {
                w.WritePropertyName(name);
                JsonSerializer.Serialize(w, value);
            }

            w.WriteEndObject();
            w.WriteStartArray("limits");
            foreach (var l in p.LimitUsage)
            {
                w.WriteStartArray();
                w.WriteStringValue(l.Owner);
                w.WriteBooleanValue(l.IsCap);
                w.WriteStringValue(l.Window);
                w.WriteNumberValue(l.Count);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray("rolling");
            foreach (var r in p.RollingFirings)
            {
                w.WriteStartArray();
                w.WriteStringValue(r.Owner);
                w.WriteBooleanValue(r.IsCap);
                foreach (var t in r.Times) w.WriteStringValue(t.UtcDateTime);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray("identities");
            foreach (var i in p.Identities)
            {
                w.WriteStartArray();
                w.WriteStringValue(i.Attribute);
                w.WriteStringValue(i.Value);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray("lots");
            foreach (var lot in p.Lots)
            {
                w.WriteStartArray();
                w.WriteNumberValue(lot.Grant);
                w.WriteStringValue(lot.Expires.UtcDateTime);
                w.WriteNumberValue(lot.Left);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a row back; throws <see cref="InvalidDataException"/> naming the participant for a row it cannot read.</summary>
    public static ParticipantSnapshot Read(string id, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var o = document.RootElement;
            return new ParticipantSnapshot(id)
            {
                Tier = o.TryGetProperty("tier", out var tier) ? tier.GetString() : null,
                TierSince = Time(o, "tier_since"),
                FirstSeen = Time(o, "first_seen"),
                LastSeen = Time(o, "last_seen"),
                Points = o.GetProperty("points").GetInt64(),
                LifetimePoints = o.GetProperty("lifetime_points").GetInt64(),
                Credit = o.GetProperty("credit").GetDecimal(),
                PendingPoints = o.GetProperty("pending_points").GetInt64(),
                PendingCredit = o.GetProperty("pending_credit").GetDecimal(),
                Counters = o.GetProperty("counters").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt64(), StringComparer.Ordinal),
                Badges = [.. o.GetProperty("badges").EnumerateArray().Select(b => b.GetString()!)],
                Attributes = o.GetProperty("attributes").EnumerateObject()
                    .ToDictionary(a => a.Name, a => a.Value.ValueKind == JsonValueKind.Null ? null : (object?)a.Value.Clone(), StringComparer.Ordinal),
                LimitUsage = [.. o.GetProperty("limits").EnumerateArray().Select(l => new LimitUsageSnapshot(l[0].GetString()!, l[1].GetBoolean(), l[2].GetString()!, l[3].GetInt64()))],
                RollingFirings = [.. o.GetProperty("rolling").EnumerateArray().Select(r => new RollingFiringsSnapshot(r[0].GetString()!, r[1].GetBoolean(),
                    [.. r.EnumerateArray().Skip(2).Select(t => t.GetDateTimeOffset().ToUniversalTime())]))],
                Identities = [.. o.GetProperty("identities").EnumerateArray().Select(i => new IdentityValueSnapshot(i[0].GetString()!, i[1].GetString()!))],
                Lots = [.. o.GetProperty("lots").EnumerateArray().Select(l => new PointsLotSnapshot(l[0].GetInt64(), l[1].GetDateTimeOffset().ToUniversalTime(), l[2].GetInt64()))],
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"The stored row of participant '{id}' is not a participant snapshot: {ex.Message}", ex);
        }
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? time)
    {
        if (time is { } t) w.WriteString(name, t.UtcDateTime);
    }

    private static DateTimeOffset? Time(JsonElement o, string name) =>
        o.TryGetProperty(name, out var t) ? t.GetDateTimeOffset().ToUniversalTime() : null;
}
