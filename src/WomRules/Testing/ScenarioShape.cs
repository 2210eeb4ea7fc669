using WomRules.Parsing;

namespace WomRules.Testing;

/// <summary>
/// The scenario file form as data, like <see cref="CampaignShape"/> for campaigns: <see cref="ScenarioReader"/> takes
/// its allowed keys from here and schema/womrules-tests.schema.json is generated from it. Every outcome field of
/// <see cref="OutcomeExpectation.KnownFields"/> needs a text in <see cref="FieldTexts"/> (SchemaTextTests check it).
/// </summary>
internal static class ScenarioShape
{
    private static readonly ScalarShape RelativePath = new("A path relative to this scenario file.", ScalarKind.String);
    private static readonly AnyShape Anything = new("Any value; the engine judges it as it would a line of an events file or a state file.");

    /// <summary>The kinds of outcome line (spec §5 and v1.1), with what each reports.</summary>
    public static readonly ScalarShape Kind = new("The kind of outcome line.", ScalarKind.String,
        ["reward", "tier", "violation", "skipped", "redeemed", "rejected", "duplicate", "reversed", "released", "expired", "restored"])
    {
        WordDescriptions =
        [
            "A rule granted points, credit, a badge, a counter step or an alert to a participant.",
            "A participant moved to another tier (from, to).",
            "An event broke a disclosure requirement (rule is the disclosure's name; action withhold or flag).",
            "A rule did not fire although its condition held (reason limit, budget, withheld or error).",
            "A participant spent points (a points.redeemed event).",
            "The engine refused the event (reason says why); it changed nothing.",
            "The event's id was seen before; it changed nothing.",
            "An earlier grant was taken back by an event.reversed.",
            "Held (pending) points or credit became spendable.",
            "Points reached the end of their expiry and were removed.",
            "Points of a reversed redemption were given back.",
        ],
    };

    /// <summary>What each outcome field means, with an example; keyed by the field names of <see cref="OutcomeExpectation.KnownFields"/>.</summary>
    public static readonly IReadOnlyDictionary<string, (string Description, string Example)> FieldTexts = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["kind"] = ("The kind of outcome line.", "kind: reward"),
        ["event"] = ("The id of the event that caused the outcome (null for a release or an expiry due to the clock).", "event: e-12"),
        ["rule"] = ("The rule's name (for a violation, the disclosure's name).", "rule: referral-converted"),
        ["participant"] = ("The participant the outcome is about.", "participant: u-1"),
        ["points"] = ("The points granted, spent, released, expired or taken back.", "points: 500"),
        ["credit"] = ("The credit granted, released or taken back; 10 matches \"10.00\".", "credit: 10.00"),
        ["badge"] = ("The badge the reward granted.", "badge: co-creator"),
        ["counter"] = ("The counter the reward stepped.", "counter: referrals"),
        ["by"] = ("How much the reward stepped the counter by.", "by: 1"),
        ["alert"] = ("The name of the alert the reward raised.", "alert: negative-review"),
        ["from"] = ("The tier the participant moved from.", "from: member"),
        ["to"] = ("The tier the participant moved to.", "to: silver"),
        ["action"] = ("What a violation did: withhold or flag.", "action: withhold"),
        ["message"] = ("The disclosure's message shown with a violation.", "message: Incentivized reviews must disclose the incentive."),
        ["reason"] = ("Why a rule was skipped or an event rejected, such as limit, budget or withheld.", "reason: limit"),
    };

    public static readonly MappingShape Outcome = new("outcome", "Fields an outcome line must have (spec §5); fields not named are ignored, and numbers compare by value.",
        [.. OutcomeExpectation.KnownFields.Select(OutcomeField)])
    {
        Title = "Expected outcome",
        Example = "- { kind: reward, rule: referral-converted, participant: u-1, points: 500 }",
    };

    public static readonly MappingShape NoOutcome = new("no-outcome", "No outcome line may match the fields under 'not'.",
    [
        new("not", Outcome, Required: true),
    ])
    {
        Title = "Outcome that must not appear",
        Example = "- not: { kind: skipped, reason: budget }",
    };

    public static readonly MappingShape Case = new("case", "One case: the initial state, the events, the approved snapshot of the outcomes and inline expectations.",
    [
        new("name", new ScalarShape("The case's name; it names the snapshot file.", ScalarKind.String, Pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"), Required: true, Example: "name: friend-refers-friend"),
        new("description", new ScalarShape("What the case shows, in a sentence.", ScalarKind.String), Example: "description: A referred friend's first order pays both sides."),
        new("state", new ChoiceShape("The initial participants: a state file, or the state written inline ({ participants: … }).",
            [RelativePath, new NamedMapShape("The state file's JSON, written as YAML.", "^.*$", Anything)]), Example: "state: { participants: { u-1: { points: 600 } } }"),
        new("events", new ChoiceShape("The events: a .jsonl file, or a list of events written inline.",
            [RelativePath, new ListShape("Events, one mapping each ({ id, type, at, actor, referrer, attributes }).", Anything)]), Required: true,
            Example: "events:\n  - { id: e-1, type: referral.converted, at: 2026-03-02T10:00:00Z, actor: u-2, referrer: u-1, attributes: { order_total: 49.90, first_order: true } }"),
        new("snapshot", new ChoiceShape("The approved snapshot (default snapshots/<name>.verified.jsonl), or false for none.",
            [new ScalarShape("A path ending in .verified.jsonl.", ScalarKind.String, Pattern: "\\.verified\\.jsonl$"),
             new ScalarShape("No snapshot: only the expectations are checked.", ScalarKind.Boolean, ["false"]) { WordDescriptions = ["No snapshot: only the inline expectations are checked."] }]),
            Example: "snapshot: snapshots/friend-refers-friend.verified.jsonl"),
        new("expect", new ListShape("Outcomes that must appear; 'not:' entries must not.", new ChoiceShape("An expected outcome, or 'not:' one.", [Outcome, NoOutcome])),
            Example: "expect:\n  - { kind: reward, participant: u-1, points: 500 }\n  - not: { kind: skipped, reason: budget }"),
    ])
    {
        Title = "Scenario case",
        Example = "- name: friend-refers-friend\n  events: events.jsonl\n  expect:\n    - { kind: reward, participant: u-1, points: 500 }",
        Snippets =
        [
            new("case", "A case with inline events and an expectation.",
                "name: ${1:first-case}\ndescription: ${2:What the case shows.}\nevents:\n  - id: e-1\n    type: ${3:review.posted}\n    at: ${4:2026-03-02T10:00:00Z}\n    actor: ${5:u-1}\nexpect:\n  - kind: ${6|reward,tier,violation,skipped,rejected|}"),
        ],
    };

    public static readonly MappingShape File = new("scenario", "A WomRules scenario file (*.tests.yaml) for 'womrules test': cases of events run against a campaign, with approved outcomes.",
    [
        new("campaign", RelativePath with { Description = "The campaign file, relative to this file." }, Required: true, Example: "campaign: campaign.yaml"),
        new("description", new ScalarShape("What the scenarios cover, in a sentence.", ScalarKind.String), Example: "description: Referral rewards, limits and the budget."),
        new("cases", new ListShape("The cases; at least one.", Case) { NonEmpty = true }, Required: true, Example: "cases:\n  - name: first-case\n    events: events.jsonl"),
    ])
    {
        Title = "WomRules scenario file",
        KeyTitlePrefix = "Scenario file",
        Example = "campaign: campaign.yaml\ncases:\n  - name: first-case\n    events: events.jsonl",
    };

    /// <summary>An outcome field's key: 'kind' has its enum; the rest take any value. A field without a text keeps a bare description, which the tests reject.</summary>
    private static KeyShape OutcomeField(string field)
    {
        if (!FieldTexts.TryGetValue(field, out var texts))
        {
            return new KeyShape(field, new ScalarShape("", ScalarKind.Any));
        }

        return new KeyShape(field, field == "kind" ? Kind : new ScalarShape(texts.Description, ScalarKind.Any), Example: texts.Example);
    }
}
