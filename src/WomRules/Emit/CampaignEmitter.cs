using System.Collections.Frozen;
using WomRules.Binding;
using WomRules.Runtime;

namespace WomRules.Emit;

/// <summary>Compiles every expression of a bound campaign once and builds the dispatch table from event type to its rules.</summary>
internal static class CampaignEmitter
{
    public static CompiledCampaign Emit(BoundCampaign campaign, EvaluatorKind evaluator)
    {
        var compiler = new DelegateFactory(campaign.Participant, evaluator);
        var dispatch = new Dictionary<string, CompiledEventType>(StringComparer.Ordinal);
        foreach (var eventType in campaign.EventTypes.Values)
        {
            var disclosures = campaign.Disclosures
                .Where(d => d.ByEventType.ContainsKey(eventType.Name))
                .OrderBy(d => d.FileOrder)
                .Select(d =>
                {
                    var checks = d.ByEventType[eventType.Name];
                    return new CompiledDisclosure(d, compiler.Bool(checks.Applies), compiler.Bool(checks.Require)!);
                })
                .ToArray();
            var rules = campaign.Rules
                .Where(r => r.EventType == eventType.Name)
                .OrderByDescending(r => r.Priority)
                .ThenBy(r => r.FileOrder)
                .Select(r => new CompiledRule(
                    r,
                    compiler.Bool(r.When),
                    [.. r.Rewards.Select(w => new CompiledReward(w, compiler.Int(w.Points), compiler.Decimal(w.Credit), compiler.Int(w.By)))]))
                .ToArray();
            dispatch[eventType.Name] = new CompiledEventType(eventType, disclosures, rules);
        }

        var tiers = campaign.Tiers.Select(t => new CompiledTier(t, compiler.Bool(t.When))).ToArray();
        return new CompiledCampaign(campaign, dispatch.ToFrozenDictionary(StringComparer.Ordinal), tiers)
        {
            TierSearch = compiler.TierSearch([.. campaign.Tiers.Select(t => t.When)]),
        };
    }

    /// <summary>Makes delegates either by compiling expression trees or by wrapping the reference evaluator.</summary>
    private sealed class DelegateFactory(ParticipantSchema schema, EvaluatorKind kind)
    {
        private readonly ExpressionEmitter emitter = new(schema);
        private readonly ReferenceEvaluator reference = new(schema);

        public Func<EvaluationContext, bool>? Bool(BoundExpression? e) => Make<bool>(e);

        public Func<EvaluationContext, long>? Int(BoundExpression? e) => Make<long>(e);

        public Func<EvaluationContext, decimal>? Decimal(BoundExpression? e) => Make<decimal>(e);

        /// <summary>
        /// The tier check of spec §4.8 as one delegate: highest tier first, the first whose condition holds wins, a
        /// condition that fails counts as not reached. Compiled, that is one call per check instead of one per tier.
        /// </summary>
        public Func<EvaluationContext, int, int> TierSearch(BoundExpression?[] conditions)
        {
            if (kind == EvaluatorKind.Compiled)
            {
                return emitter.CompileTierSearch(conditions);
            }

            return (context, current) =>
            {
                for (var i = conditions.Length - 1; i > current; i--)
                {
                    try
                    {
                        if (conditions[i] is { } condition && (bool)reference.Evaluate(condition, context))
                        {
                            return i;
                        }
                    }
                    catch (Exception ex) when (EvaluationFailures.Is(ex))
                    {
                        // Not reached; lower tiers are still checked.
                    }
                }

                return current;
            };
        }

        private Func<EvaluationContext, T>? Make<T>(BoundExpression? e)
        {
            if (e is null)
            {
                return null;
            }

            if (kind == EvaluatorKind.Compiled)
            {
                // A literal amount (`points: 500`) needs no compiled tree: compiling one costs about half a
                // millisecond, which a campaign of thousands of rules would pay once per reward.
                if (e is BoundLiteral { Value: T constant })
                {
                    return _ => constant;
                }

                return emitter.Compile<T>(e);
            }

            return context => (T)reference.Evaluate(e, context);
        }
    }
}
