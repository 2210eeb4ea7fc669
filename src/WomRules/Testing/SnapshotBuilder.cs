using System.Globalization;
using System.Text;
using System.Text.Json;
using WomRules.Runtime;

namespace WomRules.Testing;

/// <summary>
/// Runs events through an engine and writes the snapshot text: every outcome as its spec §5 JSON line, then one
/// line per participant's final state (ordered by id, ordinal), then the budget used. Shared by
/// <see cref="CampaignSnapshot"/> and <c>womrules test</c> so the two cannot differ.
/// </summary>
internal sealed class SnapshotBuilder
{
    private readonly InMemoryParticipantStore store;
    private readonly CampaignEngine engine;
    private readonly List<Outcome> outcomes = [];

    public SnapshotBuilder(CompiledCampaign campaign, InMemoryParticipantStore? initialState = null, EngineOptions? options = null)
    {
        store = initialState ?? new InMemoryParticipantStore();
        Options = options ?? new EngineOptions();
        engine = new CampaignEngine(campaign, store, Options);
    }

    public EngineOptions Options { get; }

    public IReadOnlyList<Outcome> Outcomes => outcomes;

    /// <summary>Processes one JSON event line, as <c>womrules run</c> does; blank lines are skipped.</summary>
    public void ProcessLine(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        if (line.Length > Options.MaxEventLineLength)
        {
            AddLineTooLong(line.Length);
            return;
        }

        outcomes.AddRange(engine.ProcessJson(line));
    }

    /// <summary>Processes one JSON event line given as UTF-8 bytes, as <c>womrules run</c> does (it skips blank lines itself).</summary>
    public void ProcessLine(ReadOnlySpan<byte> utf8Line) => engine.ProcessJson(utf8Line, outcomes);

    public void Process(EngagementEvent engagement) => outcomes.AddRange(engine.Process(engagement));

    /// <summary>A line past the limit is rejected without being parsed, the way <c>womrules run</c> rejects it.</summary>
    public void AddLineTooLong(long length) =>
        outcomes.Add(RejectedOutcome.LineTooLong(length, Options.MaxEventLineLength));

    /// <summary>The snapshot: '\n' line ends, a final newline, invariant culture throughout.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var outcome in outcomes)
        {
            text.Append(outcome.ToJson()).Append('\n');
        }

        foreach (var participant in store.LiveParticipants.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            text.Append(Line(writer => WriteParticipant(writer, participant))).Append('\n');
        }

        text.Append(Line(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("budget_used");
            writer.WriteNumber("points", store.PointsIssued);
            writer.WriteString("credit", OutcomeJson.FormatDecimal(store.CreditIssued));
            writer.WriteEndObject();
            writer.WriteEndObject();
        })).Append('\n');
        return text.ToString();
    }

    private static void WriteParticipant(Utf8JsonWriter writer, ParticipantState participant)
    {
        // The state file's fields (spec §5), one participant a line so that diffs stay local.
        writer.WriteStartObject();
        writer.WriteString("participant", participant.Id);
        StateFileWriter.WriteStanding(writer, participant);
        writer.WriteEndObject();
    }

    private static string Line(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, OutcomeJson.WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
