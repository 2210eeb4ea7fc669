using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WomRules.Runtime;

namespace WomRules.Service.Tests;

public sealed class ServiceTests
{
    private static readonly string[] ExampleNames = ["referral", "reviews", "loyalty", "influencer", "co-creation"];

    private static CompiledCampaign Compile(string example) =>
        CampaignCompilation.FromFile(Path.Combine(ServiceFactory.Examples, example, "campaign.yaml")).Emit().Campaign!;

    private static string[] EventLines(string example) =>
        File.ReadAllLines(Path.Combine(ServiceFactory.Examples, example, "events.jsonl")).Where(l => l.Length > 0).ToArray();

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static StringContent JsonLines(IEnumerable<string> lines, string mediaType = "application/x-ndjson") =>
        new(string.Join("\n", lines) + "\n", Encoding.UTF8, mediaType);

    private static async Task<JsonElement> ReadJson(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static List<string> Canonical(JsonElement array) => array.EnumerateArray().Select(e => e.GetRawText()).ToList();

    [Fact]
    public async Task Get_campaigns_lists_the_five_examples_at_revision_one()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();

        var campaigns = await ReadJson(await client.GetAsync("/campaigns"));

        campaigns.EnumerateArray().Select(c => c.GetProperty("id").GetString()).Should().Equal(ExampleNames.Select(n => Compile(n).Id));
        campaigns.EnumerateArray().Should().OnlyContain(c => c.GetProperty("revision").GetInt64() == 1);
    }

    [Fact]
    public async Task Posting_one_event_answers_the_outcomes_womrules_run_prints_with_the_version_in_headers()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        var line = EventLines("referral")[0];

        var response = await client.PostAsync("/campaigns/spring-referral/events", Json(line));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("WomRules-Campaign-Revision").Should().Equal("1");
        response.Headers.GetValues("WomRules-Campaign-Hash").Single().Should().MatchRegex("^[0-9a-f]{16}$");
        var expected = new CampaignEngine(Compile("referral")).ProcessJson(line).Select(o => o.ToJson());
        Canonical(await ReadJson(response)).Should().Equal(expected).And.NotBeEmpty();
    }

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/jsonl")]
    public async Task A_JSONL_body_without_bad_lines_is_applied_whole(string mediaType)
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        var lines = EventLines("loyalty");
        var campaign = Compile("loyalty");

        var response = await client.PostAsync($"/campaigns/{campaign.Id}/events", JsonLines(lines, mediaType));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bare = new CampaignEngine(campaign);
        Canonical(await ReadJson(response)).Should().Equal(lines.SelectMany(l => bare.ProcessJson(l)).Select(o => o.ToJson()));
    }

    [Fact]
    public async Task A_JSONL_body_with_rejected_lines_is_400_with_the_rejected_reasons_and_applies_nothing()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        var lines = EventLines("referral");

        var response = await client.PostAsync("/campaigns/spring-referral/events", JsonLines(lines));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await ReadJson(response);
        var bare = new CampaignEngine(Compile("referral"));
        var rejected = lines.Select((l, i) => (Line: i + 1, Outcomes: bare.ProcessJson(l)))
            .SelectMany(x => x.Outcomes.OfType<RejectedOutcome>().Select(r => (x.Line, r.Reason))).ToList();
        rejected.Should().NotBeEmpty();
        problem.GetProperty("rejections").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString()!))
            .Should().Equal(rejected);

        // Nothing was applied: no participant of the body exists, and the first event is not a duplicate.
        var actor = JsonDocument.Parse(lines[0]).RootElement.GetProperty("actor").GetString();
        (await client.GetAsync($"/campaigns/spring-referral/participants/{actor}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var first = await ReadJson(await client.PostAsync("/campaigns/spring-referral/events", Json(lines[0])));
        first.EnumerateArray().Should().NotContain(o => o.GetProperty("kind").GetString() == "duplicate");
    }

    [Fact]
    public async Task A_bad_single_event_is_400_with_the_engines_reason()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        const string line = """{"id":"x-1","type":"referral.converted","at":"2026-03-02T09:15:00Z","actor":"zoe\u0007\u202e","referrer":"ben"}""";

        var response = await client.PostAsync("/campaigns/spring-referral/events", Json(line));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var reason = new CampaignEngine(Compile("referral")).ProcessJson(line).OfType<RejectedOutcome>().Single().Reason;
        (await ReadJson(response)).GetProperty("rejections")[0].GetProperty("reason").GetString().Should().Be(reason);
        (await client.PostAsync("/campaigns/spring-referral/events", Json("{not json"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_campaigns_and_participants_are_404_and_the_id_is_escaped()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();

        var post = await client.PostAsync("/campaigns/no%0Asuch/events", Json(EventLines("referral")[0]));
        var get = await client.GetAsync("/campaigns/no-such/participants/ben");
        var participant = await client.GetAsync("/campaigns/spring-referral/participants/nobody");

        post.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ReadJson(post)).GetProperty("detail").GetString().Should().Contain("no\\u000asuch").And.NotContain("\n");
        get.StatusCode.Should().Be(HttpStatusCode.NotFound);
        participant.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_participant_reads_back_what_the_engine_holds()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        var lines = EventLines("loyalty");
        var campaign = Compile("loyalty");
        await client.PostAsync($"/campaigns/{campaign.Id}/events", JsonLines(lines));
        var bare = new CampaignEngine(campaign);
        foreach (var line in lines)
        {
            bare.ProcessJson(line);
        }

        var actor = JsonDocument.Parse(lines[0]).RootElement.GetProperty("actor").GetString()!;
        var participant = await ReadJson(await client.GetAsync($"/campaigns/{campaign.Id}/participants/{actor}"));

        var expected = bare.GetParticipant(actor)!;
        participant.GetProperty("points").GetInt64().Should().Be(expected.Points);
        participant.GetProperty("credit").GetDecimal().Should().Be(expected.Credit);
        participant.GetProperty("badges").EnumerateArray().Select(b => b.GetString()).Should().Equal(expected.Badges);
    }

    [Fact]
    public async Task Other_media_types_are_415_and_a_body_over_the_limit_is_413()
    {
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Service:MaxBodyBytes"] = "1000" });
        using var client = factory.CreateClient();

        var text = await client.PostAsync("/campaigns/spring-referral/events", new StringContent("{}", Encoding.UTF8, "text/plain"));
        var big = await client.PostAsync("/campaigns/spring-referral/events", JsonLines(Enumerable.Repeat(EventLines("referral")[0], 20)));
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(EventLines("referral")[0], 20)))));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var unsized = await client.PostAsync("/campaigns/spring-referral/events", chunked);

        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        big.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        unsized.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await client.GetAsync("/campaigns/spring-referral/participants/amira")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_is_healthy_with_every_campaign_loaded()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }
}
