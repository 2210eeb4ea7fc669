namespace WomRules.Diagnostics;

/// <summary>
/// The catalogue: every diagnostic the compiler can report. Ids are stable and never reused;
/// each is documented in docs/diagnostics.md. Messages are full sentences that say how to fix the problem.
/// </summary>
internal static class DiagnosticDescriptors
{
    // WOM0xxx: the file as a whole.
    public static readonly DiagnosticDescriptor FileTooLarge = Error("WOM0001", "Campaign file too large",
        "The campaign file is {0} bytes, more than the limit of {1} bytes; split the campaign or raise MaxFileSize.");
    public static readonly DiagnosticDescriptor FileEmpty = Error("WOM0002", "Campaign file empty",
        "The campaign file is empty; start it with 'womrules: 1' and a 'campaign' id.");
    public static readonly DiagnosticDescriptor FileNotText = Error("WOM0003", "Campaign file is not text",
        "The campaign file holds a NUL or other control character, so it is not a text file; save it as UTF-8 text.");
    public static readonly DiagnosticDescriptor FileUnreadable = Error("WOM0004", "Campaign file unreadable",
        "The campaign file could not be read: {0}");

    // WOM1xxx: YAML structure.
    public static readonly DiagnosticDescriptor YamlSyntax = Error("WOM1001", "YAML syntax error",
        "The YAML is malformed: {0}; fix the indentation or quoting at this point.");
    public static readonly DiagnosticDescriptor NestingTooDeep = Error("WOM1002", "Nesting too deep",
        "Nesting is deeper than the limit of {0}; flatten the structure or raise MaxNestingDepth.");
    public static readonly DiagnosticDescriptor AnchorNotAllowed = Error("WOM1003", "YAML anchors and aliases not allowed",
        "YAML anchors and aliases are not allowed in campaign files; write the value out in full.");
    public static readonly DiagnosticDescriptor TagNotAllowed = Error("WOM1004", "YAML tags not allowed",
        "YAML tags such as '{0}' are not allowed in campaign files; remove the tag.");
    public static readonly DiagnosticDescriptor MergeKeyNotAllowed = Error("WOM1005", "YAML merge keys not allowed",
        "YAML merge keys ('<<') are not allowed in campaign files; write the keys out in full.");
    public static readonly DiagnosticDescriptor DuplicateKey = Error("WOM1006", "Duplicate key",
        "The key '{0}' appears more than once in this mapping; keep one of them.");
    public static readonly DiagnosticDescriptor ScalarTooLong = Error("WOM1007", "Value too long",
        "This value is {0} characters long, more than the limit of {1}; shorten it or raise MaxScalarLength.");
    public static readonly DiagnosticDescriptor UnknownKey = Error("WOM1008", "Unknown key",
        "The key '{0}' is not known here{2}; expected one of: {1}.");
    public static readonly DiagnosticDescriptor ExpectedMapping = Error("WOM1009", "Mapping expected",
        "'{0}' must be a mapping of keys to values; write it as 'key: value' lines or '{{ key: value }}'.");
    public static readonly DiagnosticDescriptor ExpectedSequence = Error("WOM1010", "List expected",
        "'{0}' must be a list; write it as '- item' lines or '[a, b]'.");
    public static readonly DiagnosticDescriptor ExpectedScalar = Error("WOM1011", "Single value expected",
        "'{0}' must be a single value, not a list or mapping.");
    public static readonly DiagnosticDescriptor MissingKey = Error("WOM1012", "Required key missing",
        "'{0}' is required here; add '{0}: …'.");
    public static readonly DiagnosticDescriptor UnsupportedVersion = Error("WOM1013", "Unsupported format version",
        "'womrules: {0}' is not a supported format version; this version reads 'womrules: 1'.");
    public static readonly DiagnosticDescriptor MultipleDocuments = Error("WOM1014", "More than one YAML document",
        "A campaign file holds exactly one YAML document; remove the extra '---' document.");
    public static readonly DiagnosticDescriptor InvalidValue = Error("WOM1015", "Invalid value",
        "'{0}' is not a valid value for '{1}'; expected {2}.");
    public static readonly DiagnosticDescriptor YamlHiddenBreak = Error("WOM1016", "Line separator or bidi control in YAML",
        "The file holds {0} here, which some YAML readers and editors take for a line break or use to reorder text, and others do not; remove it, or write it as an escape such as \\u2028 inside a double-quoted string.");
    public static readonly DiagnosticDescriptor KeyTooLong = Error("WOM1017", "Key too long",
        "This key is {0} characters long, more than the {1} YAML allows a key written without '? '; shorten it (a name is at most MaxNameLength characters anyway).");
    public static readonly DiagnosticDescriptor DslReadAsYaml = Error("WOM1018", "Text DSL read as YAML",
        "This looks like the text DSL (it starts with 'campaign <id>'), not YAML; name the file .wom, or pass CampaignFormat.Dsl in CompilationOptions.Format.");

    // WOM2xxx: expression syntax.
    public static readonly DiagnosticDescriptor ExpressionSyntax = Error("WOM2001", "Expression syntax error",
        "The expression is malformed: {0}.");
    public static readonly DiagnosticDescriptor ExpressionTooDeep = Error("WOM2002", "Expression nested too deep",
        "The expression nests parentheses, 'not', unary '-' or 'if' deeper than the limit of {0}; simplify it or raise MaxNestingDepth.");
    public static readonly DiagnosticDescriptor ExpressionTooComplex = Error("WOM2003", "Expression too complex",
        "The expression is too long or complex to compile; split it into simpler rules.");
    public static readonly DiagnosticDescriptor InvalidNumber = Error("WOM2004", "Invalid number",
        "The number '{0}' is out of range; integers are 64-bit and decimals have at most 28 digits.");
    public static readonly DiagnosticDescriptor EmptyExpression = Error("WOM2005", "Empty expression",
        "'{0}' is empty; write an expression such as 'event.rating >= 4'.");

    // WOM3xxx: names, types and declarations.
    public static readonly DiagnosticDescriptor InvalidCampaignId = Error("WOM3001", "Invalid campaign id",
        "The campaign id '{0}' is not valid; use lowercase letters, digits and '-', starting with a letter or digit.");
    public static readonly DiagnosticDescriptor InvalidDate = Error("WOM3002", "Invalid date",
        "'{0}' is not a date; write it as YYYY-MM-DD or an ISO 8601 UTC timestamp.");
    public static readonly DiagnosticDescriptor EmptyActiveWindow = Error("WOM3003", "Empty active window",
        "'active.until' must be later than 'active.from'; otherwise the campaign is never active.");
    public static readonly DiagnosticDescriptor UnknownType = Error("WOM3004", "Unknown attribute type",
        "'{0}' is not an attribute type{1}; use int, decimal, bool, string, list or timestamp.");
    public static readonly DiagnosticDescriptor InvalidDefault = Error("WOM3005", "Invalid default",
        "The default '{0}' is not a valid {1}; give a default of the declared type.");
    public static readonly DiagnosticDescriptor DuplicateDeclaration = Error("WOM3006", "Duplicate declaration",
        "{0} '{1}' is declared more than once; rename or remove one of them.");
    public static readonly DiagnosticDescriptor ReservedName = Error("WOM3007", "Reserved name",
        "'{0}' is a built-in name and cannot be declared as {1}; choose another name.");
    public static readonly DiagnosticDescriptor InvalidName = Error("WOM3008", "Invalid name",
        "'{0}' is not a valid {1} name; use letters, digits, '_', '-' and '.', starting with a letter.");
    public static readonly DiagnosticDescriptor UndeclaredEventType = Error("WOM3009", "Undeclared event type",
        "The event type '{0}' is not declared under 'events'{1}; declare it or fix the spelling.");
    public static readonly DiagnosticDescriptor UnknownEventAttribute = Error("WOM3010", "Unknown event attribute",
        "The event type '{0}' has no attribute '{1}'{2}; declare it under 'events.{0}' or fix the spelling.");
    public static readonly DiagnosticDescriptor UnknownParticipantMember = Error("WOM3011", "Unknown participant attribute",
        "Participants have no attribute, counter or built-in named '{0}'{1}; declare it under 'participant' or 'counters', or use points, lifetime_points, credit, tier, badges, pending_points, pending_credit, tier_since, first_seen or last_seen.");
    public static readonly DiagnosticDescriptor UnknownName = Error("WOM3012", "Unknown name",
        "The name '{0}' is not known{1}; expressions read 'event.<attribute>', 'participant.<x>' or 'referrer.<x>'.");
    public static readonly DiagnosticDescriptor UndeclaredTier = Error("WOM3013", "Undeclared tier",
        "The tier '{0}' is not declared under 'tiers'{2}; declare it or use one of: {1}.");
    public static readonly DiagnosticDescriptor UnknownFunction = Error("WOM3014", "Unknown function",
        "'{0}' is not a function{1}; use one of: {2}.");
    public static readonly DiagnosticDescriptor WrongArgumentCount = Error("WOM3015", "Wrong number of arguments",
        "'{0}' takes {1}; fix the number of arguments.");
    public static readonly DiagnosticDescriptor OperandType = Error("WOM3016", "Wrong operand type",
        "The operator '{0}' cannot take {1} here; it needs {2}.");
    public static readonly DiagnosticDescriptor CompareStringWithNumber = Error("WOM3017", "String compared with number",
        "This {0} is compared with {1}; compare values of the same type, for example by quoting or unquoting the literal.");
    public static readonly DiagnosticDescriptor ArgumentType = Error("WOM3018", "Wrong argument type",
        "Argument {0} of '{1}' is {2}; it must be {3}.");
    public static readonly DiagnosticDescriptor ExpressionType = Error("WOM3019", "Wrong expression type",
        "'{0}' must be {1}, but this expression is {2}.");
    public static readonly DiagnosticDescriptor BranchTypes = Error("WOM3020", "Branches of different types",
        "The 'then' branch is {0} and the 'else' branch {1}; both branches of 'if' must have the same type.");
    public static readonly DiagnosticDescriptor InvalidRegex = Error("WOM3021", "Invalid pattern",
        "The pattern cannot be run without backtracking: {0}; remove backreferences and lookarounds.");
    public static readonly DiagnosticDescriptor PatternNotLiteral = Error("WOM3022", "Pattern must be a literal",
        "The right side of 'matches' must be a string literal, so that it is checked when the campaign compiles.");
    public static readonly DiagnosticDescriptor ListElementType = Error("WOM3023", "List elements must be strings",
        "List literals hold strings only; quote this element.");
    public static readonly DiagnosticDescriptor UnknownCounter = Error("WOM3024", "Unknown counter",
        "The counter '{0}' is not declared under 'counters'{1}; declare it or fix the spelling.");
    public static readonly DiagnosticDescriptor RewardWithoutEffect = Error("WOM3025", "Reward without effect",
        "This reward grants nothing; give it points, credit, badge, counter or alert.");
    public static readonly DiagnosticDescriptor ByWithoutCounter = Error("WOM3026", "'by' without 'counter'",
        "'by' only applies to a counter; add 'counter: <name>' beside it or remove 'by'.");
    public static readonly DiagnosticDescriptor FirstTierCondition = Error("WOM3027", "First tier has a condition",
        "The first tier is every newcomer's tier and has no 'when'; remove it or add a lower tier first.");
    public static readonly DiagnosticDescriptor TierWithoutCondition = Error("WOM3028", "Tier without condition",
        "Every tier after the first needs a 'when' condition saying who reaches it.");
    public static readonly DiagnosticDescriptor NotInTierCondition = Error("WOM3029", "Not available in a tier condition",
        "A tier's 'when' reads only 'participant.<x>' (the participant whose tier is computed); '{0}' is not available there.");
    public static readonly DiagnosticDescriptor NoTiers = Error("WOM3030", "Tier used without tiers",
        "The campaign declares no tiers, so 'tier' cannot be compared; declare 'tiers' first.");
    public static readonly DiagnosticDescriptor CSharpNotEnabled = Error("WOM3031", "C# rules not enabled",
        "This rule is written in C# ('lang: csharp'), which the host has not enabled; enable AllowCSharp (CLI: --allow-csharp) or rewrite the rule in the campaign language.");
    public static readonly DiagnosticDescriptor UnknownLanguage = Error("WOM3032", "Unknown rule language",
        "'{0}' is not a rule language; omit 'lang' or use 'lang: csharp'.");
    public static readonly DiagnosticDescriptor NoRuleEvent = Error("WOM3033", "Rule without event type",
        "The rule '{0}' has no 'on'; say which event type it reacts to.");
    public static readonly DiagnosticDescriptor BuiltInEventDeclared = Error("WOM3034", "Built-in event type declared",
        "'{0}' is a built-in event type and cannot be declared; remove it from 'events'.");
    public static readonly DiagnosticDescriptor NegativeValue = Error("WOM3035", "Negative value",
        "{0} must not be negative: a reward only grants, and a negative amount would skip the rule with reason 'error' every time; to take points or credit back, send the built-in event.reversed (or points.redeemed to spend points).");
    public static readonly DiagnosticDescriptor PatternTooComplex = Error("WOM3036", "Pattern too complex",
        "The pattern has a complexity of more than {0} (its positions after unrolling counted repetition, a count inside another repetition counting squared); use smaller or fewer nested counts, or raise MaxPatternComplexity.");
    public static readonly DiagnosticDescriptor PatternTooLong = Error("WOM3037", "Pattern too long",
        "The pattern is {0} characters long, more than the limit of {1}; shorten it or raise MaxPatternLength.");
    public static readonly DiagnosticDescriptor StringTooLarge = Error("WOM3038", "String expression may grow too large",
        "This string expression repeats input strings {0} times, more than the limit of {1}, so its result could be far larger than the event; build less, or raise MaxStringGrowth.");
    // WOM3040-WOM3044: the 'ids' option (WOM3044 is reserved).
    public static readonly DiagnosticDescriptor UnknownIdNormalization = Error("WOM3040", "Unknown id normalization",
        "'{0}' is not an id normalization; use none, nfc or nfkc.");
    public static readonly DiagnosticDescriptor UnknownIdCase = Error("WOM3041", "Unknown id case rule",
        "'{0}' is not an id case rule; use sensitive or insensitive.");
    public static readonly DiagnosticDescriptor UnknownIdStrip = Error("WOM3042", "Unknown id strip set",
        "'{0}' is not a set of characters to strip from ids; use zero-width.");
    public static readonly DiagnosticDescriptor RepeatedIdStrip = Warning("WOM3043", "Strip set listed twice",
        "'{0}' is listed more than once in 'ids.strip'; keep one.");
    public static readonly DiagnosticDescriptor NameTooLong = Error("WOM3045", "Name too long",
        "This {0} name is {1} characters long, more than the limit of {2}; shorten it or raise MaxNameLength.");
    public static readonly DiagnosticDescriptor NameWithHiddenCharacter = Error("WOM3046", "Invisible character in a name",
        "The {0} name '{1}' holds {2}; a name may not hold a control, line-break, bidi or other invisible character, which readers of outcomes cannot see; remove it.");
    // WOM3050-WOM3054: durations and reversals, spec v1.1 (WOM3053 and WOM3054 are reserved); WOM3055-WOM3059: pending
    // rewards and points expiry.
    public static readonly DiagnosticDescriptor InvalidDuration = Error("WOM3050", "Invalid duration",
        "'{0}' is not a duration; write a whole number and one unit: m (minutes), h (hours), d (days) or w (weeks), such as 90m, 24h, 14d or 52w.");
    public static readonly DiagnosticDescriptor DurationNotPositive = Error("WOM3051", "Duration not positive",
        "The duration '{0}' is {1}; a duration must be more than zero.");
    public static readonly DiagnosticDescriptor RuleOnReversal = Error("WOM3052", "Rule on event.reversed",
        "Rules cannot react to 'event.reversed': a reversal only takes back what its target granted; put the rule on the event type the reversal undoes.");
    public static readonly DiagnosticDescriptor CreditExpiry = Error("WOM3056", "Credit does not expire",
        "Only points expire; credit is money owed and never expires, so remove 'credit' from 'expiry'.");
    public static readonly DiagnosticDescriptor PendingWithoutAmount = Error("WOM3055", "Pending without points or credit",
        "'pending' holds a reward's points and credit, but this entry grants neither; badges, counters and alerts are never pending, so remove 'pending' or add the points or credit to hold.");

    // WOM3060-WOM3064: tiers that move, spec v1.1 §5.
    public static readonly DiagnosticDescriptor OnParticipantUpdated = Error("WOM3060", "Rule or disclosure on participant.updated",
        "A {0} cannot be on 'participant.updated': that built-in event only sets participant attributes, and no rule or disclosure runs on it.");
    public static readonly DiagnosticDescriptor KeepWithoutDowngrade = Warning("WOM3061", "Keep without downgrade",
        "'keep: {0}' has no effect: without 'downgrade: true' tiers never go down, so there is nothing to keep; add 'downgrade: true' or remove 'keep'.");

    // WOM3065-WOM3069: the language additions, spec v1.1 §6 and §10.
    public static readonly DiagnosticDescriptor UnknownAlertSeverity = Error("WOM3065", "Unknown alert severity",
        "'{0}' is not an alert severity; use low, medium (the default), high or critical.");
    public static readonly DiagnosticDescriptor InvalidAlertDataKey = Error("WOM3066", "Invalid alert data key",
        "'{0}' is not a valid alert data key; a key is a name of letters, digits and '_' that does not start with a digit.");
    public static readonly DiagnosticDescriptor AlertDataWithoutAlert = Error("WOM3067", "Alert data without an alert",
        "'data' belongs to an alert; add 'alert NAME' to this reward or remove the data.");
    public static readonly DiagnosticDescriptor InvalidDateLiteral = Error("WOM3069", "Invalid date",
        "date(...) takes a string literal naming a real day, 'yyyy-MM-dd' (midnight UTC), or an ISO 8601 timestamp with an offset, such as date(\"2026-03-01\") or date(\"2026-03-01T09:00:00+08:00\").");
    public static readonly DiagnosticDescriptor AlertDataNotAllowed = Error("WOM3068", "Alert data in a C# rule",
        "Alert data is written in the campaign language, so it cannot be in a rule with 'lang: csharp'; compute the value in the campaign language or in a separate rule.");

    // WOM3070-WOM3079: rolling windows and named caps, spec v1.1 §7 (WOM3075-WOM3079 are reserved).
    public static readonly DiagnosticDescriptor UnknownCap = Error("WOM3070", "Unknown cap",
        "The campaign declares no cap '{0}'{1}; declare it under 'caps' (DSL: 'cap {0} COUNT per WINDOW') or fix the spelling.");
    public static readonly DiagnosticDescriptor InvalidCapName = Error("WOM3071", "Invalid cap name",
        "'{0}' is not a valid cap name; use letters, digits, '_', '-' and '.', starting with a letter.");
    public static readonly DiagnosticDescriptor UnusedCap = Warning("WOM3072", "Unused cap",
        "No rule names the cap '{0}', so it limits nothing; add 'limit: {0}' to the rules it should cap, or remove it.");
    public static readonly DiagnosticDescriptor RollingCountTooLarge = Error("WOM3073", "Rolling limit count too large",
        "A rolling window keeps the latest 'count' firing times of each participant, so its count may be at most {1}, not {0}; use a calendar window ('per: month'), or raise MaxRollingLimitCount.");
    public static readonly DiagnosticDescriptor DuplicateCap = Error("WOM3074", "Cap declared twice",
        "The cap '{0}' is declared more than once; rename or remove one of them.");

    // WOM3080-WOM3089: identity signals (spec v1.1 §8) and named lists (§11).
    public static readonly DiagnosticDescriptor IdentityNotString = Error("WOM3080", "Identity on a non-string attribute",
        "Only string attributes can be identity signals, and '{0}' is {1}; declare it '{{ type: string, identity: true }}' or drop 'identity'.");
    public static readonly DiagnosticDescriptor IdentityOnParticipant = Error("WOM3081", "Identity on a participant attribute",
        "'identity' marks event attributes, whose values are recorded against the event's actor; the participant attribute '{0}' cannot be one. Declare it on the event types that carry it.");
    public static readonly DiagnosticDescriptor InvalidIdentityFlag = Error("WOM3082", "Invalid identity flag",
        "'identity' is true or false, not '{0}'.");
    public static readonly DiagnosticDescriptor UnknownList = Error("WOM3083", "Unknown list",
        "No list '{0}' is declared under 'lists'; {1}.");

    // WOM3090-WOM3099: disclosure markers, spec v1.1 §9.
    public static readonly DiagnosticDescriptor MarkerAlreadyDefault = Warning("WOM3090", "Marker is already a default",
        "'{0}' is already a default disclosure marker (as '{1}'), so adding it changes nothing; remove it from 'add' (docs/markers.md lists the defaults).");
    public static readonly DiagnosticDescriptor MarkerNotPresent = Warning("WOM3091", "Removed marker is not a marker",
        "'{0}' is neither a default disclosure marker nor added here, so removing it changes nothing; check its spelling against docs/markers.md.");
    public static readonly DiagnosticDescriptor BlankMarker = Error("WOM3092", "Blank disclosure marker",
        "A disclosure marker must hold something other than white space; a blank one would be found in almost any text. Remove it.");
    public static readonly DiagnosticDescriptor MarkersAsList = Error("WOM3093", "Markers written as a list",
        "'markers' changes the default markers through 'add' and 'remove', such as markers: { add: [\"#ditaja\"] }; to look only for markers of your own in one check, give the list to the call: discloses(event.text, [\"#ditaja\"]).");

    // WOM4xxx: warnings about the campaign's behaviour.
    public static readonly DiagnosticDescriptor UnboundedLiability = Warning("WOM4001", "Unbounded liability",
        "The rule '{0}' grants points or credit with no 'limit' and the campaign has no 'budget'; add a limit or a budget so the liability is bounded.");
    public static readonly DiagnosticDescriptor DisclosureNotWithheld = Warning("WOM4002", "Disclosure only flags",
        "The rule '{0}' rewards '{1}' events, which disclosures only flag; add a disclosure with 'action: withhold' so undisclosed endorsements earn nothing.");
    public static readonly DiagnosticDescriptor UnreachableTier = Warning("WOM4003", "Unreachable tier",
        "The tier '{0}' can never be reached: {1}; fix its 'when' condition.");
    public static readonly DiagnosticDescriptor AmbiguousMarker = Warning("WOM4004", "Ambiguous disclosure marker",
        "'{0}' is a disclosure marker that regulators call ambiguous; use a clear one such as '#ad' or '#sponsored'.");
    public static readonly DiagnosticDescriptor DuplicateRuleName = Error("WOM4005", "Duplicate rule name",
        "The rule name '{0}' is used more than once; rule names identify outcomes, so each must be unique.");
    public static readonly DiagnosticDescriptor UnusedEventType = Warning("WOM4006", "Event type without rules",
        "No rule or disclosure reacts to the event type '{0}'; add a rule or remove the declaration.");

    // WOM5xxx: DSL syntax (.wom files).
    public static readonly DiagnosticDescriptor DslSyntax = Error("WOM5001", "DSL syntax error",
        "The campaign text is malformed: {0}.");
    public static readonly DiagnosticDescriptor DslUnterminatedString = Error("WOM5002", "Unterminated string",
        "The string is not closed on this line; add the closing {0}.");
    public static readonly DiagnosticDescriptor DslUnterminatedCode = Error("WOM5003", "Unterminated C# code",
        "The C# code opened here with {0} is never closed; close it with the same number of backticks.");
    public static readonly DiagnosticDescriptor DslValueTooLong = Error("WOM5004", "Value too long",
        "This {0} is {1} characters long, more than the limit of {2}; shorten it or raise MaxScalarLength.");
    public static readonly DiagnosticDescriptor DslRuleWithoutReward = Error("WOM5005", "Rule without reward",
        "The rule '{0}' has no reward; add a line such as 'reward 10 points' or 'reward alert negative-review'.");
    public static readonly DiagnosticDescriptor DslDuplicateClause = Error("WOM5006", "Repeated clause",
        "'{0}' is given more than once in {1}; keep one.");
    public static readonly DiagnosticDescriptor DslCodeWithoutCSharp = Error("WOM5007", "C# code in a campaign-language rule",
        "C# code in backticks needs 'lang csharp' on its rule; add it or write the expression without backticks.");
    public static readonly DiagnosticDescriptor DslCSharpWithoutCode = Error("WOM5008", "C# rule without backticks",
        "The rule is 'lang csharp', so its expressions are C# and go in backticks, such as `Event.Rating >= 4`.");
    public static readonly DiagnosticDescriptor DslMissingCampaign = Error("WOM5009", "Campaign id missing",
        "The file has no 'campaign' line; start it with 'campaign <id>'.");
    public static readonly DiagnosticDescriptor DslHiddenBreak = Error("WOM5010", "Line separator or bidi control in DSL text",
        "The file holds {0} here, which editors and YAML may take for a line break or use to reorder text, though the DSL does not; remove it, or write it as an escape such as \\u2028 inside a string.");
    public static readonly DiagnosticDescriptor DslCannotHold = Error("WOM5011", "Text the DSL cannot hold",
        "This {0} holds {1} inside a string, which a line of the DSL cannot hold and its expressions cannot escape; remove it, or keep the campaign in YAML.");

    // WOM6xxx: scenario files (*.tests.yaml) for `womrules test`.
    public static readonly DiagnosticDescriptor ScenarioFileMissing = Error("WOM6001", "Referenced file not found",
        "The file '{0}' does not exist; paths in a scenario file are relative to the scenario file's folder.");
    public static readonly DiagnosticDescriptor ScenarioInvalidCaseName = Error("WOM6002", "Invalid case name",
        "'{0}' is not a valid case name; use letters, digits, '.', '_' and '-', starting with a letter or digit, so it can name the snapshot file.");
    public static readonly DiagnosticDescriptor ScenarioDuplicateCase = Error("WOM6003", "Duplicate case name",
        "The case name '{0}' is used more than once in this file; each case needs its own name and snapshot.");
    public static readonly DiagnosticDescriptor ScenarioSnapshotPath = Error("WOM6004", "Invalid snapshot path",
        "The snapshot '{0}' must be a path ending in '.verified.jsonl' inside the scenario's folder, or false for no snapshot.");
    public static readonly DiagnosticDescriptor ScenarioSharedSnapshot = Error("WOM6005", "Snapshot shared by two cases",
        "The case '{0}' uses the snapshot '{1}', which another case already uses; give each case its own snapshot.");
    public static readonly DiagnosticDescriptor ScenarioUnknownOutcomeField = Error("WOM6006", "Unknown outcome field",
        "'{0}' is not an outcome field; expected one of: {1}.");
    public static readonly DiagnosticDescriptor ScenarioBadState = Error("WOM6007", "Unusable initial state",
        "The initial state cannot be used with this campaign: {0}");
    public static readonly DiagnosticDescriptor ScenarioNoCases = Error("WOM6008", "Scenario without cases",
        "The scenario file has no cases; add 'cases:' with at least one case.");
    public static readonly DiagnosticDescriptor ScenarioNothingChecked = Error("WOM6009", "Case checks nothing",
        "The case '{0}' has 'snapshot: false' and no 'expect'; it would pass whatever happens, so give it a snapshot or expectations.");
    public static readonly DiagnosticDescriptor ScenarioFileEmpty = Error("WOM6010", "Scenario file empty",
        "The scenario file is empty; start it with 'campaign: <file>' and a list of 'cases'.");
    public static readonly DiagnosticDescriptor ScenarioFileNotText = Error("WOM6011", "Scenario file is not text",
        "The scenario file holds a NUL or other control character, so it is not a text file; save it as UTF-8 text.");
    public static readonly DiagnosticDescriptor ScenarioMultipleDocuments = Error("WOM6012", "More than one YAML document in a scenario file",
        "A scenario file holds exactly one YAML document; remove the extra '---' document.");
    public static readonly DiagnosticDescriptor ScenarioFileTooLarge = Error("WOM6013", "Scenario file too large",
        "The scenario file is {0} bytes, more than the limit of {1} bytes; split it into several scenario files.");

    // WOM70xx: C# rules (spec §8, docs/csharp.md).
    public static readonly DiagnosticDescriptor CSharpCompilerMissing = Error("WOM7001", "C# compiler not plugged in",
        "AllowCSharp is set but no C# compiler is plugged in; reference the WomRules.CSharp package and use 'options.WithCSharp()'.");
    public static readonly DiagnosticDescriptor CSharpSyntax = Error("WOM7002", "C# syntax error",
        "The C# expression is malformed: {0} ({1}).");
    public static readonly DiagnosticDescriptor CSharpNotOneExpression = Error("WOM7003", "Not a single C# expression",
        "A C# rule holds one expression; '{0}' cannot follow it (statements, declarations and ';' are not allowed).");
    public static readonly DiagnosticDescriptor CSharpDirective = Error("WOM7004", "Directive not allowed in C#",
        "Directives such as '{0}' (#r, #load, #if, #line, #pragma…) are not allowed in C# rules; remove it.");
    public static readonly DiagnosticDescriptor CSharpConstructNotAllowed = Error("WOM7005", "C# construct not allowed",
        "{0} is not allowed in a C# rule; use literals, arithmetic, comparison, logical and conditional operators, casts to numeric types and calls to allowed members (docs/csharp.md).");
    public static readonly DiagnosticDescriptor CSharpSymbolNotAllowed = Error("WOM7006", "C# member not allowed",
        "'{0}' is not on the allow-list of C# rules; use the globals Event, Participant and Referrer, System.Math, and string members that cannot allocate unboundedly (docs/csharp.md).");
    public static readonly DiagnosticDescriptor CSharpCompileError = Error("WOM7007", "C# compile error",
        "The C# expression does not compile: {0} ({1}).");
    public static readonly DiagnosticDescriptor CSharpNameCollision = Error("WOM7008", "C# property name collision",
        "'{0}' and '{1}' both become the C# property '{2}'; rename one of them to use C# rules.");
    public static readonly DiagnosticDescriptor CSharpEmitFailed = Error("WOM7009", "C# rules could not be compiled",
        "The C# rules could not be compiled on this host: {0}.");
    public static readonly DiagnosticDescriptor CSharpEmpty = Error("WOM7010", "Empty C# expression",
        "'{0}' is empty; write a C# expression such as 'Event.Rating >= 4'.");
    public static readonly DiagnosticDescriptor CSharpTooDeep = Error("WOM7011", "C# expression nested too deep",
        "The C# expression nests deeper than the limit of {0} (brackets, operators, calls and member accesses all count); split it into simpler rules or raise MaxNestingDepth.");
    public static readonly DiagnosticDescriptor CSharpStringTooLarge = Error("WOM7012", "C# string expression may grow too large",
        "This C# string expression repeats input strings {0} times, more than the limit of {1}, so its result could be far larger than the event; build less, or raise MaxStringGrowth.");

    private static DiagnosticDescriptor Error(string id, string title, string message) => new(id, DiagnosticSeverity.Error, title, message);

    private static DiagnosticDescriptor Warning(string id, string title, string message) => new(id, DiagnosticSeverity.Warning, title, message);
}
