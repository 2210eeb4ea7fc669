using System.Text;
using Microsoft.Extensions.Options;
using WomRules.Hosting;

namespace WomRules.Service;

/// <summary>The HTTP API over <see cref="ICampaignRuntime"/> (examples/service/README.md).</summary>
internal static class CampaignEndpoints
{
    public static void MapCampaigns(this IEndpointRouteBuilder app)
    {
        app.MapGet("/campaigns", (ICampaignRuntime runtime, IHostEnvironment environment) =>
            Results.Ok(runtime.Campaigns.Select(c => ServiceJson.Campaign(c, environment.ContentRootPath))));

        app.MapGet("/campaigns/{id}/participants/{pid}", async (string id, string pid, ICampaignRuntime runtime, CancellationToken cancellationToken) =>
        {
            if (runtime.FindCampaign(id) is null)
            {
                return UnknownCampaign(id);
            }

            var participant = await runtime.GetParticipantAsync(id, pid, cancellationToken);
            return participant is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown participant", detail: $"campaign '{Quote(id)}' has not seen participant '{Quote(pid)}'")
                : ServiceJson.Participant(participant);
        });

        app.MapPost("/campaigns/{id}/events", PostEventsAsync);
    }

    private static async Task<IResult> PostEventsAsync(string id, HttpContext context, ICampaignRuntime runtime, IOptions<ServiceOptions> options, CancellationToken cancellationToken)
    {
        if (runtime.FindCampaign(id) is null)
        {
            return UnknownCampaign(id);
        }

        var request = context.Request;
        var jsonLines = EventBody.IsJsonLines(request.ContentType);
        if (!jsonLines && !EventBody.IsJson(request.ContentType))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported body",
                detail: "send one event as application/json, or JSONL as application/x-ndjson or application/jsonl");
        }

        string? body;
        try
        {
            body = await EventBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return BadInput("the body is not valid UTF-8", []);
        }

        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large",
                detail: $"the body is larger than the limit of {options.Value.MaxBodyBytes} bytes (Service:MaxBodyBytes)");
        }

        CampaignResult result;
        if (jsonLines)
        {
            var lines = EventBody.Lines(body);
            try
            {
                result = await runtime.ProcessJsonLinesAsync(id, lines, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                return BadInput(ex.Message, []);
            }
        }
        else
        {
            result = await runtime.ProcessJsonAsync(id, body, cancellationToken);
        }

        if (!result.Applied)
        {
            ServiceJson.SetVersion(result.Campaign, context.Response);
            return BadInput(jsonLines ? "rejected lines; no event of the body was applied" : "the event was rejected", result.Rejections);
        }

        return ServiceJson.Outcomes(result, context.Response);
    }

    /// <summary>400 with the engine's rejected reasons (already escaped by the engine), one per rejected line.</summary>
    private static IResult BadInput(string detail, IReadOnlyList<RejectedLine> rejections) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Rejected", detail: detail,
            extensions: new Dictionary<string, object?>
            {
                ["rejections"] = rejections.Select(r => new { line = r.Line, id = r.EventId, reason = r.Reason }).ToList(),
            });

    private static IResult UnknownCampaign(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown campaign", detail: $"no campaign '{Quote(id)}' is running");

    /// <summary>User text quoted in a message: control characters shown as escapes, and cut to a readable length.</summary>
    private static string Quote(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > 200 ? text[..200] : text)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)
            {
                builder.Append(@"\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (text.Length > 200)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }
}
