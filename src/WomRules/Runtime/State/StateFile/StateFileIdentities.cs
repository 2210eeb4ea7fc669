using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// The state file's <c>identities</c> (spec v1.1 §8, §12): <c>{"PARTICIPANT": {"ATTRIBUTE": ["VALUE", …]}}</c>, the
/// identity values recorded against each participant, sorted so the same records have the same bytes. Written only
/// when there are records, so a campaign without identity attributes writes the state it always wrote.
/// </summary>
internal static class StateFileIdentities
{
    public const string Member = "identities";

    public static void Write(Utf8JsonWriter writer, IdentityIndex identities)
    {
        if (identities.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(Member);
        foreach (var (participant, records) in identities.Participants.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(participant);
            foreach (var attribute in records.GroupBy(r => r.Attribute, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray(attribute.Key);
                foreach (var record in attribute.OrderBy(r => r.Value, StringComparer.Ordinal))
                {
                    writer.WriteStringValue(record.Value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads and validates the records. A participant must be one of the file's participants (an event's actor always
    /// is); a value must be a non-empty string, once per attribute. Records of an attribute the campaign no longer
    /// marks as identity are dropped, as a counter it no longer declares is.
    /// </summary>
    public static List<KeyValuePair<string, IdentityRecord>> Read(
        StateFileText text, JsonElement root, StateFilePath top, HashSet<string> participantIds, CompiledCampaign? campaign)
    {
        var result = new List<KeyValuePair<string, IdentityRecord>>();
        if (!root.TryGetProperty(Member, out var element))
        {
            return result;
        }

        var path = top.Member(Member);
        StateFileValues.Expect(text, element, JsonValueKind.Object, path);
        var declared = campaign?.Bound.EventTypes.Values.SelectMany(t => t.IdentityAttributes).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var participant in element.EnumerateObject())
        {
            var participantPath = path.Member(participant.Name);
            if (!participantIds.Contains(participant.Name))
            {
                throw text.ErrorAt(participantPath, "identity values are recorded only against participants, and the file has no participant with this id", atKey: true);
            }

            StateFileValues.Expect(text, participant.Value, JsonValueKind.Object, participantPath);
            foreach (var attribute in participant.Value.EnumerateObject())
            {
                var attributePath = participantPath.Member(attribute.Name);
                StateFileValues.Expect(text, attribute.Value, JsonValueKind.Array, attributePath);
                var values = new HashSet<string>(StringComparer.Ordinal);
                var index = 0;
                foreach (var value in attribute.Value.EnumerateArray())
                {
                    var valuePath = attributePath.Item(index++);
                    StateFileValues.Expect(text, value, JsonValueKind.String, valuePath);
                    var s = value.GetString()!;
                    if (s.Length == 0)
                    {
                        throw text.ErrorAt(valuePath, "an identity value is never empty (an empty value is not recorded, since it never matches)");
                    }

                    if (!values.Add(s))
                    {
                        throw text.ErrorAt(valuePath, "this identity value is listed twice for the participant");
                    }

                    // The campaign's own name string, so that every record of the attribute shares it.
                    string? name = attribute.Name;
                    if (declared is null || declared.TryGetValue(attribute.Name, out name))
                    {
                        result.Add(new(participant.Name, new IdentityRecord(name, s)));
                    }
                }
            }
        }

        return result;
    }
}
