using WomRules.Diagnostics;
using WomRules.Syntax;

namespace WomRules.Binding;

/// <summary>Warnings about a bound campaign's behaviour (spec §6): unbounded liability, flag-only disclosures, unreachable tiers.</summary>
internal static class CampaignWarnings
{
    public static void Report(BoundCampaign campaign, CampaignSyntax syntax, DiagnosticBag diagnostics)
    {
        var ruleSyntax = syntax.Rules.GroupBy(r => r.Name.Text).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var rule in campaign.Rules)
        {
            var span = ruleSyntax[rule.Name].Name.Span;
            var grants = rule.Rewards.Any(r => r.Points is not null || r.Credit is not null);
            // A limit or budget written but in error has its own error already: not also "unbounded" (issue 12).
            if (grants && rule.Limit is null && ruleSyntax[rule.Name].Limit is null && campaign.Budget is null && syntax.Budget is null)
            {
                diagnostics.Report(DiagnosticDescriptors.UnboundedLiability, span, rule.Name);
            }

            var covering = campaign.Disclosures.Where(d => d.ByEventType.ContainsKey(rule.EventType)).ToList();
            if (!rule.IsAlertOnly && covering.Count > 0 && covering.All(d => d.Action != DisclosureAction.Withhold))
            {
                diagnostics.Report(DiagnosticDescriptors.DisclosureNotWithheld, span, rule.Name, rule.EventType);
            }
        }

        ReportUnreachableTiers(campaign, syntax, diagnostics);
        ReportUnusedEventTypes(campaign, syntax, diagnostics);
        ReportUnusedCaps(syntax, diagnostics);
    }

    /// <summary>
    /// Spec v1.1 §7: a cap that no rule names (even one that failed to bind) limits nothing. Not while a rule names a cap
    /// that is not declared (WOM3070): that name is likely the unused cap misspelled, so one error says it all.
    /// </summary>
    private static void ReportUnusedCaps(CampaignSyntax syntax, DiagnosticBag diagnostics)
    {
        var named = syntax.Rules.Select(r => r.Limit?.Cap?.Text).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (!named.IsSubsetOf(syntax.Caps.Select(c => c.Name.Text)))
        {
            return;
        }

        foreach (var cap in syntax.Caps.Where(c => !named.Contains(c.Name.Text)))
        {
            diagnostics.Report(DiagnosticDescriptors.UnusedCap, cap.Name.Span, cap.Name.Text);
        }
    }

    private static void ReportUnusedEventTypes(BoundCampaign campaign, CampaignSyntax syntax, DiagnosticBag diagnostics)
    {
        var used = campaign.Rules.Select(r => r.EventType).Concat(campaign.Disclosures.SelectMany(d => d.ByEventType.Keys)).ToHashSet(StringComparer.Ordinal);
        // Rules that failed to bind still name their event type, and a misspelled 'on' names the type its error
        // suggests: do not add a warning to their error.
        var declared = syntax.Events.Select(e => e.Name.Text).ToList();
        var named = syntax.Rules.Select(r => r.On?.Text).Concat(syntax.Disclosures.SelectMany(d => d.On.Select(o => o.Text))).OfType<string>()
            .Select(on => campaign.EventTypes.ContainsKey(on) || !diagnostics.TrySpendSuggestion() ? on : NameSuggestions.Nearest(on, declared) ?? on)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var eventType in syntax.Events)
        {
            var isNamed = named.Contains(eventType.Name.Text);
            // An event type with identity attributes is used without a rule: its values are recorded (spec v1.1 §8).
            var recordsIdentity = campaign.EventTypes.TryGetValue(eventType.Name.Text, out var symbol) && !symbol.IdentityAttributes.IsEmpty;
            if (!isNamed && !recordsIdentity && !used.Contains(eventType.Name.Text) && eventType.Name.Text != EventTypeSymbol.PointsRedeemed)
            {
                diagnostics.Report(DiagnosticDescriptors.UnusedEventType, eventType.Name.Span, eventType.Name.Text);
            }
        }
    }

    private static void ReportUnreachableTiers(BoundCampaign campaign, CampaignSyntax syntax, DiagnosticBag diagnostics)
    {
        var incremented = campaign.Rules.SelectMany(r => r.Rewards).Where(r => r.Counter is not null).Select(r => r.Counter!).ToHashSet(StringComparer.Ordinal);
        var badges = campaign.Rules.SelectMany(r => r.Rewards).Where(r => r.Badge is not null).Select(r => r.Badge!).ToHashSet(StringComparer.Ordinal);
        var grantsPoints = campaign.Rules.SelectMany(r => r.Rewards).Any(r => r.Points is not null);
        var grantsCredit = campaign.Rules.SelectMany(r => r.Rewards).Any(r => r.Credit is not null);
        var facts = new ReachFacts(incremented, badges, grantsPoints, grantsCredit, campaign.Budget);

        foreach (var tier in campaign.Tiers)
        {
            if (tier.When is null || tier.When.Type != ValueType.Bool)
            {
                continue;
            }

            if (NeverTrue(tier.When, facts) is { } reason)
            {
                var span = syntax.Tiers.First(t => t.Name.Text == tier.Name).Name.Span;
                diagnostics.Report(DiagnosticDescriptors.UnreachableTier, span, tier.Name, reason);
            }
        }
    }

    private sealed record ReachFacts(HashSet<string> Counters, HashSet<string> Badges, bool GrantsPoints, bool GrantsCredit, BudgetSymbol? Budget);

    /// <summary>A reason the condition can never hold, or null when it might. Conservative: null whenever unsure.</summary>
    private static string? NeverTrue(BoundExpression condition, ReachFacts facts)
    {
        switch (condition)
        {
            case BoundLiteral { Value: false }:
                return "its condition is always false";
            case BoundBinary { Operator: BinaryOperator.And } and:
                return NeverTrue(and.Left, facts) ?? NeverTrue(and.Right, facts);
            case BoundBinary { Operator: BinaryOperator.Or } or:
                var left = NeverTrue(or.Left, facts);
                var right = left is null ? null : NeverTrue(or.Right, facts);
                return right is null ? null : left + " and " + right;
            case BoundBinary { Operator: BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } compare
                when compare.Left is BoundParticipantMember member && Constant(compare.Right) is { } bound:
                var needed = compare.Operator == BinaryOperator.Greater ? bound + 1 : bound;
                return Unreachable(member, needed, facts);
            case BoundBinary { Operator: BinaryOperator.Less or BinaryOperator.LessOrEqual } compare
                when compare.Right is BoundParticipantMember member && Constant(compare.Left) is { } bound:
                var neededReversed = compare.Operator == BinaryOperator.Less ? bound + 1 : bound;
                return Unreachable(member, neededReversed, facts);
            case BoundBinary { Operator: BinaryOperator.InList } inList
                when inList.Right is BoundParticipantMember { Member: ParticipantMember.Badges } && inList.Left is BoundLiteral { Value: string badge }
                     && !facts.Badges.Contains(badge):
                return $"no rule grants the badge '{badge}'";
            case BoundBinary { Operator: BinaryOperator.ListContains } contains
                when contains.Left is BoundParticipantMember { Member: ParticipantMember.Badges } && contains.Right is BoundLiteral { Value: string badge }
                     && !facts.Badges.Contains(badge):
                return $"no rule grants the badge '{badge}'";
            default:
                return null;
        }
    }

    private static decimal? Constant(BoundExpression expression) => expression switch
    {
        BoundLiteral { Value: long l } => l,
        BoundLiteral { Value: decimal d } => d,
        BoundConversion { Conversion: Conversion.IntToDecimal, Operand: BoundLiteral { Value: long l } } => l,
        _ => null,
    };

    private static string? Unreachable(BoundParticipantMember member, decimal needed, ReachFacts facts)
    {
        if (needed <= 0)
        {
            return null;
        }

        return member.Member switch
        {
            ParticipantMember.Counter when !facts.Counters.Contains(member.Name) => $"no rule increments the counter '{member.Name}'",
            ParticipantMember.Points or ParticipantMember.LifetimePoints when !facts.GrantsPoints => "no rule grants points",
            ParticipantMember.Points or ParticipantMember.LifetimePoints when facts.Budget?.Points is { } cap && cap < needed =>
                $"it needs {needed} points but the whole campaign's budget is {cap}",
            ParticipantMember.Credit when !facts.GrantsCredit => "no rule grants credit",
            _ => null,
        };
    }
}
