using System.Text;
using System.Text.Json;
using WomRules.Diagnostics;
using WomRules.Runtime;
using WomRules.Testing;

namespace WomRules.Cli.Testing;

/// <summary>Runs one case of a scenario file: the events over the initial state, then the expectations. Comparing with the snapshot is the caller's.</summary>
internal static class ScenarioRunner
{
    /// <summary>What a case gave; <paramref name="BadState"/>: its initial state could not be used (unreadable input, exit 2).</summary>
    public sealed record Result(string? Snapshot, IReadOnlyList<string> Problems, IReadOnlyList<Diagnostic> Diagnostics, bool BadState = false);

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
                // A state file's line and byte help; an inline state's would count in JSON the user never wrote.
                var message = state.FilePath is not null ? $"the state file '{state.FilePath}': {ex.Message}"
                    : ex is InvalidDataException invalid ? StateFileError.WithoutPosition(invalid) : ex.Message;
                bag.Report(DiagnosticDescriptors.ScenarioBadState, state.Span, message);
                return new Result(null, [], bag.ToImmutable(), BadState: true);
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
