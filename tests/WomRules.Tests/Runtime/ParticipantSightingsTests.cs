using System.Text;
using CsCheck;
using WomRules.Runtime;
using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>Spec v1.1 §10: participant.first_seen and participant.last_seen, through both evaluators and the state file.</summary>
public sealed class ParticipantSightingsTests
{
    private const string Yaml = """
        womrules: 1
        campaign: seen
        events:
          visit: {}
        budget: { points: 1000000 }
        rules:
          - name: returning
            on: visit
            when: days_between(participant.first_seen, participant.last_seen) >= 7
            rewards:
              - points: 1
          - name: seen
            on: visit
            rewards:
              - alert:
                  name: seen
                  data:
                    first: participant.first_seen
                    last: participant.last_seen
        """;

    private static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static string Visit(int id, string actor, string? referrer, DateTime at) =>
        Event("v-" + id, "visit", actor, referrer: referrer, at: TimestampText.Format(at));

    [Fact]
    public void A_newcomers_first_and_last_seen_are_the_events_at_while_its_rules_run()
    {
        var outcomes = new CampaignRunner(Yaml).Run(Visit(1, "ann", "bo", Start.AddHours(5)));

        outcomes.Should().ContainSingle().Which.Should().Contain("\"first\":\"2026-03-01T05:00:00Z\",\"last\":\"2026-03-01T05:00:00Z\"");
    }

    [Fact]
    public void First_seen_is_the_earliest_and_last_seen_the_latest_at_of_the_events_naming_the_participant()
    {
        // Events in any order (late ones too), each naming an actor and perhaps a referrer.
        var gen = Gen.Select(Gen.Int[0, 3], Gen.Int[-1, 3], Gen.Int[0, 60 * 24 * 30]).Array[1, 30];
        gen.Sample(events =>
        {
            var runner = new CampaignRunner(Yaml);
            var seen = new Dictionary<string, List<DateTime>>();
            for (var i = 0; i < events.Length; i++)
            {
                var (actor, referrer, minutes) = events[i];
                var at = Start.AddMinutes(minutes);
                var names = referrer < 0 ? new[] { "p" + actor } : new[] { "p" + actor, "p" + referrer };
                runner.Run(Visit(i, names[0], referrer < 0 ? null : names[1], at));
                foreach (var name in names.Distinct())
                {
                    (seen.TryGetValue(name, out var list) ? list : seen[name] = []).Add(at);
                }
            }

            foreach (var (name, times) in seen)
            {
                var p = runner.Participant(name)!;
                p.FirstSeen.Should().Be(new DateTimeOffset(times.Min()), name);
                p.LastSeen.Should().Be(new DateTimeOffset(times.Max()), name);
            }
        }, iter: 100);
    }

    [Fact]
    public void A_state_file_whose_first_seen_is_after_its_last_seen_is_refused_at_the_field()
    {
        const string find = "\"last_seen\": \"2026-03-01T05:00:00Z\"";
        const string replace = "\"last_seen\": \"2026-03-01T04:59:59Z\"";
        const string message = "first_seen is after last_seen";
        var campaign = Compile(Yaml);
        var engine = new CampaignEngine(campaign);
        engine.ProcessJson(Visit(1, "ann", null, Start.AddHours(5)));
        using var stream = new MemoryStream();
        ((InMemoryParticipantStore)engine.Store).WriteTo(stream, campaign);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Encoding.UTF8.GetString(stream.ToArray()).Replace(find, replace, StringComparison.Ordinal));
            var errors = new StringWriter();

            WomRules.Cli.CommandLine.Run(["state", "seal", path], new StringWriter(), errors).Should().Be(2, "sealing checks the content too");
            errors.ToString().Should().Contain(message).And.Contain("participants.ann.first_seen");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_first_seen_that_is_no_timestamp_is_refused_with_its_path()
    {
        var campaign = Compile(Yaml);
        var engine = new CampaignEngine(campaign);
        engine.ProcessJson(Visit(1, "ann", null, Start.AddHours(5)));
        using var stream = new MemoryStream();
        ((InMemoryParticipantStore)engine.Store).WriteTo(stream, campaign);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Encoding.UTF8.GetString(stream.ToArray()).Replace("\"first_seen\": \"2026-03-01T05:00:00Z\"", "\"first_seen\": \"yesterday\"", StringComparison.Ordinal));
            var errors = new StringWriter();

            WomRules.Cli.CommandLine.Run(["state", "seal", path], new StringWriter(), errors).Should().Be(2);
            errors.ToString().Should().Contain("participants.ann.first_seen");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_then_B_through_the_state_file_equals_A_and_B_in_one_run()
    {
        var campaign = Compile(Yaml);
        var gen = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 60 * 24 * 30]).Array[2, 20].SelectMany(a => Gen.Int[1, a.Length - 1].Select(split => (a, split)));
        gen.Sample(t =>
        {
            var lines = t.a.Select((e, i) => Visit(i, "p" + e.Item1, null, Start.AddMinutes(e.Item2))).ToArray();
            var whole = new CampaignEngine(campaign);
            var expected = lines.SelectMany(l => whole.ProcessJson(l)).Select(o => o.ToJson()).ToList();

            var first = new CampaignEngine(campaign);
            var actual = lines[..t.split].SelectMany(l => first.ProcessJson(l)).Select(o => o.ToJson()).ToList();
            using var stream = new MemoryStream();
            ((InMemoryParticipantStore)first.Store).WriteTo(stream, campaign);
            Encoding.UTF8.GetString(stream.ToArray()).Should().Contain("\"first_seen\"").And.Contain("\"last_seen\"");
            var second = new CampaignEngine(campaign, InMemoryParticipantStore.ReadFrom(new MemoryStream(stream.ToArray()), campaign));
            actual.AddRange(lines[t.split..].SelectMany(l => second.ProcessJson(l)).Select(o => o.ToJson()));

            actual.Should().Equal(expected);
        }, iter: 100);
    }
}
