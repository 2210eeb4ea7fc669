using System.Globalization;
using WomRules.Runtime;

namespace WomRules.Hosting.Tests;

/// <summary>
/// A refused batch on the in-memory store (docs/hosting.md): nothing of it stays, even what it forgot (accept_late),
/// released, reversed or held; and refusing it costs what the batch touched, not a copy of the campaign's state.
/// </summary>
public sealed class BatchRollbackTests
{
    private const string LateYaml = """
        womrules: 1
        campaign: late
        accept_late: 2d
        reversible_for: 5d
        events:
          sale: { total: int }
        budget: { points: 100000 }
        rules:
          - name: held
            on: sale
            rewards:
              - { points: event.total, pending: 1d }
          - name: now
            on: sale
            rewards:
              - points: 1
        """;

    private static string Sale(string id, string actor, int day, int total = 10) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"id":"{{{id}}}","type":"sale","at":"2026-03-{{{day:00}}}T12:00:00Z","actor":"{{{actor}}}","attributes":{"total":{{{total}}}}}""");

    private static string Reverse(string id, string target, int day) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"id":"{{{id}}}","type":"event.reversed","at":"2026-03-{{{day:00}}}T13:00:00Z","actor":"u1","attributes":{"target":"{{{target}}}","reason":"returned"}}""");

    [Fact]
    public async Task A_refused_batch_that_forgot_ids_released_reversed_and_held_grants_leaves_the_campaign_as_if_it_never_came()
    {
        await using var host = await TestHost.StartAsync(LateYaml);
        string[] before = [Sale("s1", "u1", 1), Sale("s2", "u2", 2), Sale("s3", "u1", 3)];
        string[] refused =
        [
            Sale("s6", "u2", 6, 40), // the clock to day 6: s1 to s3 released, s1 and s2 forgotten (accept_late 2d)
            Reverse("r3", "s3", 6), // a released grant reversed
            Sale("s7", "u3", 6, 5),
            Reverse("r7", "s7", 6), // a held grant reversed
            Sale("s1", "u1", 6), // a forgotten id used again
            "not json",
        ];
        string[] after = [Sale("s1", "u1", 1), Sale("s4", "u2", 4), Reverse("r3", "s3", 4), Sale("s7", "u3", 4), Sale("s6", "u2", 5)];
        foreach (var line in before)
        {
            (await host.Runtime.ProcessJsonAsync("late", line)).Applied.Should().BeTrue();
        }

        var result = await host.Runtime.ProcessJsonLinesAsync("late", refused);
        result.Applied.Should().BeFalse();
        result.Outcomes.Should().Contain(o => o is ReleasedOutcome).And.Contain(o => o is ReversedOutcome, "the batch did release and reverse before it was refused");

        var hosted = new List<string>();
        foreach (var line in after)
        {
            hosted.AddRange((await host.Runtime.ProcessJsonAsync("late", line)).Outcomes.Select(o => o.ToJson()));
        }

        // The law: the same campaign that never saw the batch.
        var campaign = CampaignCompilation.Create(LateYaml).Emit().Campaign!;
        var bare = new CampaignEngine(campaign);
        foreach (var line in before)
        {
            bare.ProcessJson(line);
        }

        hosted.Should().Equal(after.SelectMany(bare.ProcessJson).Select(o => o.ToJson()));
        hosted.Should().Contain(o => o.Contains("\"duplicate\"", StringComparison.Ordinal), "s1 is remembered again once the batch that forgot it is refused");
        foreach (var id in new[] { "u1", "u2", "u3" })
        {
            (await host.Runtime.GetParticipantAsync("late", id)).Should().BeEquivalentTo(bare.GetParticipant(id)?.ToSnapshot(), id);
        }
    }

    [Fact]
    public void Refusing_a_two_event_batch_on_200000_participants_costs_what_the_batch_touched_not_a_copy_of_the_state()
    {
        var campaign = CampaignCompilation.Create(LateYaml).Emit().Campaign!;
        var state = new InMemoryCampaignState(campaign);
        var outcomes = new List<Outcome>();
        for (var i = 0; i < 200_000; i++)
        {
            state.Engine.ProcessJson(Sale("p" + i, "u" + i, 1 + (i % 3)), outcomes);
            outcomes.Clear();
        }

        var stateFile = StateFile(state.Engine, campaign);
        stateFile.Length.Should().BeGreaterThan(10_000_000, "a copy of this state is tens of megabytes");

        // Warm the path once, so what is measured is the batch and not first-use costs.
        Refuse(state, Sale("warm", "u1", 3));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Refuse(state, Sale("b1", "u5", 3));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        allocated.Should().BeLessThan(256 * 1024, "refusing two events must not copy a state file of {0} bytes", stateFile.Length);
        state.Engine.Store.HasSeenEvent("b1").Should().BeFalse();
        StateFile(state.Engine, campaign).Should().Equal(stateFile, "the refused batches left nothing");
    }

    private static void Refuse(InMemoryCampaignState state, string good)
    {
        var outcomes = new List<Outcome>();
        state.Begin(2);
        state.Engine.ProcessJson(good, outcomes);
        state.Engine.ProcessJson("not json", outcomes);
        state.Rollback();
    }

    private static byte[] StateFile(CampaignEngine engine, CompiledCampaign campaign)
    {
        using var stream = new MemoryStream();
        ((InMemoryParticipantStore)engine.Store).WriteTo(stream, campaign);
        return stream.ToArray();
    }
}
