using System.Globalization;
using System.Text;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>Spec v1.1 §4 (points expiry and lots), one behaviour a test, and the laws that hold over random streams.</summary>
public sealed class PointsExpiryTests
{
    private const string Yaml = """
        womrules: 1
        campaign: expiring
        expiry: { points: 30d }
        events:
          sale: { total: int }
          gift: { total: int }
        budget: { points: 100000 }
        rules:
          - { name: sale-points, on: sale, rewards: [ { points: event.total } ] }
          - { name: gift-points, on: gift, rewards: [ { points: event.total, pending: 5d } ] }
        """;

    private static readonly CompiledCampaign Campaign = CampaignRunner.Compile(Yaml);

    private static string Sale(string id, int total, string at, string actor = "ann") => CampaignRunner.Event(id, "sale", actor, $"{{\"total\": {total}}}", at: at);

    private static string Redeem(string id, int points, string at) => CampaignRunner.Event(id, "points.redeemed", "ann", $"{{\"points\": {points}}}", at: at);

    private static string Reverse(string id, string target, string at) => CampaignRunner.Event(id, "event.reversed", "desk", $"{{\"target\": \"{target}\"}}", at: at);

    private static List<string> Sweep(CampaignRunner runner, string to) =>
        runner.Sweep(DateTimeOffset.Parse(to, CultureInfo.InvariantCulture));

    [Fact]
    public void What_is_left_of_a_lot_expires_at_its_time_from_points_but_not_lifetime_points_or_the_budget()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", 40, "2026-03-01T10:00:00Z"));
        Sweep(runner, "2026-03-31T09:59:59Z").Should().BeEmpty();
        Sweep(runner, "2026-04-01T00:00:00Z").Should().Equal("""{"kind":"expired","event":null,"due":"2026-03-31T10:00:00Z","participant":"ann","points":40}""");
        var ann = runner.Participant("ann")!;
        (ann.Points, ann.LifetimePoints).Should().Be((0L, 40L));
        runner.Engine.Store.PointsIssued.Should().Be(40, "expired points are not returned to the budget");
    }

    [Fact]
    public void Redemption_takes_from_the_oldest_lot_and_an_emptied_lot_expires_without_an_outcome()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", 40, "2026-03-01T10:00:00Z"), Sale("s2", 50, "2026-03-10T10:00:00Z"), Redeem("r1", 60, "2026-03-12T10:00:00Z"));
        Sweep(runner, "2026-05-01T00:00:00Z").Should().Equal("""{"kind":"expired","event":null,"due":"2026-04-09T10:00:00Z","participant":"ann","points":30}""");
    }

    [Fact]
    public void A_reversal_takes_its_whole_grant_from_the_oldest_lots_even_if_part_expired_and_a_negative_balance_has_no_lots()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", 40, "2026-03-01T10:00:00Z"), Sale("s2", 50, "2026-03-20T10:00:00Z"));
        Sweep(runner, "2026-04-01T00:00:00Z").Should().ContainSingle().Which.Should().Contain("\"points\":40");
        runner.Run(Reverse("u1", "s1", "2026-04-02T10:00:00Z")).Should().ContainSingle().Which.Should().Contain("\"kind\":\"reversed\"");
        runner.Participant("ann")!.Points.Should().Be(10, "the 40 are taken from the 50 left");
        Sweep(runner, "2026-05-01T00:00:00Z").Should().Equal("""{"kind":"expired","event":null,"due":"2026-04-19T10:00:00Z","participant":"ann","points":10}""");

        runner.Run(Sale("s3", 20, "2026-05-02T10:00:00Z"), Redeem("r1", 20, "2026-05-03T10:00:00Z"), Reverse("u3", "s3", "2026-05-04T10:00:00Z"));
        runner.Participant("ann")!.Points.Should().Be(-20);
        Sweep(runner, "2026-07-01T00:00:00Z").Should().BeEmpty("a negative balance has no lots and does not expire");
    }

    [Fact]
    public void Points_granted_while_negative_first_bring_the_balance_to_zero_and_only_the_rest_is_a_lot()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", 30, "2026-03-01T10:00:00Z"), Redeem("r1", 30, "2026-03-02T10:00:00Z"), Reverse("u1", "s1", "2026-03-03T10:00:00Z"));
        runner.Participant("ann")!.Points.Should().Be(-30);
        runner.Run(Sale("s2", 50, "2026-03-04T10:00:00Z"));
        Sweep(runner, "2026-05-01T00:00:00Z").Should().Equal("""{"kind":"expired","event":null,"due":"2026-04-03T10:00:00Z","participant":"ann","points":20}""");
    }

    [Fact]
    public void A_restored_redemption_is_a_new_lot_available_from_the_clock_and_a_released_grant_is_a_lot_from_its_due_time()
    {
        var runner = new CampaignRunner(Yaml);
        runner.Run(Sale("s1", 30, "2026-03-01T10:00:00Z"), Redeem("r1", 30, "2026-03-02T10:00:00Z"), Reverse("u1", "r1", "2026-03-20T10:00:00Z"));
        runner.Run(CampaignRunner.Event("g1", "gift", "ann", """{"total": 7}""", at: "2026-03-21T10:00:00Z"));
        Sweep(runner, "2026-05-01T00:00:00Z").Should().Equal(
            """{"kind":"released","event":null,"due":"2026-03-26T10:00:00Z","source":"g1","rule":"gift-points","participant":"ann","points":7}""",
            """{"kind":"expired","event":null,"due":"2026-04-19T10:00:00Z","participant":"ann","points":30}""",
            """{"kind":"expired","event":null,"due":"2026-04-25T10:00:00Z","participant":"ann","points":7}""");
    }

    [Fact]
    public void Expiry_in_both_forms_converts_and_credit_expiry_is_an_error_at_its_duration()
    {
        const string dsl = "campaign shop\nexpire points after 365d\n\nevent sale\n  total: int\n";
        var yaml = Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml);
        yaml.Should().Contain("expiry: { points: 365d }");
        Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl).Should().Contain("expire points after 365d\n");
        Forms.ShouldBeSameTree(Forms.Parse(yaml, CampaignFormat.Yaml), Forms.Parse(dsl, CampaignFormat.Dsl), "convert keeps expiry");

        Errors("campaign shop\nexpire credit after 30d\n", "campaign.wom").Should().ContainSingle().Which.Should().StartWith("campaign.wom(2,21)").And.Contain("WOM3056");
        Errors("womrules: 1\ncampaign: shop\nexpiry: { credit: 30d }\nevents: { sale: {} }\n", "campaign.yaml").Should().ContainSingle().Which.Should().StartWith("campaign.yaml(3,19)").And.Contain("WOM3056");
        Errors("womrules: 1\ncampaign: shop\nexpiry: { points: 0d }\nevents: { sale: {} }\n", "campaign.yaml").Should().ContainSingle().Which.Should().StartWith("campaign.yaml(3,19)").And.Contain("WOM3051");
    }

    [Fact]
    public void Over_random_streams_points_expire_once_never_below_zero_and_a_final_sweep_leaves_nothing_that_could_expire()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var runner = new CampaignRunner(Yaml);
            var expired = new Dictionary<string, long>(StringComparer.Ordinal);
            var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
            var ids = new List<string>();
            for (var i = 0; i < 60; i++)
            {
                var at = (start + TimeSpan.FromHours(i * 20)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                var line = random.Next(6) switch
                {
                    0 or 1 => Sale($"e{i}", random.Next(1, 80), at, actor: $"u{random.Next(3)}"),
                    2 => CampaignRunner.Event($"e{i}", "gift", $"u{random.Next(3)}", $"{{\"total\": {random.Next(1, 40)}}}", at: at),
                    3 => CampaignRunner.Event($"e{i}", "points.redeemed", $"u{random.Next(3)}", $"{{\"points\": {random.Next(1, 60)}}}", at: at),
                    _ => Reverse($"e{i}", ids.Count == 0 ? "none" : ids[random.Next(ids.Count)], at),
                };
                ids.Add($"e{i}");
                foreach (var outcome in runner.Run(line).Concat(random.Next(8) == 0 ? Sweep(runner, at) : []))
                {
                    Tally(outcome, expired);
                }

                foreach (var p in ((InMemoryParticipantStore)runner.Engine.Store).LiveParticipants)
                {
                    p.Lots.Sum(l => l.Left).Should().Be(Math.Max(p.Points, 0), $"seed {seed}: every point not negative is in a lot");
                    p.Lots.Should().NotContain(l => l.Left <= 0);
                }
            }

            foreach (var outcome in Sweep(runner, "2027-01-01T00:00:00Z"))
            {
                Tally(outcome, expired);
            }

            foreach (var p in ((InMemoryParticipantStore)runner.Engine.Store).Participants)
            {
                p.Points.Should().BeLessThanOrEqualTo(0, $"seed {seed}: after every lot's time nothing positive is left");
                expired.GetValueOrDefault(p.Id).Should().BeLessThanOrEqualTo(p.LifetimePoints + 10_000, $"seed {seed}");
            }

            Sweep(runner, "2028-01-01T00:00:00Z").Should().BeEmpty($"seed {seed}: nothing expires twice");
        }
    }

    [Fact]
    public void A_state_file_whose_lots_do_not_match_the_balance_or_have_expired_is_refused_with_the_path()
    {
        var engine = new CampaignEngine(Campaign);
        engine.ProcessJson(Sale("s1", 40, "2026-03-01T10:00:00Z"));
        var saved = Save(engine);
        saved.Should().Contain("\"lots\": [");
        foreach (var (from, to, message) in new[]
        {
            ("\"left\": 40", "\"left\": 35", "hold 35 points"),
            ("\"expires\": \"2026-03-31T10:00:00Z\"", "\"expires\": \"2026-03-01T09:00:00Z\"", "expired by the clock"),
            ("\"next_grant\": 1", "\"next_grant\": 0", "next_grant"),
        })
        {
            var edited = saved.Replace(from, to, StringComparison.Ordinal);
            edited.Should().NotBe(saved, from);
            var read = () => StateFile.Read(StateFileText.Read(new MemoryStream(Encoding.UTF8.GetBytes(edited))), Campaign, verifyChecksum: false);
            read.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(message);
        }
    }

    private static void Tally(string outcome, Dictionary<string, long> expired)
    {
        if (outcome.Contains("\"kind\":\"expired\"", StringComparison.Ordinal))
        {
            var fields = System.Text.Json.JsonDocument.Parse(outcome).RootElement;
            fields.GetProperty("points").GetInt64().Should().BePositive();
            var id = fields.GetProperty("participant").GetString()!;
            expired[id] = expired.GetValueOrDefault(id) + fields.GetProperty("points").GetInt64();
        }
    }

    private static List<string> Errors(string text, string path) =>
        [.. CampaignCompilation.Create(text, path).GetDiagnostics().Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error).Select(d => d.ToString())];

    private static string Save(CampaignEngine engine) => SplitRuns.Save((InMemoryParticipantStore)engine.Store, Campaign);
}
