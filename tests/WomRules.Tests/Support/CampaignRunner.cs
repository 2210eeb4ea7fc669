using WomRules.Emit;
using WomRules.Runtime;

namespace WomRules.Tests.Support;

/// <summary>
/// Compiles a campaign twice — compiled delegates and the reference evaluator — runs the same events through
/// both, and insists they agree. Every engine test goes through here, so every test is also an agreement test.
/// </summary>
internal sealed class CampaignRunner
{
    private readonly CampaignEngine compiled;
    private readonly CampaignEngine reference;

    public CampaignRunner(string yaml, CompilationOptions? options = null, string path = "campaign.yaml")
    {
        compiled = new CampaignEngine(Compile(yaml, EvaluatorKind.Compiled, options, path));
        reference = new CampaignEngine(Compile(yaml, EvaluatorKind.Reference, options, path));
    }

    public CampaignEngine Engine => compiled;

    /// <summary>Compiles a campaign; <paramref name="path"/> picks the form (<c>campaign.wom</c> for the DSL).</summary>
    public static CompiledCampaign Compile(string yaml, EvaluatorKind evaluator = EvaluatorKind.Compiled, CompilationOptions? options = null, string path = "campaign.yaml")
    {
        var compilation = CampaignCompilation.Create(yaml, path, (options ?? CompilationOptions.Default) with { Evaluator = evaluator });
        var result = compilation.Emit();
        result.Success.Should().BeTrue("the campaign should compile, but: " + string.Join(Environment.NewLine, result.Diagnostics));
        return result.Campaign!;
    }

    /// <summary>Processes JSON event lines; returns the outcomes as JSON lines.</summary>
    public List<string> Run(params string[] lines)
    {
        var all = new List<string>();
        foreach (var line in lines)
        {
            var a = compiled.ProcessJson(line).Select(o => o.ToJson()).ToList();
            var b = reference.ProcessJson(line).Select(o => o.ToJson()).ToList();
            a.Should().Equal(b, "the compiled delegates and the reference evaluator must agree on " + line);
            all.AddRange(a);
        }

        return all;
    }

    /// <summary>Sweeps both engines' clocks to <paramref name="time"/> (spec v1.1 §1); returns the outcomes as JSON lines.</summary>
    public List<string> Sweep(DateTimeOffset time)
    {
        var a = compiled.AdvanceTo(time).Select(o => o.ToJson()).ToList();
        var b = reference.AdvanceTo(time).Select(o => o.ToJson()).ToList();
        a.Should().Equal(b, "the compiled delegates and the reference evaluator must agree on a sweep to " + time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return a;
    }

    public ParticipantState? Participant(string id)
    {
        var a = compiled.GetParticipant(id);
        var b = reference.GetParticipant(id);
        if (a is not null && b is not null)
        {
            StateText(a).Should().Be(StateText(b), "both evaluators must leave the same state");
        }

        return a;
    }

    public static string StateText(ParticipantState p) =>
        $"{p.Id} tier={p.Tier} points={p.Points} lifetime={p.LifetimePoints} credit={p.Credit} " +
        $"counters={string.Join(",", p.CounterValues.OrderBy(c => c.Key).Select(c => $"{c.Key}:{c.Value}"))} badges={string.Join(",", p.Badges)}";

    /// <summary>Builds an event line; attributes are given as a JSON object text.</summary>
    public static string Event(string id, string type, string actor, string attributes = "{}", string? referrer = null, string at = "2026-03-02T10:00:00Z")
    {
        var referrerPart = referrer is null ? "" : $", \"referrer\": \"{referrer}\"";
        return $"{{\"id\": \"{id}\", \"type\": \"{type}\", \"at\": \"{at}\", \"actor\": \"{actor}\"{referrerPart}, \"attributes\": {attributes}}}";
    }
}
