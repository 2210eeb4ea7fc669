namespace WomRules.Parsing;

/// <summary>
/// The YAML form of spec §2 as data: which keys each mapping allows, which are required, what their values look
/// like, and the texts an editor shows for each (title, description, example, enum meanings, skeletons).
/// <see cref="YamlCampaignReader"/> takes its allowed keys from here and <see cref="JsonSchemaWriter"/> generates
/// schema/womrules.schema.json from it. A new key needs a description on its value and an <c>Example</c> beside it
/// (SchemaTextTests fail without them).
/// </summary>
internal static class CampaignShape
{
    private const string IdentifierPattern = "^[A-Za-z_][A-Za-z0-9_]*$";

    private static readonly ScalarShape Condition = new(
        "A condition in the campaign language that must be true for the rule to fire; it reads the event (event.<attribute>), the actor (participant.<x>) and the referrer (referrer.<x>).",
        ScalarKind.Expression);

    private static readonly ScalarShape Recipient = new("A participant of the event: the actor (who did it) or the referrer (who referred them).", ScalarKind.String, ["actor", "referrer"])
    {
        WordDescriptions =
        [
            "The participant who did what the event records: the reviewer, the buyer, the poster.",
            "The participant named as the event's referrer: the friend who sent the link. A rule for the referrer does not fire when the event has none.",
        ],
    };

    private static readonly ScalarShape Date = new("A date (YYYY-MM-DD, midnight UTC) or an ISO 8601 timestamp with an offset.", ScalarKind.String, Pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /// <summary>Spec v1.1: an int and one letter, m, h, d or w; more than zero.</summary>
    public static readonly ScalarShape Duration = new("A duration: a whole number and a unit, m (minutes), h (hours), d (days) or w (weeks), such as 90m, 24h, 14d, 52w; more than zero.", ScalarKind.String, Pattern: "^[0-9]+[mhdw]$");

    public static readonly ScalarShape AttributeType = new("The attribute's type, which the rules' expressions are checked against.", ScalarKind.String, ["int", "decimal", "bool", "string", "list", "timestamp"])
    {
        WordDescriptions =
        [
            "A whole number, such as a rating or a follower count.",
            "An exact decimal number, such as an order total; write amounts as 49.90 or \"49.90\".",
            "true or false, such as whether an order is the first one.",
            "Text, such as a review's body or a link.",
            "A list of strings, such as a post's hashtags.",
            "An instant, ISO 8601 with an offset (2026-03-02T10:00:00Z), compared with < and measured with hours_between and days_between.",
        ],
    };

    public static readonly MappingShape Attribute = new("attribute", "An optional attribute: its type and the value used when an event or participant does not give one.",
    [
        new("type", AttributeType, Required: true, Example: "type: string"),
        new("default", new ChoiceShape("The value used when none is given; it must be of the declared type.", [
            new ScalarShape("A value of the declared type, such as 0, false or \"\".", ScalarKind.Any),
            new ListShape("A list of strings, for an attribute of type list.", new ScalarShape("One string of the default list.", ScalarKind.String))]), Example: "default: \"\""),
        new("identity", new ScalarShape("true: an identity signal (spec v1.1 §8), such as a device id or a card fingerprint; its values are recorded against the event's actor and compared by shares_identity(a, b). String event attributes only.", ScalarKind.Boolean), Example: "identity: true"),
    ])
    {
        Title = "Attribute with a default",
        KeyTitlePrefix = "Attribute",
        Example = "text: { type: string, default: \"\" }",
    };

    public static readonly NamedMapShape Attributes = new(
        "Attributes by name: 'name: type' declares a required attribute, '{ type, default }' an optional one.",
        IdentifierPattern,
        new ChoiceShape("An attribute: a type name (a required attribute) or { type, default } (an optional one).", [AttributeType, Attribute]) { Title = "Attribute" });

    public static readonly MappingShape Active = new("active", "When the campaign is active, in UTC: from 'from' (included) until 'until' (excluded). Events outside are rejected.",
    [
        new("from", Date with { Description = "The first moment the campaign is active: a date (midnight UTC) or an ISO 8601 timestamp." }, Example: "from: 2026-03-01"),
        new("until", Date with { Description = "The first moment the campaign is no longer active (excluded): a date (midnight UTC) or an ISO 8601 timestamp." }, Example: "until: 2026-07-01"),
    ])
    {
        Title = "Active period",
        Example = "active: { from: 2026-03-01, until: 2026-07-01 }",
    };

    public static readonly MappingShape Ids = new("ids", "How participant ids (an event's actor and referrer) are made canonical before they are compared; absent: exactly as given.",
    [
        new("normalize", new ScalarShape("Unicode normalization of ids, so that ids that look the same are the same participant.", ScalarKind.String, ["none", "nfc", "nfkc"])
        {
            WordDescriptions =
            [
                "The default: ids are compared exactly as written.",
                "Composed and decomposed spellings of an accented letter are the same id.",
                "As nfc, and compatibility forms too: fullwidth letters, ligatures and superscripts fold to plain ones.",
            ],
        }, Example: "normalize: nfkc"),
        new("case", new ScalarShape("Whether ids that differ only in upper and lower case are the same participant.", ScalarKind.String, ["sensitive", "insensitive"])
        {
            WordDescriptions =
            [
                "The default: Ben and ben are two participants.",
                "Ben and ben are the same participant.",
            ],
        }, Example: "case: insensitive"),
        new("strip", new ListShape("Characters removed from ids before they are compared.", new ScalarShape("A set of characters to remove.", ScalarKind.String, ["zero-width"])
        {
            WordDescriptions = ["Zero-width spaces and joiners, the word joiner, the byte order mark and the soft hyphen, which cannot be seen."],
        }), Example: "strip: [zero-width]"),
    ])
    {
        Title = "Participant ids",
        Example = "ids: { normalize: nfkc, case: insensitive, strip: [zero-width] }",
    };

    public static readonly MappingShape Tier = new("tier", "A tier of the program, lowest first; the first tier has no 'when' and every participant starts in it.",
    [
        new("name", new ScalarShape("The tier's name, as tier outcomes and participant.tier report it.", ScalarKind.String), Required: true, Example: "name: silver"),
        new("when", new ScalarShape("When a participant reaches this tier; it reads participant.<x> only.", ScalarKind.Expression), Example: "when: participant.lifetime_points >= 1000 or participant.referrals >= 5"),
        new("privileges", new ListShape("What the tier gives its members, for the host to honour.", new ScalarShape("One privilege, such as free_shipping.", ScalarKind.String)), Example: "privileges: [free_shipping, early_access]"),
    ])
    {
        Title = "Tier",
        Example = "- name: silver\n  when: participant.lifetime_points >= 1000\n  privileges: [free_shipping]",
    };

    public static readonly MappingShape Budget = new("budget", "Campaign-wide caps on what the rules grant in all; a rule that would pass one is skipped with reason budget.",
    [
        new("points", new ScalarShape("The most points the campaign grants in all.", ScalarKind.Integer, Minimum: 0), Example: "points: 500000"),
        new("credit", new ScalarShape("The most credit the campaign grants in all, an exact amount.", ScalarKind.Decimal), Example: "credit: 20000.00"),
    ])
    {
        Title = "Budget",
        Example = "budget: { points: 500000, credit: 20000.00 }",
    };

    public static readonly MappingShape TiersPolicy = new("tiers_policy", "How tiers move (spec v1.1 §5): whether a participant can go down, and how long a tier is kept first.",
    [
        new("downgrade", new ScalarShape("true: a participant whose tier's 'when' no longer holds moves down to the highest tier whose 'when' holds, at its next change; false (default): tiers only go up.", ScalarKind.Boolean), Example: "downgrade: true"),
        new("keep", Duration with { Description = "With downgrade: a tier is kept this long after it was reached before it may go down, such as 365d (default: no keep)." }, Example: "keep: 365d"),
    ])
    {
        Title = "Tier policy",
        Example = "tiers_policy: { downgrade: true, keep: 365d }",
    };

    public static readonly MappingShape Disclosure = new("disclosure", "A disclosure requirement for endorsements: an event of the listed types that it applies to must satisfy 'require', or its rules earn nothing (or it is only flagged).",
    [
        new("name", new ScalarShape("The disclosure's name, as violation outcomes report it.", ScalarKind.String), Required: true, Example: "name: ftc-review-disclosure"),
        new("on", new ChoiceShape("The event types the requirement checks: one type or a list.", [
            new ScalarShape("One event type declared under events.", ScalarKind.String),
            new ListShape("Event types declared under events.", new ScalarShape("One event type declared under events.", ScalarKind.String)) { NonEmpty = true }]), Required: true, Example: "on: [review.posted, post.published]"),
        new("applies", new ScalarShape("When the requirement applies, such as only to incentivized reviews (absent: always).", ScalarKind.Expression), Example: "applies: event.incentivized"),
        new("require", new ScalarShape("What a compliant event satisfies, usually that its text discloses the connection.", ScalarKind.Expression), Required: true, Example: "require: discloses(event.text)"),
        new("action", new ScalarShape("What a violation does.", ScalarKind.String, ["withhold", "flag"])
        {
            WordDescriptions =
            [
                "The default: the event's rules earn nothing (alert-only rules still fire), and a violation outcome is written.",
                "A violation outcome is written and the rules run as usual: report only.",
            ],
        }, Example: "action: withhold"),
        new("message", new ScalarShape("The text shown with the violation, for the participant or a reviewer.", ScalarKind.String), Example: "message: Say that you were given the product, for example with #ad."),
    ])
    {
        Title = "Disclosure requirement",
        KeyTitlePrefix = "Disclosure",
        Example = "- name: ftc-review-disclosure\n  on: review.posted\n  applies: event.incentivized\n  require: discloses(event.text)\n  action: withhold\n  message: Incentivized reviews must disclose the incentive.",
        Snippets =
        [
            new("disclosure", "A disclosure requirement: incentivized posts must disclose, or earn nothing.",
                "name: ${1:ftc-disclosure}\non: ${2:review.posted}\napplies: ${3:event.incentivized}\nrequire: discloses(event.${4:text})\naction: ${5|withhold,flag|}\nmessage: ${6:Say that you were rewarded for this post.}"),
        ],
    };

    public static readonly MappingShape Limit = new("limit", "How often the rule may fire for one participant; a firing over the limit is skipped with reason limit.",
    [
        new("count", new ScalarShape("The firings allowed in each window.", ScalarKind.Integer, Minimum: 1), Required: true, Example: "count: 3"),
        new("per", new ChoiceShape(
            "The window the firings are counted in: a UTC calendar window (default campaign), or a rolling window of a duration such as 24h or 7d (spec v1.1 §7).",
            [new ScalarShape("The window the firings are counted in, a UTC calendar window: day, week, month, year, or campaign (the default).", ScalarKind.String, ["day", "week", "month", "year", "campaign"])
            {
                WordDescriptions =
                [
                    "Each UTC calendar day.",
                    "Each ISO week, Monday to Sunday, UTC.",
                    "Each UTC calendar month.",
                    "Each UTC calendar year.",
                    "The default: the whole campaign, once and for all.",
                ],
            }, Duration with { Description = "The window the firings are counted in, a rolling one: the firings whose time lies in (at - duration, at], such as 24h or 7d (spec v1.1 §7)." }]), Example: "per: week"),
        new("of", Recipient with { Description = "Whose firings are counted: the actor's (default) or the referrer's." }, Example: "of: referrer"),
    ])
    {
        Title = "Limit",
        Example = "limit: { count: 3, per: week, of: actor }",
        Snippets =
        [
            new("limit: count per window", "A limit: at most COUNT firings per window for each participant.", "count: ${1:3}\nper: ${2|day,week,month,year,campaign|}\nof: ${3|actor,referrer|}"),
        ],
    };

    /// <summary>Spec v1.1 §7: a rule's limit is its own mapping, or the name of a cap declared under 'caps'.</summary>
    public static readonly ChoiceShape RuleLimit = new(
        "How often the rule may fire: { count, per, of }, or the name of a cap under 'caps' that the rule shares with others.",
        [Limit, new ScalarShape("The name of a cap declared under 'caps', shared with the other rules naming it.", ScalarKind.String)]) { Title = "Rule limit" };

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

    public static readonly MappingShape Alert = new("alert", "An alert with a severity and data (spec v1.1 §6), for the team that watches the program.",
    [
        new("name", new ScalarShape("The alert's name, as the outcome's 'alert'.", ScalarKind.String), Required: true, Example: "name: negative-review"),
        new("severity", AlertSeverity, Example: "severity: high"),
        new("data", new NamedMapShape(
            "Values copied to the outcome's 'data', in the order written: each key maps to an expression of any type.",
            IdentifierPattern,
            new ScalarShape("An expression of any type whose value is copied to the outcome's data.", ScalarKind.Expression) { Example = "rating: event.rating" }), Example: "data:\n  rating: event.rating\n  waited_hours: hours_between(event.asked_at, event.at)"),
    ])
    {
        Title = "Alert",
        Example = "alert: { name: negative-review, severity: high, data: { rating: event.rating } }",
    };

    public static readonly MappingShape Reward = new("reward", "One reward entry of a rule: what one participant receives; effects apply in the order points, credit, badge, counter, alert.",
    [
        new("to", Recipient with { Description = "Who receives it: the actor (default) or the referrer." }, Example: "to: referrer"),
        new("points", new ScalarShape("Points to grant: a whole number or an int expression.", ScalarKind.Expression), Example: "points: min(round(event.order_total / 10), 300)"),
        new("credit", new ScalarShape("Credit (money) to grant: an exact amount or a decimal expression.", ScalarKind.Expression), Example: "credit: 10.00"),
        new("badge", new ScalarShape("A badge to grant; a participant holds each badge once.", ScalarKind.String), Example: "badge: co-creator"),
        new("counter", new ScalarShape("A counter declared under counters to step (by 1, or by 'by').", ScalarKind.String), Example: "counter: referrals"),
        new("by", new ScalarShape("The counter's step: an int expression (default 1).", ScalarKind.Expression), Requires: ["counter"], Example: "by: event.items"),
        new("alert", new ChoiceShape("An alert to raise: its name (severity medium, no data), or { name, severity, data }.", [
            new ScalarShape("The alert's name, raised with severity medium and no data.", ScalarKind.String), Alert]), Example: "alert: negative-review"),
        new("pending", Duration with { Description = "Hold the entry's points and credit this long after the event's 'at' before they can be spent (spec v1.1 §3)." }, Example: "pending: 14d"),
    ],
    AtLeastOneOf: ["points", "credit", "badge", "counter", "alert"])
    {
        Title = "Reward",
        Example = "- { to: referrer, points: 500, counter: referrals }\n- { to: actor, credit: 10.00, pending: 14d }",
        Snippets =
        [
            new("reward: points", "Points for the actor or the referrer.", "to: ${1|actor,referrer|}\npoints: ${2:min(round(event.order_total / 10), 300)}"),
            new("reward: held credit", "Credit held for 14 days, then spendable.", "to: ${1|actor,referrer|}\ncredit: ${2:10.00}\npending: ${3:14d}"),
            new("reward: alert", "An alert with a severity and data.", "alert:\n  name: ${1:negative-review}\n  severity: ${2|low,medium,high,critical|}\n  data:\n    ${3:rating}: ${4:event.rating}"),
        ],
    };

    public static readonly MappingShape Rule = new("rule", "A rule: on an event type, when a condition holds, grant rewards.",
    [
        new("name", new ScalarShape("The rule's name, unique in the campaign; outcomes report it.", ScalarKind.String), Required: true, Example: "name: referral-converted"),
        new("on", new ScalarShape("The event type the rule reacts to, declared under events.", ScalarKind.String), Required: true, Example: "on: referral.converted"),
        new("when", Condition, Example: "when: event.first_order and event.order_total >= 20 and event.referrer != event.actor"),
        new("priority", new ScalarShape("The order rules of one event run in: higher runs first (default 0), then file order.", ScalarKind.Integer), Example: "priority: 10"),
        new("stop", new ScalarShape("true: when the rule fires, the later rules of the event do not run.", ScalarKind.Boolean), Example: "stop: true"),
        new("limit", RuleLimit, Example: "limit: { count: 5, per: month, of: referrer }"),
        new("rewards", new ListShape("What the rule grants when it fires: one or more reward entries.", Reward) { NonEmpty = true }, Required: true, Example: "rewards:\n  - { to: referrer, points: 500, counter: referrals }"),
        new("lang", new ScalarShape("The language of 'when' and the amounts (default: the campaign language).", ScalarKind.String, ["csharp"])
        {
            WordDescriptions = ["'when' and the amounts are C# expressions; the host must allow C# rules."],
        }, Example: "lang: csharp"),
    ])
    {
        Title = "Rule",
        Example = "- name: referral-converted\n  on: referral.converted\n  when: event.first_order and event.order_total >= 20\n  limit: { count: 5, per: month, of: referrer }\n  rewards:\n    - { to: referrer, points: 500, counter: referrals }\n    - { to: actor, credit: 10.00, pending: 14d }",
        Snippets =
        [
            new("rule", "A rule: on an event type, when a condition holds, grant rewards.",
                "name: ${1:review-points}\non: ${2:review.posted}\nwhen: ${3:event.rating >= 4}\nrewards:\n  - points: ${4:50}"),
            new("rule with a limit", "A rule that pays at most a few times per participant.",
                "name: ${1:referral-converted}\non: ${2:referral.converted}\nwhen: ${3:event.first_order}\nlimit:\n  count: ${4:5}\n  per: ${5|day,week,month,year,campaign|}\n  of: ${6|actor,referrer|}\nrewards:\n  - to: referrer\n    points: ${7:500}"),
        ],
    };

    public static readonly MappingShape Expiry = new("expiry", "How long points stay available (spec v1.1 §4); credit never expires.",
    [
        new("points", Duration with { Description = "Every points grant expires this long after it became available." }, Example: "points: 365d"),
    ])
    {
        Title = "Points expiry",
        Example = "expiry: { points: 365d }",
    };

    /// <summary>Spec v1.1 §9.</summary>
    public static readonly MappingShape Markers = new("markers", "Changes to the default disclosure markers that discloses(text) uses, for the whole campaign (spec v1.1 §9).",
    [
        new("add", new ListShape("Markers added to the defaults, such as \"#FreeSample\"; matched case-insensitively as whole tokens.", new ScalarShape("One marker to add, such as #FreeSample.", ScalarKind.String)), Example: "add: [\"#FreeSample\", \"#sampel\"]"),
        new("remove", new ListShape("Default markers taken out, such as \"sponsored by\" (case-insensitive).", new ScalarShape("One default marker to take out.", ScalarKind.String)), Example: "remove: [\"sponsored by\"]"),
    ])
    {
        Title = "Disclosure markers",
        Example = "markers: { add: [\"#ditaja\"], remove: [\"sponsored by\"] }",
    };

    public static readonly MappingShape Campaign = new("campaign", "A WomRules campaign file (format version 1): the events it reacts to, its participants' attributes, tiers, budget, disclosure requirements and rules.",
    [
        new("womrules", new ScalarShape("The format version of the file.", ScalarKind.Integer, ["1"])
        {
            WordDescriptions = ["Version 1: the WomRules v1 specification with its v1.1 addendum."],
        }, Required: true, Example: "womrules: 1"),
        new("campaign", new ScalarShape("The campaign id: lower-case letters, digits and hyphens.", ScalarKind.String, Pattern: "^[a-z0-9][a-z0-9-]*$"), Required: true, Example: "campaign: spring-referral"),
        new("description", new ScalarShape("What the campaign is for, in a sentence or two.", ScalarKind.String), Example: "description: Double-sided referral rewards for the spring season."),
        new("active", Active),
        new("ids", Ids),
        new("reversible_for", Duration with { Description = "How long after its 'at' an event may still be reversed by an event.reversed (default 365d)." }, Example: "reversible_for: 90d"),
        new("accept_late", Duration with { Description = "The lateness horizon (spec v1.1 §13): an event whose 'at' is earlier than the clock less this is rejected as too late (default: unlimited)." }, Example: "accept_late: 2d"),
        new("tiers_policy", TiersPolicy),
        new("expiry", Expiry),
        new("markers", Markers, Example: "markers:\n  add: [\"#ditaja\", \"#berbayar\"]\n  remove: [\"#employee\"]"),
        new("lists", new NamedMapShape("Named lists of strings (spec v1.1 §11), such as crisis_words: [\"scam\", \"penipuan\"]; an expression reads one as lists.crisis_words wherever a list literal may stand.", IdentifierPattern, new ListShape("The strings of one named list, in the order written.", new ScalarShape("One string of the list, compared exactly.", ScalarKind.String)) { Title = "Named list" }),
            Example: "lists:\n  crisis_words: [\"scam\", \"penipuan\", \"tipu\", \"骗\"]"),
        new("events", new NamedMapShape("The event types the campaign reacts to, each with its attributes.", "^[A-Za-z0-9][A-Za-z0-9_.-]*$", Attributes with { Title = "Event type", Example = "review.posted:\n  rating: int\n  text: { type: string, default: \"\" }" }),
            Example: "events:\n  referral.converted:\n    order_total: decimal\n    first_order: bool\n  review.posted:\n    rating: int\n    text: { type: string, default: \"\" }"),
        new("participant", Attributes with { Description = "The participants' own attributes, as rules read them through participant.<name> and referrer.<name>." },
            Example: "participant:\n  country: { type: string, default: MY }"),
        new("counters", new ListShape("Per-participant whole-number counters, starting at 0, stepped by rewards and read as participant.<name>.", new ScalarShape("The name of one counter, read as participant.<name>.", ScalarKind.String, Pattern: IdentifierPattern)),
            Example: "counters: [referrals, reviews]"),
        new("tiers", new ListShape("The program's tiers, lowest first.", Tier), Example: "tiers:\n  - name: member\n  - name: silver\n    when: participant.lifetime_points >= 1000"),
        new("budget", Budget),
        new("caps", Caps, Example: "caps:\n  invite-cap: { count: 3, per: month, of: referrer }"),
        new("disclosures", new ListShape("Disclosure requirements, checked in file order before the rules run.", Disclosure), Example: "disclosures:\n  - name: ftc\n    on: review.posted\n    require: discloses(event.text)"),
        new("rules", new ListShape("The rules, each reacting to one event type.", Rule), Example: "rules:\n  - name: review-points\n    on: review.posted\n    when: event.rating >= 4\n    rewards:\n      - points: 50"),
    ])
    {
        Title = "WomRules campaign",
        KeyTitlePrefix = "Campaign",
        Example = "womrules: 1\ncampaign: spring-reviews\nevents:\n  review.posted:\n    rating: int\n    text: string\nrules:\n  - name: review-points\n    on: review.posted\n    when: event.rating >= 4\n    rewards:\n      - points: 50",
        Snippets =
        [
            new("new campaign", "A new campaign: one event type and one rule.",
                "womrules: 1\ncampaign: ${1:spring-reviews}\ndescription: ${2:Points for honest reviews.}\nactive:\n  from: ${3:2026-03-01}\n  until: ${4:2026-07-01}\nevents:\n  ${5:review.posted}:\n    rating: int\n    text: string\nbudget:\n  points: ${6:100000}\nrules:\n  - name: ${7:review-points}\n    on: ${5:review.posted}\n    when: ${8:event.rating >= 1}\n    rewards:\n      - points: ${9:50}"),
        ],
    };
}
