using System.Text.Json;
using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>One entry of a state file's <c>participants</c>, validated field by field (docs/semantics.md, "State file").</summary>
internal static class StateFileParticipant
{
    /// <summary>Reads and validates one participant; null when there is no campaign to build it for.</summary>
    public static ParticipantState? Read(StateFileText text, StateFilePath where, string id, JsonElement element, ParticipantSchema? schema, bool versioned, BoundCampaign? campaign, List<(StateFilePath Path, long Ticks)> firings)
    {
        StateFileValues.Expect(text, element, JsonValueKind.Object, where);
        var state = schema is null ? null : new ParticipantState(schema, id);
        long firstSeen = 0, lastSeen = 0;
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

                    StateFileValues.Expect(text, value, JsonValueKind.String, path);
                    if (schema is not null)
                    {
                        if (!schema.TierIndex.TryGetValue(value.GetString()!, out var tier))
                        {
                            throw text.ErrorAt(path, $"the campaign declares no tier '{StateFilePath.Escape(value.GetString()!)}'");
                        }

                        state!.TierIndex = tier;
                    }

                    break;
                case "tier_since":
                    // Spec v1.1 §5: when the tier was reached (or the participant first seen).
                    var since = StateFileLedger.ReadTime(text, value, path);
                    state?.TierSinceTicks = since.Ticks;
                    break;
                case "first_seen":
                    // Spec v1.1 §10: the first and latest accepted event naming the participant.
                    firstSeen = StateFileLedger.ReadTime(text, value, path).Ticks;
                    state?.FirstSeenTicks = firstSeen;
                    break;
                case "last_seen":
                    lastSeen = StateFileLedger.ReadTime(text, value, path).Ticks;
                    state?.LastSeenTicks = lastSeen;
                    break;
                case "points":
                    // Negative once a reversal took back points already redeemed (spec v1.1 §2).
                    points = StateFileValues.ReadBalance(text, value, path);
                    break;
                case "lifetime_points":
                    lifetime = StateFileValues.ReadCount(text, value, path);
                    break;
                case "credit":
                    var credit = StateFileValues.ReadAmount(text, value, path);
                    state?.Credit = credit;
                    break;
                case "pending_points":
                    // Held by pending rewards (spec v1.1 §3); the queue's grants must add up to it (StateFilePending).
                    var pendingPoints = StateFileValues.ReadCount(text, value, path);
                    state?.PendingPoints = pendingPoints;
                    break;
                case "pending_credit":
                    var pendingCredit = StateFileValues.ReadAmount(text, value, path);
                    state?.PendingCredit = pendingCredit;
                    break;
                case "counters":
                    StateFileValues.Expect(text, value, JsonValueKind.Object, path);
                    foreach (var counter in value.EnumerateObject())
                    {
                        var count = StateFileValues.ReadCount(text, counter.Value, path.Member(counter.Name));

                        // A counter the campaign no longer declares is dropped: campaigns evolve.
                        if (schema is not null && schema.CounterIndex.TryGetValue(counter.Name, out var index))
                        {
                            state!.Counters[index] = count;
                        }
                    }

                    break;
                case "badges":
                    StateFileValues.Expect(text, value, JsonValueKind.Array, path);
                    var item = 0;
                    foreach (var badge in value.EnumerateArray())
                    {
                        StateFileValues.Expect(text, badge, JsonValueKind.String, path.Item(item++));
                        if (state is not null && !state.BadgeList.Contains(badge.GetString()!))
                        {
                            state.BadgeList.Add(badge.GetString()!);
                        }
                    }

                    break;
                case "attributes":
                    StateFileValues.Expect(text, value, JsonValueKind.Object, path);
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
                case "lots":
                    var lots = StateFileLots.Read(text, value, path, versioned);
                    state?.Lots = lots;
                    break;
                case "limits" or "caps" or "rolling" or "rolling_caps":
                    // Calendar usage and rolling firings of rule limits and caps (spec v1.1 §7, §12).
                    StateFileLimits.Read(text, property.Name, value, path, state, campaign, firings);
                    break;
                default:
                    // Spec §5's unversioned form "may hold more"; a versioned file is this tool's own, so a stray key is an edit gone wrong.
                    if (versioned)
                    {
                        throw text.ErrorAt(path, "a participant has no such field; expected tier, tier_since, first_seen, last_seen, points, lifetime_points, credit, pending_points, pending_credit, counters, badges, attributes, limits, caps, rolling, rolling_caps or lots", atKey: true);
                    }

                    break;
            }
        }

        // Lifetime points are all points ever earned less those reversals took back. A reversal takes the same points off
        // both, and only a redemption (which a reversal may give back, to points alone) parts them, so lifetime points
        // are never below the balance and never negative (spec v1.1 §2). A file that gives only the balance means the
        // participant has earned that much; a negative balance then needs its lifetime points.
        if (lifetime is null && points < 0)
        {
            throw text.ErrorAt(where.Member("points"), $"a negative balance ({points}) needs lifetime_points, the points earned before a reversal took them back");
        }

        if (lifetime is { } earned && earned < points)
        {
            throw text.ErrorAt(where.Member("lifetime_points"), $"lifetime_points ({earned}) is below points ({points}); all points ever earned cannot be fewer than the balance");
        }

        // The first event naming a participant cannot come after the latest; either alone stands (an older file).
        if (firstSeen > 0 && lastSeen > 0 && firstSeen > lastSeen)
        {
            throw text.ErrorAt(where.Member("first_seen"), "first_seen is after last_seen; the first event naming a participant cannot come after the latest");
        }

        if (state is not null)
        {
            state.Points = points;
            state.LifetimePoints = lifetime ?? points;
        }

        return state;
    }
}
