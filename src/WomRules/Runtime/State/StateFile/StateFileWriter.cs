using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// Writes the state file (<see cref="StateFile"/>) of the in-memory store: sorted, indented, "\n" line breaks, and
/// sealed with its checksum, so the same state has the same bytes everywhere.
/// </summary>
internal static class StateFileWriter
{
    public static void Write(Stream stream, CompiledCampaign campaign, InMemoryParticipantStore store)
    {
        // Written whole into memory first: the checksum near the top covers every byte after it.
        using var buffer = new MemoryStream();
        int digitsOffset;
        // "\n" on every platform, so the same state has the same bytes and checksum everywhere.
        using (var writer = new Utf8JsonWriter(buffer, OutcomeJson.WriterOptions with { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", StateFile.Version);
            writer.WriteString("checksum", StateChecksum.Placeholder);

            // The value's closing quote is the last byte written; the comma comes with the next member.
            digitsOffset = (int)(writer.BytesCommitted + writer.BytesPending) - 1 - StateChecksum.DigitCount;
            writer.WriteString("campaign", campaign.Id);

            // Spec v1.1 §13: only what an acceptable event can still need is written, whatever was dropped yet.
            var horizon = LatenessHorizon.Of(store.Timeline.Clock, campaign.Bound.AcceptLate);
            if (store.Timeline.Clock is { } clock)
            {
                writer.WriteString("clock", TimestampText.Format(clock));
            }

            // The next place in grant order (spec v1.1 §1), which orders effects due at one instant.
            if (store.Timeline.NextSequence > 0)
            {
                writer.WriteNumber("next_grant", store.Timeline.NextSequence);
            }

            writer.WriteStartObject("participants");
            foreach (var p in store.LiveParticipants.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                writer.WriteStartObject(p.Id);
                WriteStanding(writer, p);
                if (p.TierSinceTicks != 0)
                {
                    // Spec v1.1 §5, §12: the state carries tier_since, written as the ledger writes times.
                    writer.WriteString("tier_since", new DateTime(p.TierSinceTicks, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", System.Globalization.CultureInfo.InvariantCulture));
                }

                // Spec v1.1 §10, §12: first_seen and last_seen, in the same form.
                foreach (var (name, ticks) in new[] { ("first_seen", p.FirstSeenTicks), ("last_seen", p.LastSeenTicks) })
                {
                    if (ticks != 0)
                    {
                        writer.WriteString(name, new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", System.Globalization.CultureInfo.InvariantCulture));
                    }
                }

                StateFileLimits.Write(writer, p, horizon);
                StateFileLots.Write(writer, p);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("budget_used");
            writer.WriteNumber("points", store.PointsIssued);
            writer.WriteString("credit", OutcomeJson.FormatDecimal(store.CreditIssued));
            writer.WriteEndObject();
            writer.WriteStartArray("seen_events");
            foreach (var id in store.Ledger.IdsAt(horizon).Order(StringComparer.Ordinal))
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            StateFileLedger.Write(writer, store.Ledger, horizon);
            StateFilePending.Write(writer, store.Timeline);
            StateFileIdentities.Write(writer, store.Identities);

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

        // Only when held (spec v1.1 §3), so a campaign without pending rewards writes the state it always wrote.
        if (p.PendingPoints != 0)
        {
            writer.WriteNumber("pending_points", p.PendingPoints);
        }

        if (p.PendingCredit != 0m)
        {
            writer.WriteString("pending_credit", OutcomeJson.FormatDecimal(p.PendingCredit));
        }

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
}
