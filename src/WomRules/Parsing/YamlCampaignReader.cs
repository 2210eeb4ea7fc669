using System.Collections.Immutable;
using WomRules.Diagnostics;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Parsing;

/// <summary>Reads a YAML campaign file (spec §2) into the syntax tree shared with the DSL. Unknown keys are errors at the key.</summary>
internal sealed class YamlCampaignReader
{
    // Allowed keys come from the shared shape table, which also generates the JSON Schema.
    private static readonly string[] TopLevelKeys = CampaignShape.Campaign.KeyNames;
    private static readonly string[] ActiveKeys = CampaignShape.Active.KeyNames;
    private static readonly string[] AttributeKeys = CampaignShape.Attribute.KeyNames;
    private static readonly string[] IdsKeys = CampaignShape.Ids.KeyNames;
    private static readonly string[] TierKeys = CampaignShape.Tier.KeyNames;
    private static readonly string[] BudgetKeys = CampaignShape.Budget.KeyNames;
    private static readonly string[] TiersPolicyKeys = CampaignShape.TiersPolicy.KeyNames;
    private static readonly string[] ExpiryKeys = [.. CampaignShape.Expiry.KeyNames, "credit"];
    private static readonly string[] MarkersKeys = CampaignShape.Markers.KeyNames;
    private static readonly string[] DisclosureKeys = CampaignShape.Disclosure.KeyNames;
    private static readonly string[] RuleKeys = CampaignShape.Rule.KeyNames;
    private static readonly string[] LimitKeys = CampaignShape.Limit.KeyNames;
    private static readonly string[] RewardKeys = CampaignShape.Reward.KeyNames;
    private static readonly string[] AlertKeys = CampaignShape.Alert.KeyNames;

    private readonly SourceText source;
    private readonly ReaderLimits limits;
    private readonly DiagnosticBag diagnostics;

    private YamlCampaignReader(SourceText source, ReaderLimits limits, DiagnosticBag diagnostics)
    {
        this.source = source;
        this.limits = limits;
        this.diagnostics = diagnostics;
    }

    public static CampaignSyntax? Read(SourceText source, ReaderLimits limits, DiagnosticBag diagnostics)
    {
        var root = YamlTreeReader.Read(source, limits, diagnostics);
        return root is null ? null : new YamlCampaignReader(source, limits, diagnostics).ReadCampaign(root);
    }

    private CampaignSyntax? ReadCampaign(YamlNode root)
    {
        var map = Mapping(root, "The campaign file", TopLevelKeys);
        if (map is null)
        {
            return null;
        }

        var version = Token(map, "womrules");
        if (version is null)
        {
            diagnostics.Report(DiagnosticDescriptors.MissingKey, new TextSpan(root.Span.Start, 0), "womrules");
        }
        else if (version.Text != "1")
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedVersion, version.Span, version.Text);
        }

        var id = Token(map, "campaign");
        if (id is null && !map.ContainsKey("campaign"))
        {
            diagnostics.Report(DiagnosticDescriptors.MissingKey, new TextSpan(root.Span.Start, 0), "campaign");
        }

        return new CampaignSyntax(
            version,
            id,
            Token(map, "description"),
            map.TryGetValue("active", out var active) ? ReadActive(active.Value) : null,
            map.TryGetValue("events", out var events) ? ReadEvents(events.Value) : [],
            map.TryGetValue("participant", out var participant) ? ReadAttributes(participant.Value, "participant") : [],
            map.TryGetValue("counters", out var counters) ? TokenList(counters.Value, "counters") : [],
            map.TryGetValue("tiers", out var tiers) ? Items(tiers.Value, "tiers").Select(ReadTier).OfType<TierSyntax>().ToImmutableArray() : [],
            map.TryGetValue("budget", out var budget) ? ReadBudget(budget.Value) : null,
            map.TryGetValue("disclosures", out var disclosures) ? Items(disclosures.Value, "disclosures").Select(ReadDisclosure).OfType<DisclosureSyntax>().ToImmutableArray() : [],
            map.TryGetValue("rules", out var rules) ? Items(rules.Value, "rules").Select(ReadRule).OfType<RuleSyntax>().ToImmutableArray() : [],
            map.TryGetValue("ids", out var ids) ? ReadIds(ids.Value) : null,
            Token(map, "reversible_for"),
            map.TryGetValue("tiers_policy", out var tiersPolicy) ? ReadTiersPolicy(tiersPolicy.Value) : null,
            map.TryGetValue("expiry", out var expiry) ? ReadExpiry(expiry.Value) : null,
            map.TryGetValue("markers", out var markers) ? ReadMarkers(markers.Value) : null,
            map.TryGetValue("lists", out var lists) ? ReadLists(lists.Value) : [],
            map.TryGetValue("caps", out var caps) ? ReadCaps(caps.Value) : [],
            Token(map, "accept_late"));
    }

    /// <summary>'lists' (spec v1.1 §11): name → sequence of scalars, each taken as the text it is written with.</summary>
    private ImmutableArray<NamedListSyntax> ReadLists(YamlNode node)
    {
        var map = Mapping(node, "lists", null);
        if (map is null)
        {
            return [];
        }

        return [.. map.Values.Select(entry => new NamedListSyntax(ToToken(entry.Key), TokenList(entry.Value, "lists." + entry.Key.Value), TextSpan.FromBounds(entry.Key.Span.Start, entry.Value.Span.End)))];
    }

    private TiersPolicySyntax? ReadTiersPolicy(YamlNode node)
    {
        var map = Mapping(node, "tiers_policy", TiersPolicyKeys);
        return map is null ? null : new TiersPolicySyntax(Token(map, "downgrade"), Token(map, "keep"), node.Span);
    }

    /// <summary>'expiry'; 'credit' is read too, so that the binder can say where it is that credit never expires.</summary>
    private ExpirySyntax? ReadExpiry(YamlNode node)
    {
        var map = Mapping(node, "expiry", ExpiryKeys);
        return map is null ? null : new ExpirySyntax(Token(map, "points"), Token(map, "credit"), node.Span);
    }

    /// <summary>'markers' (spec v1.1 §9): a mapping of 'add' and 'remove' lists.</summary>
    private MarkersSyntax? ReadMarkers(YamlNode node)
    {
        if (node is YamlSequence)
        {
            // Add to the defaults, or replace them? Spec v1.1 §9 has only add/remove; a replacing list belongs in the call.
            diagnostics.Report(DiagnosticDescriptors.MarkersAsList, node.Span);
            return null;
        }

        var map = Mapping(node, "markers", MarkersKeys);
        return map is null
            ? null
            : new MarkersSyntax(
                map.TryGetValue("add", out var add) ? TokenList(add.Value, "markers.add") : [],
                map.TryGetValue("remove", out var remove) ? TokenList(remove.Value, "markers.remove") : [],
                node.Span);
    }

    private ActiveWindowSyntax? ReadActive(YamlNode node)
    {
        var map = Mapping(node, "active", ActiveKeys);
        return map is null ? null : new ActiveWindowSyntax(Token(map, "from"), Token(map, "until"), node.Span);
    }

    private IdsSyntax? ReadIds(YamlNode node)
    {
        var map = Mapping(node, "ids", IdsKeys);
        return map is null
            ? null
            : new IdsSyntax(Token(map, "normalize"), Token(map, "case"), map.TryGetValue("strip", out var strip) ? TokenList(strip.Value, "ids.strip") : [], node.Span);
    }

    private ImmutableArray<EventTypeSyntax> ReadEvents(YamlNode node)
    {
        var map = Mapping(node, "events", null);
        if (map is null)
        {
            return [];
        }

        return [.. map.Values.Select(entry => new EventTypeSyntax(ToToken(entry.Key), ReadAttributes(entry.Value, "events." + entry.Key.Value)))];
    }

    private ImmutableArray<AttributeSyntax> ReadAttributes(YamlNode node, string what)
    {
        if (node is YamlScalar { IsPlainEmpty: true })
        {
            return [];
        }

        var map = Mapping(node, what, null);
        if (map is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<AttributeSyntax>();
        foreach (var (key, value) in map.Values)
        {
            var name = ToToken(key);
            if (value is YamlScalar type)
            {
                result.Add(new AttributeSyntax(name, ToToken(type), null));
                continue;
            }

            var declaration = Mapping(value, $"{what}.{key.Value}", AttributeKeys);
            if (declaration is null)
            {
                continue;
            }

            ValueSyntax? defaultValue = declaration.TryGetValue("default", out var d) ? ReadValue(d.Value) : null;
            result.Add(new AttributeSyntax(name, Token(declaration, "type"), defaultValue, Token(declaration, "identity")));
        }

        return result.ToImmutable();
    }

    private ValueSyntax? ReadValue(YamlNode node) => node switch
    {
        YamlScalar scalar => new ValueSyntax(ToToken(scalar), null, scalar.Span),
        YamlSequence sequence => new ValueSyntax(null, TokenList(sequence, "default"), sequence.Span),
        _ => Fail<ValueSyntax>(DiagnosticDescriptors.ExpectedScalar, node.Span, "default"),
    };

    private TierSyntax? ReadTier(YamlNode node)
    {
        var map = Mapping(node, "A tier", TierKeys);
        var name = map is null ? null : Token(map, "name");
        if (map is null || name is null)
        {
            ReportMissingName(map, node);
            return null;
        }

        return new TierSyntax(name, Expression(map, "when"), map.TryGetValue("privileges", out var p) ? TokenList(p.Value, "privileges") : []);
    }

    private BudgetSyntax? ReadBudget(YamlNode node)
    {
        var map = Mapping(node, "budget", BudgetKeys);
        return map is null ? null : new BudgetSyntax(Token(map, "points"), Token(map, "credit"), node.Span);
    }

    private DisclosureSyntax? ReadDisclosure(YamlNode node)
    {
        var map = Mapping(node, "A disclosure", DisclosureKeys);
        var name = map is null ? null : Token(map, "name");
        if (map is null || name is null)
        {
            ReportMissingName(map, node);
            return null;
        }

        ImmutableArray<SyntaxToken> on = [];
        if (map.TryGetValue("on", out var onEntry))
        {
            on = onEntry.Value is YamlScalar single ? [ToToken(single)] : TokenList(onEntry.Value, "on");
        }

        return new DisclosureSyntax(name, on, Expression(map, "applies"), Expression(map, "require"), Token(map, "action"), Token(map, "message"));
    }

    private RuleSyntax? ReadRule(YamlNode node)
    {
        var map = Mapping(node, "A rule", RuleKeys);
        var name = map is null ? null : Token(map, "name");
        if (map is null || name is null)
        {
            ReportMissingName(map, node);
            return null;
        }

        var language = Token(map, "lang");
        var csharp = language?.Text == "csharp";
        LimitSyntax? limit = null;
        if (map.TryGetValue("limit", out var limitEntry))
        {
            // Spec v1.1 §7: 'limit: NAME' shares a cap declared under 'caps'.
            limit = limitEntry.Value is YamlScalar capName && !capName.IsPlainEmpty
                ? new LimitSyntax(null, null, null, limitEntry.Value.Span, ToToken(capName))
                : ReadLimit(limitEntry.Value, "limit");
        }

        var rewards = map.TryGetValue("rewards", out var rewardsEntry)
            ? Items(rewardsEntry.Value, "rewards").Select(r => ReadReward(r, csharp)).OfType<RewardSyntax>().ToImmutableArray()
            : [];
        return new RuleSyntax(name, Token(map, "on"), Expression(map, "when", csharp), Token(map, "priority"), Token(map, "stop"), limit, rewards, language);
    }

    private LimitSyntax? ReadLimit(YamlNode node, string what) =>
        Mapping(node, what, LimitKeys) is { } limitMap ? new LimitSyntax(Token(limitMap, "count"), Token(limitMap, "per"), Token(limitMap, "of"), node.Span) : null;

    /// <summary>'caps' (spec v1.1 §7): each entry a limit mapping under its name.</summary>
    private ImmutableArray<CapSyntax> ReadCaps(YamlNode node)
    {
        var map = Mapping(node, "caps", null);
        if (map is null)
        {
            return [];
        }

        var caps = ImmutableArray.CreateBuilder<CapSyntax>();
        foreach (var entry in map.Values)
        {
            if (ReadLimit(entry.Value, "caps." + entry.Key.Value) is { } limit)
            {
                caps.Add(new CapSyntax(ToToken(entry.Key), limit));
            }
        }

        return caps.ToImmutable();
    }

    private RewardSyntax? ReadReward(YamlNode node, bool csharp)
    {
        var map = Mapping(node, "A reward", RewardKeys);
        if (map is null)
        {
            return null;
        }

        var alert = ReadAlert(map);
        return new RewardSyntax(
            Token(map, "to"),
            Expression(map, "points", csharp),
            Expression(map, "credit", csharp),
            Token(map, "badge"),
            Token(map, "counter"),
            Expression(map, "by", csharp),
            alert.Name,
            node.Span,
            Token(map, "pending"),
            alert.Severity,
            alert.Data);
    }

    /// <summary>
    /// A reward's <c>alert</c> (spec v1.1 §6): the shorthand <c>alert: NAME</c>, or <c>{ name, severity, data }</c>
    /// whose data values are campaign-language expressions kept in the order written.
    /// </summary>
    private (SyntaxToken? Name, SyntaxToken? Severity, ImmutableArray<AlertDataSyntax> Data) ReadAlert(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> reward)
    {
        if (!reward.TryGetValue("alert", out var entry))
        {
            return (null, null, []);
        }

        if (entry.Value is YamlScalar scalar)
        {
            return (ToToken(scalar), null, []);
        }

        var map = Mapping(entry.Value, "alert", AlertKeys);
        if (map is null)
        {
            return (null, null, []);
        }

        if (!map.ContainsKey("name"))
        {
            diagnostics.Report(DiagnosticDescriptors.MissingKey, new TextSpan(entry.Value.Span.Start, 0), "name");
        }

        var data = ImmutableArray.CreateBuilder<AlertDataSyntax>();
        if (map.TryGetValue("data", out var dataEntry) && dataEntry.Value is not YamlScalar { IsPlainEmpty: true })
        {
            if (dataEntry.Value is not YamlMapping dataMap)
            {
                diagnostics.Report(DiagnosticDescriptors.ExpectedMapping, dataEntry.Value.Span, "data");
            }
            else
            {
                // Iterated from the mapping itself, not a dictionary: the outcome keeps the written order.
                foreach (var item in dataMap.Entries)
                {
                    var values = new Dictionary<string, KeyValuePair<YamlScalar, YamlNode>>(StringComparer.Ordinal) { [item.Key.Value] = item };
                    if (Expression(values, item.Key.Value) is { } value)
                    {
                        data.Add(new AlertDataSyntax(ToToken(item.Key), value));
                    }
                }
            }
        }

        return (Token(map, "name"), Token(map, "severity"), data.ToImmutable());
    }

    private void ReportMissingName(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>>? map, YamlNode node)
    {
        if (map is not null && !map.ContainsKey("name"))
        {
            diagnostics.Report(DiagnosticDescriptors.MissingKey, new TextSpan(node.Span.Start, 0), "name");
        }
    }

    private Dictionary<string, KeyValuePair<YamlScalar, YamlNode>>? Mapping(YamlNode node, string what, string[]? allowed) =>
        YamlMappingKeys.Read(node, what, allowed, diagnostics);

    private IEnumerable<YamlNode> Items(YamlNode node, string what)
    {
        if (node is YamlScalar { IsPlainEmpty: true })
        {
            return [];
        }

        if (node is YamlSequence sequence)
        {
            return sequence.Items;
        }

        diagnostics.Report(DiagnosticDescriptors.ExpectedSequence, node.Span, what);
        return [];
    }

    private ImmutableArray<SyntaxToken> TokenList(YamlNode node, string what) =>
        [.. Items(node, what).Select(item => item is YamlScalar scalar ? ToToken(scalar) : Fail<SyntaxToken>(DiagnosticDescriptors.ExpectedScalar, item.Span, what)).OfType<SyntaxToken>()];

    private SyntaxToken? Token(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> map, string key)
    {
        if (!map.TryGetValue(key, out var entry))
        {
            return null;
        }

        return entry.Value is YamlScalar scalar ? ToToken(scalar) : Fail<SyntaxToken>(DiagnosticDescriptors.ExpectedScalar, entry.Value.Span, key);
    }

    private ExpressionSyntax? Expression(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> map, string key, bool csharp = false)
    {
        if (!map.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is not YamlScalar scalar)
        {
            return Fail<ExpressionSyntax>(DiagnosticDescriptors.ExpectedScalar, entry.Value.Span, key);
        }

        if (csharp)
        {
            return new CSharpExpressionSyntax(ToToken(scalar), ScalarOffsets.For(scalar, source));
        }

        var offsets = ScalarOffsets.For(scalar, source);
        var at = scalar.Value.Length == 0 ? new TextSpan(entry.Key.Span.Start, 0) : default;
        var parsed = ExpressionParser.Parse(scalar.Value, scalar.Value.Length == 0 ? ScalarOffsetMap.Verbatim(at.Start) : offsets, limits.MaxNestingDepth, diagnostics, key);
        return parsed;
    }

    private static SyntaxToken ToToken(YamlScalar scalar) => new(scalar.Value, scalar.Span);

    private T? Fail<T>(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
        where T : class
    {
        diagnostics.Report(descriptor, span, args);
        return null;
    }
}
