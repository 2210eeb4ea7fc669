using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace WomRules.Service.Tests;

public sealed class HotReloadUnderLoadTests
{
    private const string OldReward = "{ to: referrer, points: 500, counter: referrals }";
    private const string NewReward = "{ to: referrer, points: 700, counter: referrals }";

    [Fact]
    public async Task A_reload_while_8_clients_post_fails_no_request_and_each_is_wholly_one_version()
    {
        // A copy of the referral campaign in a temp folder, with a budget no run of this test can spend.
        var directory = Path.Combine(Path.GetTempPath(), "womrules-service-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "campaign.yaml");
        var original = File.ReadAllText(Path.Combine(ServiceFactory.Examples, "referral", "campaign.yaml"))
            .Replace("budget: { points: 500000, credit: 20000.00 }", "budget: { points: 5000000000, credit: 200000000.00 }", StringComparison.Ordinal);
        original.Should().Contain(OldReward).And.Contain("5000000000");
        File.WriteAllText(path, original);
        var points = new Dictionary<long, long> { [1] = 500, [2] = 700 };
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["WomRules:Campaigns:0:Path"] = path, ["WomRules:ReloadDelay"] = "00:00:00.100" });
        using var client = factory.CreateClient();
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var clients = Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            var seen = new List<(HttpStatusCode Status, long Revision, string Body)>();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var line = string.Create(CultureInfo.InvariantCulture, $$$"""{"id":"c{{{c}}}-{{{i}}}","type":"referral.converted","at":"2026-03-02T09:15:00Z","actor":"a-{{{c}}}-{{{i}}}","referrer":"r-{{{c}}}-{{{i}}}","attributes":{"order_total":45.00}}""");
                var response = await client.PostAsync("/campaigns/spring-referral/events", new StringContent(line, Encoding.UTF8, "application/json"));
                var revision = long.Parse(response.Headers.GetValues("WomRules-Campaign-Revision").Single(), CultureInfo.InvariantCulture);
                seen.Add((response.StatusCode, revision, await response.Content.ReadAsStringAsync()));
            }

            return seen;
        })).ToList();
        await Task.Delay(1500);
        File.WriteAllText(path, original.Replace(OldReward, NewReward, StringComparison.Ordinal));
        var results = (await Task.WhenAll(clients)).SelectMany(r => r).ToList();

        results.Should().OnlyContain(r => r.Status == HttpStatusCode.OK);
        results.Select(r => r.Revision).Distinct().Order().Should().Equal(1, 2);
        foreach (var (_, revision, body) in results)
        {
            var granted = JsonDocument.Parse(body).RootElement.EnumerateArray()
                .Where(o => o.GetProperty("rule").GetString() == "referral-double-sided" && o.TryGetProperty("points", out _))
                .Select(o => o.GetProperty("points").GetInt64()).ToList();
            granted.Should().Equal([points[revision]], "revision {0} rewards {1} points", revision, points[revision]);
        }

        Directory.Delete(directory, recursive: true);
    }
}
