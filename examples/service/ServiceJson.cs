using System.Globalization;
using System.Text.Json;
using WomRules.Hosting;
using WomRules.Runtime;

namespace WomRules.Service;

/// <summary>The JSON the service answers with: outcomes as <c>womrules run</c> prints them, participants, campaigns.</summary>
internal static class ServiceJson
{
    public const string RevisionHeader = "WomRules-Campaign-Revision";
    public const string HashHeader = "WomRules-Campaign-Hash";

    /// <summary>The outcomes as a JSON array of the objects <c>womrules run</c> prints one per line.</summary>
    public static IResult Outcomes(CampaignResult result, HttpResponse response)
    {
        SetVersion(result.Campaign, response);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var outcome in result.Outcomes)
            {
                outcome.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        return Results.Bytes(stream.ToArray(), "application/json");
    }

    /// <summary>The campaign version that evaluated a request, in headers: the body stays the outcomes array.</summary>
    public static void SetVersion(CampaignInfo campaign, HttpResponse response)
    {
        response.Headers[RevisionHeader] = campaign.Revision.ToString(CultureInfo.InvariantCulture);
        response.Headers[HashHeader] = campaign.ContentHash;
    }

    public static object Campaign(CampaignInfo campaign, string contentRoot) => new
    {
        id = campaign.Id,
        revision = campaign.Revision,
        content_hash = campaign.ContentHash,
        source = campaign.Path is null ? null : Path.GetRelativePath(contentRoot, campaign.Path).Replace('\\', '/'),
        rules = campaign.Rules,
    };

    public static IResult Participant(ParticipantSnapshot participant)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("id", participant.Id);
            if (participant.Tier is { } tier)
            {
                writer.WriteString("tier", tier);
            }

            writer.WriteNumber("points", participant.Points);
            writer.WriteNumber("lifetime_points", participant.LifetimePoints);
            writer.WriteNumber("credit", participant.Credit);
            writer.WriteNumber("pending_points", participant.PendingPoints);
            writer.WriteNumber("pending_credit", participant.PendingCredit);
            writer.WriteStartObject("counters");
            foreach (var (name, value) in participant.Counters)
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("badges");
            foreach (var badge in participant.Badges)
            {
                writer.WriteStringValue(badge);
            }

            writer.WriteEndArray();
            WriteTime(writer, "first_seen", participant.FirstSeen);
            WriteTime(writer, "last_seen", participant.LastSeen);
            writer.WriteEndObject();
        }

        return Results.Bytes(stream.ToArray(), "application/json");
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            writer.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
    }
}
