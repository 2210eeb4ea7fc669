using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>The root of a campaign's syntax tree, the same whichever form (YAML or DSL) it was read from.</summary>
internal sealed class CampaignSyntax(
    SyntaxToken? version,
    SyntaxToken? id,
    SyntaxToken? description,
    ActiveWindowSyntax? active,
    ImmutableArray<EventTypeSyntax> events,
    ImmutableArray<AttributeSyntax> participant,
    ImmutableArray<SyntaxToken> counters,
    ImmutableArray<TierSyntax> tiers,
    BudgetSyntax? budget,
    ImmutableArray<DisclosureSyntax> disclosures,
    ImmutableArray<RuleSyntax> rules,
    IdsSyntax? ids = null,
    SyntaxToken? reversibleFor = null,
    TiersPolicySyntax? tiersPolicy = null,
    ExpirySyntax? expiry = null,
    MarkersSyntax? markers = null,
    ImmutableArray<NamedListSyntax> lists = default,
    ImmutableArray<CapSyntax> caps = default,
    SyntaxToken? acceptLate = null) : SyntaxNode
{
    public SyntaxToken? Version { get; } = version;

    public SyntaxToken? Id { get; } = id;

    public SyntaxToken? Description { get; } = description;

    public ActiveWindowSyntax? Active { get; } = active;

    /// <summary>How participant ids are canonicalised; null: compared as given.</summary>
    public IdsSyntax? Ids { get; } = ids;

    /// <summary>How long after its time an event may still be reversed (spec v1.1 §2), a duration; null: 365d.</summary>
    public SyntaxToken? ReversibleFor { get; } = reversibleFor;

    /// <summary>How tiers may move (spec v1.1 §5); null: up only.</summary>
    public TiersPolicySyntax? TiersPolicy { get; } = tiersPolicy;
    /// <summary>How long points stay available (spec v1.1 §4).</summary>
    public ExpirySyntax? Expiry { get; } = expiry;

    /// <summary>How the default disclosure markers change for this campaign (spec v1.1 §9); null: the defaults.</summary>
    public MarkersSyntax? Markers { get; } = markers;

    /// <summary>Named lists of strings (spec v1.1 §11), in the order written.</summary>
    public ImmutableArray<NamedListSyntax> Lists { get; } = lists.IsDefault ? [] : lists;

    /// <summary>Named caps that rules share (spec v1.1 §7), in file order.</summary>
    public ImmutableArray<CapSyntax> Caps { get; } = caps.IsDefault ? [] : caps;

    /// <summary>The lateness horizon (spec v1.1 §13), a duration; null: unlimited.</summary>
    public SyntaxToken? AcceptLate { get; } = acceptLate;

    public ImmutableArray<EventTypeSyntax> Events { get; } = events;

    public ImmutableArray<AttributeSyntax> Participant { get; } = participant;

    public ImmutableArray<SyntaxToken> Counters { get; } = counters;

    public ImmutableArray<TierSyntax> Tiers { get; } = tiers;

    public BudgetSyntax? Budget { get; } = budget;

    public ImmutableArray<DisclosureSyntax> Disclosures { get; } = disclosures;

    public ImmutableArray<RuleSyntax> Rules { get; } = rules;

    public override TextSpan Span => UnionOf([.. Children]);

    public override IEnumerable<SyntaxNode> Children =>
        NonNull([Version, Id, Description, Active, Ids, ReversibleFor, AcceptLate, TiersPolicy, Expiry, Markers, .. Lists, .. Events, .. Participant, .. Counters, .. Tiers, Budget, .. Caps, .. Disclosures, .. Rules]);
}
