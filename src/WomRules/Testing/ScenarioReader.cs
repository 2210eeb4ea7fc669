using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WomRules.Diagnostics;
using WomRules.Parsing;
using WomRules.Text;

namespace WomRules.Testing;

/// <summary>
/// Reads a scenario file (<c>*.tests.yaml</c>) with the campaign reader's YAML tree and limits (no anchors, aliases
/// or tags; duplicate keys are errors; positions everywhere). Every mistake is a positioned diagnostic.
/// </summary>
internal sealed partial class ScenarioReader
{
    public const string FileSuffix = ".tests.yaml";
    public const string VerifiedSuffix = ".verified.jsonl";
    public const string ReceivedSuffix = ".received.jsonl";

    // Allowed keys come from the shape table that also generates schema/womrules-tests.schema.json.
    private static readonly string[] FileKeys = ScenarioShape.File.KeyNames;
    private static readonly string[] CaseKeys = ScenarioShape.Case.KeyNames;

    private readonly DiagnosticBag diagnostics;
    private readonly string folder;

    private ScenarioReader(DiagnosticBag diagnostics, string folder)
    {
        this.diagnostics = diagnostics;
        this.folder = folder;
    }

    /// <summary>Reads a scenario file's text; <paramref name="path"/> names it in diagnostics and anchors its relative paths.</summary>
    public static (ScenarioFile? File, ImmutableArray<Diagnostic> Diagnostics) Read(string text, string path, CompilationOptions? options = null)
    {
        options ??= CompilationOptions.Default;
        var source = new SourceText(text, path);
        var bag = new DiagnosticBag(source);
        var byteCount = System.Text.Encoding.UTF8.GetByteCount(text);
        if (byteCount > options.MaxFileSize)
        {
            bag.Report(DiagnosticDescriptors.ScenarioFileTooLarge, default, byteCount, options.MaxFileSize);
            return (null, bag.ToImmutable());
        }

        var root = ReadTree(source, ReaderLimits.From(options), bag);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var file = root is null ? null : new ScenarioReader(bag, folder).ReadFile(root, source);
        return (bag.HasErrors ? null : file, bag.ToImmutable());
    }

    /// <summary>The campaign reader's YAML tree, with the messages that speak of "the campaign file" said of the scenario file.</summary>
    private static YamlNode? ReadTree(SourceText source, ReaderLimits limits, DiagnosticBag bag)
    {
        var tree = new DiagnosticBag(source);
        var root = YamlTreeReader.Read(source, limits, tree);
        foreach (var diagnostic in tree.ToImmutable())
        {
            DiagnosticDescriptor? scenario = diagnostic.Id switch
            {
                "WOM0002" => DiagnosticDescriptors.ScenarioFileEmpty,
                "WOM0003" => DiagnosticDescriptors.ScenarioFileNotText,
                "WOM1014" => DiagnosticDescriptors.ScenarioMultipleDocuments,
                _ => null,
            };
            if (scenario is null)
            {
                bag.AddRange([diagnostic]);
            }
            else
            {
                bag.Report(scenario, diagnostic.Span);
            }
        }

        return root;
    }

    /// <summary>The diagnostic for a scenario file too large to read.</summary>
    public static ImmutableArray<Diagnostic> TooLarge(string path, long size, int limit)
    {
        var bag = new DiagnosticBag(new SourceText("", path));
        bag.Report(DiagnosticDescriptors.ScenarioFileTooLarge, default, size, limit);
        return bag.ToImmutable();
    }

    private ScenarioFile? ReadFile(YamlNode root, SourceText source)
    {
        var map = Mapping(root, "The scenario file", FileKeys);
        if (map is null)
        {
            return null;
        }

        string? campaign = null;
        if (Scalar(map, "campaign", root) is { } campaignNode)
        {
            campaign = ExistingFile(campaignNode);
        }

        var cases = ImmutableArray.CreateBuilder<ScenarioCase>();
        if (!map.TryGetValue("cases", out var casesEntry))
        {
            diagnostics.Report(DiagnosticDescriptors.MissingKey, new TextSpan(root.Span.Start, 0), "cases");
        }
        else if (casesEntry.Value is YamlSequence { Items.Count: > 0 } sequence)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var snapshots = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in sequence.Items)
            {
                if (ReadCase(item) is { } read)
                {
                    if (!names.Add(read.Name))
                    {
                        diagnostics.Report(DiagnosticDescriptors.ScenarioDuplicateCase, read.Span, read.Name);
                    }
                    else if (read.SnapshotPath is not null && !snapshots.Add(read.SnapshotPath))
                    {
                        diagnostics.Report(DiagnosticDescriptors.ScenarioSharedSnapshot, read.Span, read.Name, read.SnapshotPath);
                    }

                    cases.Add(read);
                }
            }
        }
        else if (casesEntry.Value is YamlSequence or YamlScalar { IsPlainEmpty: true })
        {
            diagnostics.Report(DiagnosticDescriptors.ScenarioNoCases, casesEntry.Key.Span);
        }
        else
        {
            diagnostics.Report(DiagnosticDescriptors.ExpectedSequence, casesEntry.Value.Span, "cases");
        }

        return campaign is null ? null : new ScenarioFile(source, campaign, cases.ToImmutable());
    }

    private ScenarioCase? ReadCase(YamlNode node)
    {
        var map = Mapping(node, "A case", CaseKeys);
        if (map is null || Scalar(map, "name", node) is not { } nameNode)
        {
            return null;
        }

        var name = nameNode.Value;
        if (!CaseName().IsMatch(name))
        {
            diagnostics.Report(DiagnosticDescriptors.ScenarioInvalidCaseName, nameNode.Span, name);
            return null;
        }

        var state = map.TryGetValue("state", out var stateEntry) ? ReadState(stateEntry.Value) : null;
        var events = map.TryGetValue("events", out var eventsEntry) ? ReadEvents(eventsEntry.Value) : null;
        if (!map.ContainsKey("events"))
        {
            diagnostics.Report(DiagnosticDescriptors.MissingKey, new TextSpan(node.Span.Start, 0), "events");
        }

        string? snapshot = System.IO.Path.Combine(folder, "snapshots", name + VerifiedSuffix);
        var snapshotGiven = map.TryGetValue("snapshot", out var snapshotEntry);
        if (snapshotGiven)
        {
            snapshot = ReadSnapshotPath(snapshotEntry.Value, out var valid);
            if (!valid)
            {
                return null;
            }
        }

        var expectations = map.TryGetValue("expect", out var expectEntry) ? ReadExpectations(expectEntry.Value) : [];
        if (snapshot is null && expectations.IsEmpty)
        {
            diagnostics.Report(DiagnosticDescriptors.ScenarioNothingChecked, nameNode.Span, name);
        }

        return events is null ? null : new ScenarioCase(name, nameNode.Span, state, events, snapshot, expectations);
    }

    private ScenarioState? ReadState(YamlNode node) => node switch
    {
        YamlScalar scalar => ExistingFile(scalar) is { } path ? new ScenarioState(path, null, node.Span) : null,
        YamlMapping mapping => new ScenarioState(null, YamlJson.ToJson(mapping), node.Span),
        _ => Fail<ScenarioState>(DiagnosticDescriptors.ExpectedMapping, node.Span, "state"),
    };

    private ScenarioEvents? ReadEvents(YamlNode node)
    {
        switch (node)
        {
            case YamlScalar { IsPlainEmpty: true }:
                return new ScenarioEvents(null, [], node.Span);
            case YamlScalar scalar:
                return ExistingFile(scalar) is { } path ? new ScenarioEvents(path, [], node.Span) : null;
            case YamlSequence sequence:
                // Each item becomes one JSON event line; a malformed event is the engine's to reject, as in a .jsonl file.
                return new ScenarioEvents(null, [.. sequence.Items.Select(YamlJson.ToJson)], node.Span);
            default:
                return Fail<ScenarioEvents>(DiagnosticDescriptors.ExpectedSequence, node.Span, "events");
        }
    }

    private string? ReadSnapshotPath(YamlNode node, out bool valid)
    {
        valid = true;
        if (node is not YamlScalar scalar)
        {
            valid = false;
            diagnostics.Report(DiagnosticDescriptors.ExpectedScalar, node.Span, "snapshot");
            return null;
        }

        if (scalar is { Value: "false", Style: YamlDotNet.Core.ScalarStyle.Plain })
        {
            return null;
        }

        // Inside the scenario's folder: a scenario from an untrusted change must not make --accept write elsewhere.
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, scalar.Value));
        var inside = full.StartsWith(folder + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!scalar.Value.EndsWith(VerifiedSuffix, StringComparison.Ordinal) || !inside || System.IO.Path.IsPathRooted(scalar.Value))
        {
            valid = false;
            diagnostics.Report(DiagnosticDescriptors.ScenarioSnapshotPath, scalar.Span, scalar.Value);
            return null;
        }

        return full;
    }

    private ImmutableArray<OutcomeExpectation> ReadExpectations(YamlNode node)
    {
        if (node is YamlScalar { IsPlainEmpty: true })
        {
            return [];
        }

        if (node is not YamlSequence sequence)
        {
            diagnostics.Report(DiagnosticDescriptors.ExpectedSequence, node.Span, "expect");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<OutcomeExpectation>();
        foreach (var item in sequence.Items)
        {
            var negated = item is YamlMapping { Entries.Count: 1 } single && single.Entries[0].Key.Value == "not";
            var pattern = negated ? ((YamlMapping)item).Entries[0].Value : item;
            var fields = Mapping(pattern, negated ? "not" : "An expected outcome", null);
            if (fields is null)
            {
                continue;
            }

            var values = ImmutableArray.CreateBuilder<KeyValuePair<string, ExpectedValue>>();
            foreach (var (key, value) in fields.Values)
            {
                if (!OutcomeExpectation.KnownFields.Contains(key.Value))
                {
                    diagnostics.Report(DiagnosticDescriptors.ScenarioUnknownOutcomeField, key.Span, key.Value, string.Join(", ", OutcomeExpectation.KnownFields));
                }
                else if (key.Value == "data" && value is YamlMapping data)
                {
                    // Alert data is an object (spec v1.1 §6), compared whole with the one the outcome writes.
                    values.Add(new(key.Value, Expected(data)));
                }
                else if (value is not YamlScalar scalar)
                {
                    diagnostics.Report(key.Value == "data" ? DiagnosticDescriptors.ExpectedMapping : DiagnosticDescriptors.ExpectedScalar, value.Span, key.Value);
                }
                else
                {
                    values.Add(new(key.Value, Expected(scalar)));
                }
            }

            if (values.Count == 0)
            {
                diagnostics.Report(DiagnosticDescriptors.MissingKey, new TextSpan(pattern.Span.Start, 0), "kind");
                continue;
            }

            result.Add(new OutcomeExpectation(negated, values.ToImmutable(), item.Span));
        }

        return result.ToImmutable();
    }

    /// <summary>A YAML value as an expectation: a plain <c>null</c>, <c>~</c> or nothing is null; mappings and lists keep their shape.</summary>
    private static ExpectedValue Expected(YamlNode node) => node switch
    {
        YamlMapping map => new ExpectedValue.Map([.. map.Entries.Select(e => new KeyValuePair<string, ExpectedValue>(e.Key.Value, Expected(e.Value)))]),
        YamlSequence list => new ExpectedValue.List([.. list.Items.Select(Expected)]),
        YamlScalar scalar => new ExpectedValue.Scalar(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" ? null : scalar.Value),
        _ => new ExpectedValue.Scalar(null),
    };

    /// <summary>A path relative to the scenario's folder that must name an existing file; null (reported) otherwise.</summary>
    private string? ExistingFile(YamlScalar scalar)
    {
        var full = scalar.Value.Length == 0 ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, scalar.Value));
        if (full is null || !File.Exists(full))
        {
            diagnostics.Report(DiagnosticDescriptors.ScenarioFileMissing, scalar.Span, scalar.Value);
            return null;
        }

        return full;
    }

    private YamlScalar? Scalar(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> map, string key, YamlNode owner)
    {
        if (!map.TryGetValue(key, out var entry))
        {
            diagnostics.Report(DiagnosticDescriptors.MissingKey, new TextSpan(owner.Span.Start, 0), key);
            return null;
        }

        return entry.Value as YamlScalar ?? Fail<YamlScalar>(DiagnosticDescriptors.ExpectedScalar, entry.Value.Span, key);
    }

    private Dictionary<string, KeyValuePair<YamlScalar, YamlNode>>? Mapping(YamlNode node, string what, string[]? allowed) =>
        YamlMappingKeys.Read(node, what, allowed, diagnostics);

    private T? Fail<T>(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
        where T : class
    {
        diagnostics.Report(descriptor, span, args);
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CaseName();
}
