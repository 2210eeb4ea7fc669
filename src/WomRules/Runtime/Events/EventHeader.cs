using System.Text.Json;

namespace WomRules.Runtime;

/// <summary>
/// The fields of an event before validation, from any way in (an <see cref="EngagementEvent"/>, a line read by
/// <see cref="Utf8EventReader"/>, or a line read as a document). <see cref="EventAdmission"/> validates them.
/// </summary>
internal readonly record struct EventHeader(
    string Id,
    string? Type,
    DateTime? At,
    string? AtError,
    string? Actor,
    string? Referrer,
    string? AttributesError)
{
    /// <summary>The header fields of a line read as a document; an empty id when it has no 'id' string. Tests compare <see cref="Utf8EventReader"/> with it.</summary>
    public static EventHeader Read(JsonElement root)
    {
        if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } id)
        {
            return new EventHeader("", null, null, null, null, null, null);
        }

        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        DateTime? at = null;
        string? atError = null;
        if (!root.TryGetProperty("at", out var atElement) || atElement.ValueKind != JsonValueKind.String)
        {
            atError = "the event has no 'at' timestamp";
        }
        else if (EventTimestamp.TryParse(atElement.GetString(), out var parsed))
        {
            at = parsed;
        }
        else
        {
            atError = $"'at' is not an ISO 8601 timestamp: '{atElement.GetString()}'";
        }

        var actor = root.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        string? referrer = "";
        if (root.TryGetProperty("referrer", out var r))
        {
            referrer = r.ValueKind switch
            {
                JsonValueKind.String => r.GetString(),
                JsonValueKind.Null => "",
                _ => null,
            };
        }

        string? attributesError = null;
        if (root.TryGetProperty("attributes", out var attributesElement)
            && attributesElement.ValueKind is not JsonValueKind.Object and not JsonValueKind.Null)
        {
            attributesError = "'attributes' must be a JSON object";
        }

        return new EventHeader(id, type, at, atError, actor, referrer, attributesError);
    }
}
