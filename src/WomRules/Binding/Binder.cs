using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using WomRules.Diagnostics;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Binding;

/// <summary>Binds a campaign's declarations and type-checks its expressions against its own schema.</summary>
internal sealed partial class Binder
{
    private readonly DiagnosticBag diagnostics;
    private readonly ExpressionBinder expressions;
    private readonly CompilationOptions options;
    private Dictionary<CSharpExpressionSyntax, CSharpCompiledExpression?> csharp = [];

    // The caps by name (spec v1.1 §7); a cap that failed to bind maps to null, so naming it reports nothing more.
    private Dictionary<string, LimitSymbol?> caps = [];

    private Binder(DiagnosticBag diagnostics, CompilationOptions options)
    {
        this.diagnostics = diagnostics;
        this.options = options;
        expressions = new ExpressionBinder(diagnostics, options);
    }

    /// <summary>Returns the bound campaign, or null when the tree is too broken to bind (diagnostics say why).</summary>
    public static BoundCampaign? Bind(CampaignSyntax syntax, DiagnosticBag diagnostics, CompilationOptions? options = null) =>
        new Binder(diagnostics, options ?? CompilationOptions.Default).BindCampaign(syntax);

    // '\z', not '$': '$' also matches before a final '\n', which let "amount\n" pass as a name.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*\\z")]
    private static partial Regex CampaignIdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*\\z")]
    private static partial Regex NamePattern();

    private BoundCampaign? BindCampaign(CampaignSyntax syntax)
    {
        var id = syntax.Id?.Text ?? "";
        if (syntax.Id is { } idToken && CheckName(idToken, "campaign id") && !CampaignIdPattern().IsMatch(idToken.Text))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidCampaignId, idToken.Span, idToken.Text);
        }

        var (from, until) = BindActive(syntax.Active);
        expressions.DefaultMarkers = DisclosureMarkers.Bind(syntax.Markers, diagnostics);
        var counters = BindCounters(syntax.Counters);
        expressions.Lists = BindLists(syntax.Lists);
        var unresolvedParticipant = new HashSet<string>(StringComparer.Ordinal);
        var participantAttributes = BindAttributes(syntax.Participant, "participant attribute", [.. ParticipantSchema.BuiltIns, .. counters], isParticipant: true, unresolvedParticipant);
        var eventTypes = BindEventTypes(syntax.Events, participantAttributes);
        var tierNames = BindTierNames(syntax.Tiers);
        var schema = new ParticipantSchema(participantAttributes, counters, tierNames) { Unresolved = unresolvedParticipant };
        var tiers = BindTiers(syntax.Tiers, schema);
        var budget = BindBudget(syntax.Budget);
        var disclosures = BindDisclosures(syntax.Disclosures, eventTypes, schema);
        csharp = CompileCSharpRules(syntax.Rules, eventTypes, schema);
        caps = BindCaps(syntax.Caps);
        var rules = BindRules(syntax.Rules, eventTypes, schema);

        var campaign = new BoundCampaign(id, syntax.Description?.Text, from, until, eventTypes, schema, tiers, budget, disclosures, rules)
        {
            Ids = BindIds(syntax.Ids),
            TierDowngrade = BindTierDowngrade(syntax.TiersPolicy),
            TierKeep = BindTierKeep(syntax.TiersPolicy),
            ReversibleFor = syntax.ReversibleFor is { } reversibleFor ? Duration.Bind(reversibleFor, diagnostics) ?? BoundCampaign.DefaultReversibleFor : BoundCampaign.DefaultReversibleFor,
            PointsExpiry = BindExpiry(syntax.Expiry),
            Caps = caps.Where(c => c.Value is not null).ToFrozenDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal),
            AcceptLate = syntax.AcceptLate is { } acceptLate ? Duration.Bind(acceptLate, diagnostics) : null,
        };
        CampaignWarnings.Report(campaign, syntax, diagnostics);
        return campaign;
    }

    /// <summary>Spec v1.1 §4: points may expire; credit never does (WOM3056, at the credit duration).</summary>
    private TimeSpan? BindExpiry(ExpirySyntax? expiry)
    {
        if (expiry?.Credit is { } credit)
        {
            diagnostics.Report(DiagnosticDescriptors.CreditExpiry, credit.Span);
        }

        return expiry?.Points is { } points ? Duration.Bind(points, diagnostics) : null;
    }

    /// <summary>
    /// The checks every name gets, in whichever form it was written, so both forms accept the same names: a length
    /// limit (<see cref="CompilationOptions.MaxNameLength"/>, far inside YAML's 1024-character implicit keys), and no
    /// character that cannot be seen, since names identify outcomes and are compared exactly. False after a report.
    /// </summary>
    private bool CheckName(SyntaxToken name, string kind)
    {
        if (name.Text.Length > options.MaxNameLength)
        {
            diagnostics.Report(DiagnosticDescriptors.NameTooLong, name.Span, kind, name.Text.Length, options.MaxNameLength);
            return false;
        }

        if (TextHazards.FirstHiddenInName(name.Text) is var hidden and >= 0)
        {
            diagnostics.Report(DiagnosticDescriptors.NameWithHiddenCharacter, name.Span, kind, name.Text, TextHazards.Describe(name.Text, hidden));
            return false;
        }

        return true;
    }

    private (DateTime? From, DateTime? Until) BindActive(ActiveWindowSyntax? active)
    {
        if (active is null)
        {
            return (null, null);
        }

        var from = active.From is { } f ? ParseDate(f) : null;
        var until = active.Until is { } u ? ParseDate(u) : null;
        if (from is { } a && until is { } b && b <= a)
        {
            diagnostics.Report(DiagnosticDescriptors.EmptyActiveWindow, active.Until!.Span);
        }

        return (from, until);
    }

    private DateTime? ParseDate(SyntaxToken token)
    {
        var text = token.Text.Trim();
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        }

        if (text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            return timestamp.UtcDateTime;
        }

        diagnostics.Report(DiagnosticDescriptors.InvalidDate, token.Span, token.Text);
        return null;
    }

    private bool BindTierDowngrade(TiersPolicySyntax? policy)
    {
        switch (policy?.Downgrade)
        {
            case null: return false;
            case { Text: "true" }: return true;
            case { Text: "false" }: return false;
            case { } other:
                diagnostics.Report(DiagnosticDescriptors.InvalidValue, other.Span, other.Text, "downgrade", "true or false");
                return false;
        }
    }

    /// <summary>
    /// Spec v1.1 §5 'keep'. Without 'downgrade: true' tiers never go down, so a keep changes nothing: a warning
    /// (WOM3061) at the keep rather than an error, since the campaign still runs as written; it binds to no keep.
    /// </summary>
    private TimeSpan? BindTierKeep(TiersPolicySyntax? policy)
    {
        if (policy?.Keep is not { } keep || Duration.Bind(keep, diagnostics) is not { } duration)
        {
            return null;
        }

        if (policy.Downgrade?.Text != "true")
        {
            diagnostics.Report(DiagnosticDescriptors.KeepWithoutDowngrade, keep.Span, keep.Text);
            return null;
        }

        return duration;
    }

    private FrozenDictionary<string, EventTypeSymbol> BindEventTypes(ImmutableArray<EventTypeSyntax> events, ImmutableArray<AttributeSymbol> participantAttributes)
    {
        var result = new Dictionary<string, EventTypeSymbol>(StringComparer.Ordinal);
        foreach (var eventType in events)
        {
            var name = eventType.Name.Text;
            if (EventTypeSymbol.IsBuiltInName(name))
            {
                diagnostics.Report(DiagnosticDescriptors.BuiltInEventDeclared, eventType.Name.Span, name);
                continue;
            }

            // A name refused by CheckName is still declared, so the rules that name it do not report it again.
            if (CheckName(eventType.Name, "event type") && !NamePattern().IsMatch(name))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidName, eventType.Name.Span, name, "event type");
                continue;
            }

            if (result.ContainsKey(name))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, eventType.Name.Span, "The event type", name);
                continue;
            }

            var unresolved = new HashSet<string>(StringComparer.Ordinal);
            var attributes = BindAttributes(eventType.Attributes, "event attribute", ["type", "actor", "referrer", "id", "at"], isParticipant: false, unresolved);
            result.Add(name, new EventTypeSymbol(name, attributes) { Unresolved = unresolved });
        }

        result[EventTypeSymbol.PointsRedeemed] = new EventTypeSymbol(
            EventTypeSymbol.PointsRedeemed,
            [new AttributeSymbol("points", ValueType.Int, 0, null)]);

        // Spec v1.1 §2: 'target' is required; 'reason' is only for the host's records.
        result[EventTypeSymbol.EventReversed] = new EventTypeSymbol(
            EventTypeSymbol.EventReversed,
            [new AttributeSymbol("target", ValueType.String, 0, null), new AttributeSymbol("reason", ValueType.String, 1, "")]);

        // Spec v1.1 §5: 'attributes' (optional) names declared participant attributes only.
        result[EventTypeSymbol.ParticipantUpdated] = new EventTypeSymbol(
            EventTypeSymbol.ParticipantUpdated,
            [new AttributeSymbol("attributes", ValueType.Assignments, 0, Runtime.AttributeAssignments.Empty) { Members = participantAttributes.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal) }]);
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private ImmutableArray<string> BindCounters(ImmutableArray<SyntaxToken> counters)
    {
        var result = new List<string>();
        foreach (var counter in counters)
        {
            if (CheckName(counter, "counter") && !IdentifierPattern().IsMatch(counter.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidName, counter.Span, counter.Text, "counter");
            }
            else if (ParticipantSchema.BuiltIns.Contains(counter.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.ReservedName, counter.Span, counter.Text, "a counter");
            }
            else if (result.Contains(counter.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, counter.Span, "The counter", counter.Text);
            }
            else
            {
                result.Add(counter.Text);
            }
        }

        return [.. result];
    }

    /// <summary>
    /// Spec v1.1 §11: named lists of strings. An element is the text it is written with, as a list attribute's default
    /// is, so an unquoted 1 or true is the string "1" or "true".
    /// </summary>
    private Dictionary<string, string[]> BindLists(ImmutableArray<NamedListSyntax> lists)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            var name = list.Name.Text;
            if (!CheckName(list.Name, "list"))
            {
                continue;
            }

            if (!IdentifierPattern().IsMatch(name))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidName, list.Name.Span, name, "list");
            }
            else if (!result.TryAdd(name, [.. list.Items.Select(i => i.Text)]))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, list.Name.Span, "The list", name);
            }
        }

        return result;
    }

    /// <summary>
    /// Binds declared attributes. The names of those declared with a type or default that is wrong go to
    /// <paramref name="unresolved"/>, so that expressions reading them get no second error (the declaration has one).
    /// </summary>
    private ImmutableArray<AttributeSymbol> BindAttributes(ImmutableArray<AttributeSyntax> attributes, string kind, string[] reserved, bool isParticipant, HashSet<string> unresolved)
    {
        var result = new List<AttributeSymbol>();
        foreach (var attribute in attributes)
        {
            var name = attribute.Name.Text;
            if (CheckName(attribute.Name, kind) && !IdentifierPattern().IsMatch(name))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidName, attribute.Name.Span, name, kind);
                continue;
            }

            if (reserved.Contains(name))
            {
                diagnostics.Report(DiagnosticDescriptors.ReservedName, attribute.Name.Span, name, Articles.A(kind));
                continue;
            }

            if (result.Any(a => a.Name == name))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, attribute.Name.Span, "The attribute", name);
                continue;
            }

            if (attribute.Type is null)
            {
                diagnostics.Report(DiagnosticDescriptors.MissingKey, attribute.Name.Span, "type");
                unresolved.Add(name);
                continue;
            }

            if (!ValueTypeExtensions.TryParse(attribute.Type.Text, out var type))
            {
                diagnostics.Report(DiagnosticDescriptors.UnknownType, attribute.Type.Span, attribute.Type.Text, ValueTypeExtensions.SuggestFor(attribute.Type.Text, diagnostics));
                unresolved.Add(name);
                continue;
            }

            object? defaultValue = null;
            if (attribute.DefaultValue is { } value)
            {
                defaultValue = ParseConstant(value, type);
                if (defaultValue is null)
                {
                    unresolved.Add(name);
                    continue;
                }
            }
            else if (isParticipant)
            {
                // Participants are created on first sight, so every participant attribute needs a value: the type's zero.
                defaultValue = ZeroOf(type);
            }

            result.Add(new AttributeSymbol(name, type, result.Count, defaultValue) { IsIdentity = BindIdentity(attribute, type, isParticipant) });
        }

        return [.. result];
    }

    /// <summary>Spec v1.1 §8: 'identity: true' on a string event attribute; anything else is reported where it is written.</summary>
    private bool BindIdentity(AttributeSyntax attribute, ValueType type, bool isParticipant)
    {
        if (attribute.Identity is not { } flag)
        {
            return false;
        }

        // The DSL's word 'identity' reads as "true".
        var text = flag.Text;
        if (text is not ("true" or "false"))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidIdentityFlag, flag.Span, text);
            return false;
        }

        if (text == "false")
        {
            return false;
        }

        if (isParticipant)
        {
            diagnostics.Report(DiagnosticDescriptors.IdentityOnParticipant, flag.Span, attribute.Name.Text);
            return false;
        }

        if (type != ValueType.String)
        {
            diagnostics.Report(DiagnosticDescriptors.IdentityNotString, flag.Span, attribute.Name.Text, (type == ValueType.Int ? "an " : "a ") + type.DisplayName());
            return false;
        }

        return true;
    }

    internal static object ZeroOf(ValueType type) => type switch
    {
        ValueType.Int => 0L,
        ValueType.Decimal => 0m,
        ValueType.Bool => false,
        ValueType.List => Array.Empty<string>(),
        ValueType.Timestamp => DateTime.UnixEpoch,
        _ => "",
    };

    /// <summary>Parses a declared constant of the given type; reports and returns null when it does not fit.</summary>
    private object? ParseConstant(ValueSyntax value, ValueType type)
    {
        if (type == ValueType.List)
        {
            if (value.List is { } items)
            {
                return items.Select(i => i.Text).ToArray();
            }

            if (value.Scalar is { Text: "[]" or "" })
            {
                return Array.Empty<string>();
            }

            diagnostics.Report(DiagnosticDescriptors.InvalidDefault, value.Span, value.Scalar?.Text ?? "", "list");
            return null;
        }

        var text = value.Scalar?.Text;
        object? parsed = text is null ? null : type switch
        {
            ValueType.Int => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
            ValueType.Decimal => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null,
            ValueType.Bool => text switch { "true" => true, "false" => false, _ => null },
            ValueType.Timestamp => Runtime.TimestampText.TryParse(text, out var instant) ? instant : null,
            _ => text,
        };
        if (parsed is null)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidDefault, value.Span, text ?? "[…]", type.DisplayName());
        }

        return parsed;
    }

    private ImmutableArray<string> BindTierNames(ImmutableArray<TierSyntax> tiers)
    {
        var names = new List<string>();
        foreach (var tier in tiers)
        {
            if (CheckName(tier.Name, "tier") && !NamePattern().IsMatch(tier.Name.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidName, tier.Name.Span, tier.Name.Text, "tier");
            }
            else if (names.Contains(tier.Name.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, tier.Name.Span, "The tier", tier.Name.Text);
            }

            names.Add(tier.Name.Text);
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private ImmutableArray<TierSymbol> BindTiers(ImmutableArray<TierSyntax> tiers, ParticipantSchema schema)
    {
        var result = new List<TierSymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tiers.Length; i++)
        {
            var tier = tiers[i];
            if (!seen.Add(tier.Name.Text))
            {
                continue;
            }

            BoundExpression? when = null;
            if (result.Count == 0 && tier.When is not null)
            {
                diagnostics.Report(DiagnosticDescriptors.FirstTierCondition, tier.When.Span);
            }
            else if (result.Count > 0 && tier.When is null)
            {
                diagnostics.Report(DiagnosticDescriptors.TierWithoutCondition, tier.Name.Span);
            }
            else if (tier.When is not null)
            {
                when = expressions.BindAs(tier.When, new BindingScope(schema, null, isTierCondition: true), ValueType.Bool, "A tier's 'when'");
            }

            foreach (var privilege in tier.Privileges)
            {
                CheckName(privilege, "privilege");
            }

            result.Add(new TierSymbol(tier.Name.Text, result.Count, when, [.. tier.Privileges.Select(p => p.Text)]));
        }

        return [.. result];
    }

    /// <summary>The 'ids' option; null when absent or when it changes nothing, so the engine does no work per event.</summary>
    private IdsSymbol? BindIds(IdsSyntax? ids)
    {
        if (ids is null)
        {
            return null;
        }

        System.Text.NormalizationForm? form = null;
        switch (ids.Normalize?.Text)
        {
            case null or "none": break;
            case "nfc": form = System.Text.NormalizationForm.FormC; break;
            case "nfkc": form = System.Text.NormalizationForm.FormKC; break;
            default: diagnostics.Report(DiagnosticDescriptors.UnknownIdNormalization, ids.Normalize.Span, ids.Normalize.Text); break;
        }

        var ignoreCase = false;
        switch (ids.Case?.Text)
        {
            case null or "sensitive": break;
            case "insensitive": ignoreCase = true; break;
            default: diagnostics.Report(DiagnosticDescriptors.UnknownIdCase, ids.Case.Span, ids.Case.Text); break;
        }

        var strip = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in ids.Strip)
        {
            if (token.Text != "zero-width")
            {
                diagnostics.Report(DiagnosticDescriptors.UnknownIdStrip, token.Span, token.Text);
            }
            else if (!strip.Add(token.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.RepeatedIdStrip, token.Span, token.Text);
            }
        }

        var symbol = new IdsSymbol(form, ignoreCase, strip.Contains("zero-width"));
        return symbol.IsIdentity ? null : symbol;
    }

    private BudgetSymbol? BindBudget(BudgetSyntax? budget)
    {
        if (budget is null)
        {
            return null;
        }

        long? points = null;
        decimal? credit = null;
        if (budget.Points is { } p)
        {
            if (long.TryParse(p.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                points = value;
            }
            else
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidValue, p.Span, p.Text, "budget.points", "a whole number of points, 0 or more");
            }
        }

        if (budget.Credit is { } c)
        {
            if (decimal.TryParse(c.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                credit = value;
            }
            else
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidValue, c.Span, c.Text, "budget.credit", "an amount of credit, 0 or more");
            }
        }

        return new BudgetSymbol(points, credit);
    }

    private ImmutableArray<DisclosureSymbol> BindDisclosures(ImmutableArray<DisclosureSyntax> disclosures, FrozenDictionary<string, EventTypeSymbol> eventTypes, ParticipantSchema schema)
    {
        var result = new List<DisclosureSymbol>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var disclosure in disclosures)
        {
            if (CheckName(disclosure.Name, "disclosure") && !names.Add(disclosure.Name.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, disclosure.Name.Span, "The disclosure", disclosure.Name.Text);
            }

            var action = DisclosureAction.Withhold;
            if (disclosure.Action is { } actionToken)
            {
                switch (actionToken.Text)
                {
                    case "withhold": action = DisclosureAction.Withhold; break;
                    case "flag": action = DisclosureAction.Flag; break;
                    default:
                        diagnostics.Report(DiagnosticDescriptors.InvalidValue, actionToken.Span, actionToken.Text, "action", "'withhold' or 'flag'");
                        break;
                }
            }

            if (disclosure.On.IsEmpty)
            {
                diagnostics.Report(DiagnosticDescriptors.MissingKey, disclosure.Name.Span, "on");
            }

            if (disclosure.Require is null)
            {
                diagnostics.Report(DiagnosticDescriptors.MissingKey, disclosure.Name.Span, "require");
            }

            var checks = new Dictionary<string, DisclosureChecks>(StringComparer.Ordinal);
            foreach (var on in disclosure.On)
            {
                if (!eventTypes.TryGetValue(on.Text, out var eventType))
                {
                    diagnostics.Report(DiagnosticDescriptors.UndeclaredEventType, on.Span, on.Text, NameSuggestions.DidYouMean(diagnostics, on.Text, eventTypes.Keys));
                    continue;
                }

                if (eventType.IsParticipantUpdate)
                {
                    diagnostics.Report(DiagnosticDescriptors.OnParticipantUpdated, on.Span, "disclosure");
                    continue;
                }

                if (checks.ContainsKey(on.Text) || disclosure.Require is null)
                {
                    continue;
                }

                // Bound once per event type; the same mistake would otherwise be reported once per type.
                var before = diagnostics.Count;
                var scope = new BindingScope(schema, eventType, isTierCondition: false);
                var applies = disclosure.Applies is null ? null : expressions.BindAs(disclosure.Applies, scope, ValueType.Bool, "A disclosure's 'applies'");
                var require = expressions.BindAs(disclosure.Require, scope, ValueType.Bool, "A disclosure's 'require'");
                checks[on.Text] = new DisclosureChecks(applies, require);
                diagnostics.RemoveDuplicatesSince(before);
            }

            result.Add(new DisclosureSymbol(disclosure.Name.Text, result.Count, checks.ToFrozenDictionary(StringComparer.Ordinal), action, disclosure.Message?.Text));
        }

        return [.. result];
    }

    private ImmutableArray<RuleSymbol> BindRules(ImmutableArray<RuleSyntax> rules, FrozenDictionary<string, EventTypeSymbol> eventTypes, ParticipantSchema schema)
    {
        var result = new List<RuleSymbol>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (CheckName(rule.Name, "rule") && !names.Add(rule.Name.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateRuleName, rule.Name.Span, rule.Name.Text);
            }

            var bound = BindRule(rule, i, eventTypes, schema);
            if (bound is not null)
            {
                result.Add(bound);
            }
        }

        return [.. result];
    }

    private RuleSymbol? BindRule(RuleSyntax rule, int fileOrder, FrozenDictionary<string, EventTypeSymbol> eventTypes, ParticipantSchema schema)
    {
        if (rule.Language is { } language)
        {
            if (language.Text != "csharp")
            {
                diagnostics.Report(DiagnosticDescriptors.UnknownLanguage, language.Span, language.Text);
                return null;
            }

            if (!options.AllowCSharp)
            {
                diagnostics.Report(DiagnosticDescriptors.CSharpNotEnabled, language.Span);
                return null;
            }

            if (options.CSharpCompiler is null)
            {
                diagnostics.Report(DiagnosticDescriptors.CSharpCompilerMissing, language.Span);
                return null;
            }
        }

        if (rule.On is null)
        {
            diagnostics.Report(DiagnosticDescriptors.NoRuleEvent, rule.Name.Span, rule.Name.Text);
            return null;
        }

        if (!eventTypes.TryGetValue(rule.On.Text, out var eventType))
        {
            diagnostics.Report(DiagnosticDescriptors.UndeclaredEventType, rule.On.Span, rule.On.Text, NameSuggestions.DidYouMean(diagnostics, rule.On.Text, eventTypes.Keys));
            return null;
        }

        if (eventType.IsReversal)
        {
            diagnostics.Report(DiagnosticDescriptors.RuleOnReversal, rule.On.Span);
            return null;
        }

        if (eventType.IsParticipantUpdate)
        {
            diagnostics.Report(DiagnosticDescriptors.OnParticipantUpdated, rule.On.Span, "rule");
            return null;
        }

        var scope = new BindingScope(schema, eventType, isTierCondition: false);
        var when = rule.When is null ? null : BindAs(rule.When, scope, ValueType.Bool, "A rule's 'when'");
        var priority = 0;
        if (rule.Priority is { } p && !int.TryParse(p.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out priority))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidValue, p.Span, p.Text, "priority", "a whole number (higher runs first)");
        }

        var stop = false;
        if (rule.Stop is { } s)
        {
            switch (s.Text)
            {
                case "true": stop = true; break;
                case "false": break;
                default: diagnostics.Report(DiagnosticDescriptors.InvalidValue, s.Span, s.Text, "stop", "true or false"); break;
            }
        }

        var limit = rule.Limit is null ? null : BindLimit(rule.Limit);
        if (rule.Rewards.IsEmpty)
        {
            diagnostics.Report(DiagnosticDescriptors.MissingKey, rule.Name.Span, "rewards");
        }

        var rewards = rule.Rewards.Select(r => BindReward(r, scope, schema, rule.Language?.Text == "csharp")).ToImmutableArray();
        var needsReferrer = scope.ReadsReferrer || rewards.Any(r => r.To == Recipient.Referrer) || limit?.Of == Recipient.Referrer;
        return new RuleSymbol(rule.Name.Text, fileOrder, eventType.Name, when, priority, stop, limit, rewards, needsReferrer);
    }

    /// <summary>Spec v1.1 §7: the campaign's named caps, each a limit bound as a rule's is.</summary>
    private Dictionary<string, LimitSymbol?> BindCaps(ImmutableArray<CapSyntax> syntax)
    {
        var bound = new Dictionary<string, LimitSymbol?>(StringComparer.Ordinal);
        foreach (var cap in syntax)
        {
            var name = cap.Name.Text;
            if (!CheckName(cap.Name, "cap") || !CapNamePattern().IsMatch(name))
            {
                if (CheckName(cap.Name, "cap"))
                {
                    diagnostics.Report(DiagnosticDescriptors.InvalidCapName, cap.Name.Span, name);
                }

                continue;
            }

            if (bound.ContainsKey(name))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateCap, cap.Name.Span, name);
                continue;
            }

            bound[name] = BindLimit(cap.Limit) is { } limit ? limit with { Cap = name } : null;
        }

        return bound;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*\\z")]
    private static partial Regex CapNamePattern();

    private LimitSymbol? BindLimit(LimitSyntax limit)
    {
        if (limit.Cap is { } capName)
        {
            // Spec v1.1 §7: 'limit: NAME' shares the cap; an unknown name suggests the nearest declared one.
            if (caps.TryGetValue(capName.Text, out var cap))
            {
                return cap;
            }

            if (capName.Text.Length > 0 && !char.IsLetter(capName.Text[0]))
            {
                // 'limit: 3' is a count without its window, not a cap's name (cap names start with a letter).
                diagnostics.Report(DiagnosticDescriptors.InvalidValue, capName.Span, capName.Text, "limit", "a cap's name, or a mapping such as { count: 3, per: month }");
                return null;
            }

            diagnostics.Report(DiagnosticDescriptors.UnknownCap, capName.Span, capName.Text, NameSuggestions.DidYouMean(diagnostics, capName.Text, caps.Keys));
            return null;
        }

        long count = 0;
        var ok = true;
        if (limit.Count is null)
        {
            diagnostics.Report(DiagnosticDescriptors.MissingKey, limit.Span, "count");
            ok = false;
        }
        else if (!long.TryParse(limit.Count.Text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidValue, limit.Count.Span, limit.Count.Text, "limit.count", "a whole number, 1 or more");
            ok = false;
        }

        var per = LimitWindow.Campaign;
        TimeSpan? rolling = null;
        if (limit.Per is { } perToken)
        {
            switch (perToken.Text)
            {
                case "day": per = LimitWindow.Day; break;
                case "week": per = LimitWindow.Week; break;
                case "month": per = LimitWindow.Month; break;
                case "year": per = LimitWindow.Year; break;
                case "campaign": per = LimitWindow.Campaign; break;
                case var text when text.Length > 1 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+'):
                    // Spec v1.1 §7: a duration is a rolling window (at - d, at].
                    rolling = Duration.Bind(perToken, diagnostics);
                    per = LimitWindow.Rolling;
                    ok &= rolling is not null;
                    if (ok && count > options.MaxRollingLimitCount)
                    {
                        diagnostics.Report(DiagnosticDescriptors.RollingCountTooLarge, limit.Count!.Span, count, options.MaxRollingLimitCount);
                        ok = false;
                    }

                    break;
                default:
                    diagnostics.Report(DiagnosticDescriptors.InvalidValue, perToken.Span, perToken.Text, "limit.per", "day, week, month, year, campaign, or a duration such as 24h or 7d");
                    ok = false;
                    break;
            }
        }

        var of = Recipient.Actor;
        if (limit.Of is { } ofToken)
        {
            if (!TryParseRecipient(ofToken, "limit.of", out of))
            {
                ok = false;
            }
        }

        return ok ? new LimitSymbol(count, per, of) { Rolling = rolling } : null;
    }

    private bool TryParseRecipient(SyntaxToken token, string key, out Recipient recipient)
    {
        switch (token.Text)
        {
            case "actor": recipient = Recipient.Actor; return true;
            case "referrer": recipient = Recipient.Referrer; return true;
            default:
                recipient = Recipient.Actor;
                diagnostics.Report(DiagnosticDescriptors.InvalidValue, token.Span, token.Text, key, "'actor' or 'referrer'");
                return false;
        }
    }

    /// <summary>
    /// An amount that is a negative literal, or an 'if' with one as a branch, can only ever skip its rule with reason
    /// 'error' (spec §4.6), so it is an error at check instead (issue 12).
    /// </summary>
    private void ReportNegativeLiterals(BoundExpression? amount, string what)
    {
        switch (amount)
        {
            case BoundLiteral { Value: long l } when l < 0:
            case BoundLiteral { Value: decimal d } when d < 0m:
                diagnostics.Report(DiagnosticDescriptors.NegativeValue, amount.Span, what);
                break;
            case BoundConversion conversion:
                ReportNegativeLiterals(conversion.Operand, what);
                break;
            case BoundIf conditional:
                ReportNegativeLiterals(conditional.WhenTrue, what);
                ReportNegativeLiterals(conditional.WhenFalse, what);
                break;
        }
    }

    private RewardSymbol BindReward(RewardSyntax reward, BindingScope scope, ParticipantSchema schema, bool csharpRule)
    {
        var to = Recipient.Actor;
        if (reward.To is { } toToken)
        {
            TryParseRecipient(toToken, "to", out to);
        }

        var points = reward.Points is null ? null : BindAs(reward.Points, scope, ValueType.Int, "'points'");
        var credit = reward.Credit is null ? null : BindAs(reward.Credit, scope, ValueType.Decimal, "'credit'");
        var by = reward.By is null ? null : BindAs(reward.By, scope, ValueType.Int, "'by'");
        ReportNegativeLiterals(points, "The points amount");
        ReportNegativeLiterals(credit, "The credit amount");
        ReportNegativeLiterals(by, "The counter step 'by'");
        var counterIndex = -1;
        if (reward.Counter is { } counter && !schema.CounterIndex.TryGetValue(counter.Text, out counterIndex))
        {
            diagnostics.Report(DiagnosticDescriptors.UnknownCounter, counter.Span, counter.Text, NameSuggestions.DidYouMean(diagnostics, counter.Text, schema.Counters));
        }

        if (reward.By is not null && reward.Counter is null)
        {
            diagnostics.Report(DiagnosticDescriptors.ByWithoutCounter, reward.By.Span);
        }

        foreach (var (name, kind) in new[] { (reward.Badge, "badge"), (reward.Alert, "alert") })
        {
            if (name is not null)
            {
                CheckName(name, kind);
            }
        }

        // An alert written { severity, data } without its name is reported as that missing name, not also as no effect.
        var alertWithoutName = reward.Alert is null && (reward.AlertSeverity is not null || !reward.AlertData.IsEmpty);
        if (reward.Points is null && reward.Credit is null && reward.Badge is null && reward.Counter is null && reward.Alert is null && !alertWithoutName)
        {
            diagnostics.Report(DiagnosticDescriptors.RewardWithoutEffect, reward.Span);
        }

        // Spec v1.1 §3: only points and credit are ever pending.
        TimeSpan? pending = null;
        if (reward.Pending is { } pendingToken)
        {
            pending = Duration.Bind(pendingToken, diagnostics);
            if (reward.Points is null && reward.Credit is null)
            {
                diagnostics.Report(DiagnosticDescriptors.PendingWithoutAmount, pendingToken.Span);
            }
        }


        var severity = AlertSeverity.Medium;
        if (reward.AlertSeverity is { } level && !AlertSeverityExtensions.TryParse(level.Text, out severity))
        {
            diagnostics.Report(DiagnosticDescriptors.UnknownAlertSeverity, level.Span, level.Text);
        }

        return new RewardSymbol(to, points, credit, reward.Badge?.Text, counterIndex, reward.Counter?.Text, by, reward.Alert?.Text, severity, BindAlertData(reward, scope, csharpRule)) { Pending = pending };
    }

    /// <summary>Spec v1.1 §6: each data value is an expression of any type, in the campaign language.</summary>
    private ImmutableArray<AlertDataSymbol> BindAlertData(RewardSyntax reward, BindingScope scope, bool csharpRule)
    {
        var data = ImmutableArray.CreateBuilder<AlertDataSymbol>(reward.AlertData.Length);
        foreach (var entry in reward.AlertData)
        {
            if (csharpRule)
            {
                diagnostics.Report(DiagnosticDescriptors.AlertDataNotAllowed, entry.Key.Span);
                continue;
            }

            if (!IsDataKey(entry.Key.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidAlertDataKey, entry.Key.Span, entry.Key.Text);
            }

            // A tier is written by its name, as everywhere else in outcomes.
            var value = expressions.Bind(entry.Value, scope);
            data.Add(new AlertDataSymbol(entry.Key.Text, value.Type == ValueType.Tier ? new BoundConversion(ValueType.String, value.Span, Conversion.TierToName, value) : value));
        }

        return data.ToImmutable();
    }

    private static bool IsDataKey(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Binds a campaign-language expression, or picks up the delegate compiled for a C# one.</summary>
    private BoundExpression BindAs(ExpressionSyntax syntax, BindingScope scope, ValueType type, string what)
    {
        if (syntax is not CSharpExpressionSyntax code)
        {
            return expressions.BindAs(syntax, scope, type, what);
        }

        if (!csharp.TryGetValue(code, out var compiled) || compiled is null)
        {
            // The C# compiler reported why; an error node keeps binding going without cascading errors.
            return new BoundLiteral(ValueType.Error, code.Span, false);
        }

        scope.ReadsReferrer |= compiled.ReadsReferrer;
        return new BoundCSharpExpression(type, code.Span, compiled.Evaluate);
    }

    /// <summary>
    /// Hands every C# expression of the campaign to the plugged-in compiler in one batch (one Roslyn compilation per
    /// campaign) before rules are bound. Nothing happens unless the host opted in; <see cref="BindRule"/> reports that.
    /// </summary>
    private Dictionary<CSharpExpressionSyntax, CSharpCompiledExpression?> CompileCSharpRules(
        ImmutableArray<RuleSyntax> rules, FrozenDictionary<string, EventTypeSymbol> eventTypes, ParticipantSchema schema)
    {
        if (!options.AllowCSharp || options.CSharpCompiler is not { } compiler)
        {
            return [];
        }

        var requests = new List<CSharpExpressionRequest>();
        foreach (var rule in rules)
        {
            if (rule.Language?.Text != "csharp" || rule.On is null || !eventTypes.TryGetValue(rule.On.Text, out var eventType) || eventType.IsReversal || eventType.IsParticipantUpdate)
            {
                continue;
            }

            void Add(ExpressionSyntax? e, ValueType type, string what)
            {
                if (e is CSharpExpressionSyntax code)
                {
                    requests.Add(new CSharpExpressionRequest(code, eventType, type, what));
                }
            }

            Add(rule.When, ValueType.Bool, "when");
            foreach (var reward in rule.Rewards)
            {
                Add(reward.Points, ValueType.Int, "points");
                Add(reward.Credit, ValueType.Decimal, "credit");
                Add(reward.By, ValueType.Int, "by");
            }
        }

        if (requests.Count == 0)
        {
            return [];
        }

        var results = compiler.Compile(new CSharpCompilationRequest(schema, [.. requests], options.MaxNestingDepth, options.MaxStringGrowth), diagnostics);
        var map = new Dictionary<CSharpExpressionSyntax, CSharpCompiledExpression?>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < requests.Count; i++)
        {
            map[requests[i].Syntax] = i < results.Length ? results[i] : null;
        }

        return map;
    }
}
