using System.Text;
using System.Text.Json;
using WomRules.Diagnostics;
using WomRules.Runtime;
using WomRules.Testing;

namespace WomRules.Cli.Testing;

/// <summary>Runs one case of a scenario file: the events over the initial state, then the expectations. Comparing with the snapshot is the caller's.</summary>
internal static class ScenarioRunner
{
    public sealed record Result(string? Snapshot, IReadOnlyList<string> Problems, IReadOnlyList<Diagnostic> Diagnostics);

    public static Result Run(ScenarioFile file, ScenarioCase @case, CompiledCampaign campaign)
    {
        var bag = new DiagnosticBag(file.Source);
        InMemoryParticipantStore? store = null;
        if (@case.State is { } state)
        {
            try
            {
                using Stream stream = state.FilePath is not null ? File.OpenRead(state.FilePath) : new MemoryStream(Encoding.UTF8.GetBytes(state.Json!));
                store = InMemoryParticipantStore.ReadFrom(stream, campaign);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                bag.Report(DiagnosticDescriptors.ScenarioBadState, state.Span, ex.Message);
                return new Result(null, [], bag.ToImmutable());
            }
        }

        var builder = new SnapshotBuilder(campaign, store);
        if (@case.Events.FilePath is { } eventsPath)
        {
            // Read as `womrules run` reads it, so a scenario sees what a run would.
            EventsFile.Read(eventsPath, builder.Options.MaxEventLineLength, new SnapshotSink(builder));
        }
        else
        {
            foreach (var line in @case.Events.Lines)
            {
                builder.ProcessLine(line);
            }
        }

        return new Result(builder.ToText(), CheckExpectations(file, @case, builder.Outcomes), bag.ToImmutable());
    }

    private static List<string> CheckExpectations(ScenarioFile file, ScenarioCase @case, IReadOnlyList<Outcome> outcomes)
    {
        var problems = new List<string>();
        if (@case.Expectations.IsEmpty)
        {
            return problems;
        }

        var documents = outcomes.Select(o => JsonDocument.Parse(o.ToJson())).ToList();
        try
        {
            foreach (var expectation in @case.Expectations)
            {
                var matching = documents.Where(d => expectation.Matches(d.RootElement)).Select(d => d.RootElement.GetRawText()).ToList();
                var at = file.Source.GetLinePosition(expectation.Span.Start);
                var position = $"{file.Source.Path}({at.Line + 1},{at.Character + 1})";
                if (!expectation.Negated && matching.Count == 0)
                {
                    problems.Add($"{position}: expected an outcome matching {expectation}, but none of the {outcomes.Count} outcomes matches");
                }
                else if (expectation.Negated && matching.Count > 0)
                {
                    problems.Add($"{position}: expected no outcome matching {expectation.ToString()[4..]}, but found {matching.Count}: {matching[0]}");
                }
            }
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }

        return problems;
    }

    private sealed class SnapshotSink(SnapshotBuilder builder) : EventsFile.ISink
    {
        public void Line(ReadOnlySpan<byte> utf8Line) => builder.ProcessLine(utf8Line);

        public void Line(string line) => builder.ProcessLine(line);

        public void TooLong(long length) => builder.AddLineTooLong(length);
    }
}
