using WomRules.Parsing;

namespace WomRules.Testing;

/// <summary>
/// The scenario file form as data, like <see cref="CampaignShape"/> for campaigns: <see cref="ScenarioReader"/> takes
/// its allowed keys from here and schema/womrules-tests.schema.json is generated from it.
/// </summary>
internal static class ScenarioShape
{
    private static readonly ScalarShape RelativePath = new("A path relative to this scenario file.", ScalarKind.String);
    private static readonly AnyShape Anything = new("Any value; the engine judges it.");

    public static readonly MappingShape Outcome = new("outcome", "Fields an outcome must have (spec §5); fields not named are ignored.",
        [.. OutcomeExpectation.KnownFields.Select(field => new KeyShape(field, new ScalarShape($"The outcome's '{field}'.", ScalarKind.Any)))]);

    public static readonly MappingShape NoOutcome = new("no-outcome", "No outcome may match.",
    [
        new("not", Outcome, Required: true),
    ]);

    public static readonly MappingShape Case = new("case", "One case: initial state, events, the approved snapshot and expectations.",
    [
        new("name", new ScalarShape("The case's name; it names the snapshot file.", ScalarKind.String, Pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"), Required: true),
        new("description", new ScalarShape("What the case shows.", ScalarKind.String)),
        new("state", new ChoiceShape("The initial participants: a state file, or the state written inline ({ participants: … }).",
            [RelativePath, new NamedMapShape("The state file's JSON, written as YAML.", "^.*$", Anything)])),
        new("events", new ChoiceShape("The events: a .jsonl file, or a list of events written inline.",
            [RelativePath, new ListShape("Events, one mapping each ({ id, type, at, actor, referrer, attributes }).", Anything)]), Required: true),
        new("snapshot", new ChoiceShape("The approved snapshot (default snapshots/<name>.verified.jsonl), or false for none.",
            [new ScalarShape("A path ending in .verified.jsonl.", ScalarKind.String, Pattern: "\\.verified\\.jsonl$"), new ScalarShape("No snapshot.", ScalarKind.Boolean, ["false"])])),
        new("expect", new ListShape("Outcomes that must appear; 'not:' entries must not.", new ChoiceShape("An expected outcome, or 'not:' one.", [Outcome, NoOutcome]))),
    ]);

    public static readonly MappingShape File = new("scenario", "A WomRules scenario file (*.tests.yaml) for 'womrules test'.",
    [
        new("campaign", RelativePath with { Description = "The campaign file, relative to this file." }, Required: true),
        new("description", new ScalarShape("What the scenarios cover.", ScalarKind.String)),
        new("cases", new ListShape("The cases.", Case), Required: true),
    ]);
}
