using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Testing;

/// <summary>A scenario file (<c>*.tests.yaml</c>): the campaign it tests and its cases. Paths are resolved against the file's folder.</summary>
internal sealed record ScenarioFile(SourceText Source, string CampaignPath, ImmutableArray<ScenarioCase> Cases);

/// <summary>One case: initial state, events, the approved snapshot, and inline expectations.</summary>
internal sealed record ScenarioCase(
    string Name,
    TextSpan Span,
    ScenarioState? State,
    ScenarioEvents Events,
    string? SnapshotPath,
    ImmutableArray<OutcomeExpectation> Expectations)
{
    /// <summary>Where a mismatch is written: the snapshot path with <c>.received.jsonl</c> for <c>.verified.jsonl</c>.</summary>
    public string? ReceivedPath => SnapshotPath is null ? null : SnapshotPath[..^ScenarioReader.VerifiedSuffix.Length] + ScenarioReader.ReceivedSuffix;
}

/// <summary>The initial participants: a state file (spec §5 form) or the same JSON written inline.</summary>
internal sealed record ScenarioState(string? FilePath, string? Json, TextSpan Span);

/// <summary>The events: a <c>.jsonl</c> file, or JSON lines converted from an inline YAML list.</summary>
internal sealed record ScenarioEvents(string? FilePath, ImmutableArray<string> Lines, TextSpan Span);
