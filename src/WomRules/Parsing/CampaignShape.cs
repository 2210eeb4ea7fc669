namespace WomRules.Parsing;

/// <summary>
/// The YAML form of spec §2 as data: which keys each mapping allows, which are required, what their values look
/// like. <see cref="YamlCampaignReader"/> takes its allowed keys from here and <see cref="JsonSchemaWriter"/>
/// generates schema/womrules.schema.json from it.
/// </summary>
internal static class CampaignShape
{
    private const string IdentifierPattern = "^[A-Za-z_][A-Za-z0-9_]*$";

    private static readonly ScalarShape Text = new("Text.", ScalarKind.String);
    private static readonly ScalarShape Condition = new("A condition in the campaign language, such as event.rating >= 4.", ScalarKind.Expression);
    private static readonly ScalarShape Recipient = new("Who: the event's actor or its referrer.", ScalarKind.String, ["actor", "referrer"]);
    private static readonly ScalarShape Date = new("A date (YYYY-MM-DD, midnight UTC) or an ISO 8601 timestamp.", ScalarKind.String, Pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /// <summary>Spec v1.1: an int and one letter, m, h, d or w; more than zero.</summary>
    public static readonly ScalarShape Duration = new("A duration: a whole number and a unit, m (minutes), h (hours), d (days) or w (weeks), such as 90m, 24h, 14d, 52w; more than zero.", ScalarKind.String, Pattern: "^[0-9]+[mhdw]$");

    public static readonly ScalarShape AttributeType = new("The attribute's type.", ScalarKind.String, ["int", "decimal", "bool", "string", "list", "timestamp"]);

    public static readonly MappingShape Attribute = new("attribute", "An optional attribute with its type and default.",
    [
        new("type", AttributeType, Required: true),
        new("default", new ChoiceShape("The value when none is given.", [new ScalarShape("A value of the declared type.", ScalarKind.Any), new ListShape("A list of strings.", Text)])),
    ]);

    public static readonly NamedMapShape Attributes = new(
        "Attributes by name: 'name: type' is required, '{ type, default }' optional.",
        IdentifierPattern,
        new ChoiceShape("An attribute: a type name (required attribute) or { type, default }.", [AttributeType, Attribute]));

    public static readonly MappingShape Active = new("active", "When the campaign is active, UTC, half-open [from, until).",
    [
        new("from", Date),
        new("until", Date),
    ]);

    public static readonly MappingShape Ids = new("ids", "How participant ids (an event's actor and referrer) are canonicalised before they are compared; absent: exactly as given.",
    [
        new("normalize", new ScalarShape("Unicode normalization: none (default), nfc, or nfkc (also folds compatibility forms such as fullwidth letters).", ScalarKind.String, ["none", "nfc", "nfkc"])),
        new("case", new ScalarShape("sensitive (default), or insensitive: ids that differ only in case are the same participant.", ScalarKind.String, ["sensitive", "insensitive"])),
        new("strip", new ListShape("Characters removed from ids: zero-width (zero-width spaces and joiners, word joiner, byte order mark, soft hyphen).", new ScalarShape("A set of characters.", ScalarKind.String, ["zero-width"]))),
    ]);

    public static readonly MappingShape Tier = new("tier", "A tier, lowest first; the first has no 'when'.",
    [
        new("name", new ScalarShape("The tier's name.", ScalarKind.String), Required: true),
        new("when", new ScalarShape("When a participant reaches this tier; reads participant.<x> only.", ScalarKind.Expression)),
        new("privileges", new ListShape("Privileges the tier grants.", Text)),
    ]);

    public static readonly MappingShape Budget = new("budget", "Campaign-wide caps on what rules grant.",
    [
        new("points", new ScalarShape("Most points the campaign grants in all.", ScalarKind.Integer, Minimum: 0)),
        new("credit", new ScalarShape("Most credit the campaign grants in all.", ScalarKind.Decimal)),
    ]);

    public static readonly MappingShape TiersPolicy = new("tiers_policy", "How tiers move (spec v1.1 §5).",
    [
        new("downgrade", new ScalarShape("true: a participant whose tier's 'when' no longer holds moves down to the highest tier whose 'when' holds, at its next change; false (default): tiers only go up.", ScalarKind.Boolean)),
        new("keep", Duration with { Description = "With downgrade: a tier is kept this long after it was reached before it may go down, such as 365d (default: no keep)." }),
    ]);

    public static readonly MappingShape Disclosure = new("disclosure", "A disclosure requirement for endorsements.",
    [
        new("name", new ScalarShape("The disclosure's name, as violations report it.", ScalarKind.String), Required: true),
        new("on", new ChoiceShape("The event types it checks.", [Text, new ListShape("Event types.", Text)]), Required: true),
        new("applies", new ScalarShape("When the requirement applies (absent: always).", ScalarKind.Expression)),
        new("require", new ScalarShape("What a compliant event satisfies, such as discloses(event.text).", ScalarKind.Expression), Required: true),
        new("action", new ScalarShape("withhold (default): the event's rules earn nothing; flag: report only.", ScalarKind.String, ["withhold", "flag"])),
        new("message", new ScalarShape("Shown with the violation.", ScalarKind.String)),
    ]);

    public static readonly MappingShape Limit = new("limit", "How often the rule may fire.",
    [
        new("count", new ScalarShape("Firings allowed in each window.", ScalarKind.Integer, Minimum: 1), Required: true),
        new("per", new ChoiceShape(
            "The window: a calendar window, UTC (default campaign), or a rolling window of a duration such as 24h or 7d (spec v1.1 §7).",
            [new ScalarShape("The calendar window, UTC.", ScalarKind.String, ["day", "week", "month", "year", "campaign"]), Duration with { Description = "A rolling window: the firings in (at - duration, at]." }])),
        new("of", Recipient with { Description = "Whose firings are counted (default actor)." }),
    ]);

    /// <summary>Spec v1.1 §7: a rule's limit is its own mapping, or the name of a cap declared under 'caps'.</summary>
    public static readonly ChoiceShape RuleLimit = new(
        "How often the rule may fire: { count, per, of }, or the name of a cap under 'caps' that the rule shares with others.",
        [Limit, new ScalarShape("The name of a cap declared under 'caps'.", ScalarKind.String)]);

    public static readonly NamedMapShape Caps = new(
        "Named caps that several rules share (spec v1.1 §7): a rule names one as 'limit: NAME', and a firing of any of them uses it.",
        "^[A-Za-z][A-Za-z0-9_.-]*$",
        Limit);

    /// <summary>Spec v1.1 §6; the shorthand <c>alert: NAME</c> is the other option of the reward's <c>alert</c>.</summary>
    public static readonly ScalarShape AlertSeverity = new(
        "How urgent the alert is: low, medium (default), high or critical. It is copied to the outcome's 'severity'.",
        ScalarKind.String,
        ["low", "medium", "high", "critical"])
    {
        WordDescriptions =
        [
            "For information: worth a look when someone has time.",
            "The default: someone should look at it in the normal course of work.",
            "Needs attention soon, such as a negative review or a slow answer.",
            "Needs attention now, such as a report of counterfeit goods or fraud.",
        ],
    };

    public static readonly MappingShape Alert = new("alert", "An alert with a severity and data, such as { name: negative-review, severity: high, data: { rating: event.rating } }.",
    [
        new("name", new ScalarShape("The alert's name, as the outcome's 'alert'.", ScalarKind.String), Required: true),
        new("severity", AlertSeverity),
        new("data", new NamedMapShape(
            "Values copied to the outcome's 'data', in the order written: each key maps to an expression of any type, such as rating: event.rating.",
            IdentifierPattern,
            new ScalarShape("An expression of any type, such as event.rating or hours_between(event.asked_at, event.at).", ScalarKind.Expression))),
    ]);

    public static readonly MappingShape Reward = new("reward", "One reward entry; effects apply in the order points, credit, badge, counter, alert.",
    [
        new("to", Recipient with { Description = "Who receives it (default actor)." }),
        new("points", new ScalarShape("Points: an int or an int expression.", ScalarKind.Expression)),
        new("credit", new ScalarShape("Credit: an amount or an expression.", ScalarKind.Expression)),
        new("badge", new ScalarShape("A badge to grant.", ScalarKind.String)),
        new("counter", new ScalarShape("A counter to step (by 1, or by 'by').", ScalarKind.String)),
        new("by", new ScalarShape("The counter's step: an int expression.", ScalarKind.Expression), Requires: ["counter"]),
        new("alert", new ChoiceShape("An alert to raise: its name (severity medium, no data), or { name, severity, data }.", [new ScalarShape("The alert's name.", ScalarKind.String), Alert])),
        new("pending", Duration with { Description = "Hold the entry's points and credit this long after the event's 'at' before they can be spent (spec v1.1 §3), such as 14d." }),
    ],
    AtLeastOneOf: ["points", "credit", "badge", "counter", "alert"]);

    public static readonly MappingShape Rule = new("rule", "A rule: on an event type, when a condition holds, grant rewards.",
    [
        new("name", new ScalarShape("The rule's name, unique in the campaign.", ScalarKind.String), Required: true),
        new("on", new ScalarShape("The event type the rule reacts to.", ScalarKind.String), Required: true),
        new("when", Condition),
        new("priority", new ScalarShape("Higher runs first (default 0).", ScalarKind.Integer)),
        new("stop", new ScalarShape("When the rule fires, later rules of the event do not run.", ScalarKind.Boolean)),
        new("limit", RuleLimit),
        new("rewards", new ListShape("What the rule grants.", Reward), Required: true),
        new("lang", new ScalarShape("csharp: 'when' and amounts are C# (the host must allow it).", ScalarKind.String, ["csharp"])),
    ]);

    public static readonly MappingShape Expiry = new("expiry", "How long points stay available (spec v1.1 §4); credit never expires.",
    [
        new("points", Duration with { Description = "Every points grant expires this long after it became available, such as 365d." }),
    ]);

    public static readonly MappingShape Campaign = new("campaign", "A WomRules campaign file (format version 1).",
    [
        new("womrules", new ScalarShape("The format version: 1.", ScalarKind.Integer, ["1"]), Required: true),
        new("campaign", new ScalarShape("The campaign id.", ScalarKind.String, Pattern: "^[a-z0-9][a-z0-9-]*$"), Required: true),
        new("description", Text),
        new("active", Active),
        new("ids", Ids),
        new("reversible_for", Duration with { Description = "How long after its 'at' an event may still be reversed by an event.reversed (default 365d)." }),
        new("accept_late", Duration with { Description = "The lateness horizon (spec v1.1 §13): an event whose 'at' is earlier than the clock less this is rejected as too late (default: unlimited)." }),
        new("tiers_policy", TiersPolicy),
        new("expiry", Expiry),
        new("events", new NamedMapShape("The event types the campaign reacts to, with their attributes.", "^[A-Za-z0-9][A-Za-z0-9_.-]*$", Attributes)),
        new("participant", Attributes),
        new("counters", new ListShape("Per-participant integer counters, starting at 0.", new ScalarShape("A counter name.", ScalarKind.String, Pattern: IdentifierPattern))),
        new("tiers", new ListShape("Tiers, lowest first.", Tier)),
        new("budget", Budget),
        new("caps", Caps),
        new("disclosures", new ListShape("Disclosure requirements, checked in file order.", Disclosure)),
        new("rules", new ListShape("The rules.", Rule)),
    ]);
}
