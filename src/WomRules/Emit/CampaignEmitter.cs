using System.Collections.Frozen;
using WomRules.Binding;
using WomRules.Runtime;
using ValueType = WomRules.Binding.ValueType;

namespace WomRules.Emit;

/// <summary>Compiles every expression of a bound campaign once and builds the dispatch table from event type to its rules.</summary>
internal static class CampaignEmitter
{
    public static CompiledCampaign Emit(BoundCampaign campaign, EvaluatorKind evaluator, StringLimits limits)
    {
        var compiler = new DelegateFactory(campaign.Participant, evaluator, limits);

        // A disclosure holds for an event when it does not apply or its requirement is met: one tree, one call.
        var satisfied = campaign.Disclosures
            .SelectMany(d => d.ByEventType.Select(pair => (Key: (d, pair.Key), Checks: pair.Value)))
            .ToDictionary(p => p.Key, p => Satisfied(p.Checks));
        compiler.Precompile(
            satisfied.Values.Select(e => ((BoundExpression?)e, typeof(bool)))
                .Concat(campaign.Rules.Select(r => (r.When, typeof(bool))))
                .Concat(campaign.Rules.SelectMany(r => r.Rewards).SelectMany(w => new[] { (w.Points, typeof(long)), (w.Credit, typeof(decimal)), (w.By, typeof(long)) }))
                .Concat(campaign.Rules.SelectMany(r => r.Rewards).SelectMany(w => w.AlertData).Select(d => ((BoundExpression?)d.Value, typeof(object))))
                .Concat(campaign.Tiers.Select(t => (t.When, typeof(bool)))));
        var dispatch = new Dictionary<string, CompiledEventType>(StringComparer.Ordinal);
        foreach (var eventType in campaign.EventTypes.Values)
        {
            var disclosures = campaign.Disclosures
                .Where(d => d.ByEventType.ContainsKey(eventType.Name))
                .OrderBy(d => d.FileOrder)
                .Select(d => new CompiledDisclosure(d, compiler.Bool(satisfied[(d, eventType.Name)])!))
                .ToArray();
            var rules = campaign.Rules
                .Where(r => r.EventType == eventType.Name)
                .OrderByDescending(r => r.Priority)
                .ThenBy(r => r.FileOrder)
                .Select(r => new CompiledRule(
                    r,
                    compiler.Bool(r.When),
                    [.. r.Rewards.Select(w => new CompiledReward(w, compiler.Int(w.Points), compiler.Decimal(w.Credit), compiler.Int(w.By), [.. w.AlertData.Select(d => compiler.Object(d.Value)!)]))]))
                .ToArray();
            dispatch[eventType.Name] = new CompiledEventType(eventType, disclosures, rules);
        }

        var tiers = campaign.Tiers.Select(t => new CompiledTier(t, compiler.Bool(t.When))).ToArray();
        return new CompiledCampaign(campaign, dispatch.ToFrozenDictionary(StringComparer.Ordinal), tiers)
        {
            TierSearch = compiler.TierSearch([.. campaign.Tiers.Select(t => t.When)]),
        };
    }

    /// <summary><c>not applies or require</c>, or <c>require</c> alone for a disclosure that always applies.</summary>
    private static BoundExpression Satisfied(DisclosureChecks checks) =>
        checks.Applies is not { } applies
            ? checks.Require
            : new BoundBinary(
                ValueType.Bool,
                checks.Require.Span,
                BinaryOperator.Or,
                ValueType.Bool,
                new BoundUnary(ValueType.Bool, applies.Span, UnaryOperator.Not, applies),
                checks.Require);

    /// <summary>Makes delegates either by compiling expression trees or by wrapping the reference evaluator.</summary>
    private sealed class DelegateFactory(ParticipantSchema schema, EvaluatorKind kind, StringLimits limits)
    {
        /// <summary>Below this many trees, compiling on one thread is quicker than starting others.</summary>
        private const int ParallelThreshold = 64;

        private readonly ExpressionEmitter emitter = new(schema, limits);
        private readonly ReferenceEvaluator reference = new(schema, limits);
        private readonly Dictionary<BoundExpression, Delegate> precompiled = new(ReferenceEqualityComparer.Instance);

        /// <summary>
        /// Compiles the campaign's trees up front, in parallel when there are many: each takes about half a millisecond
        /// and none depends on another, so a campaign of thousands of rules compiles in a fraction of the time.
        /// </summary>
        public void Precompile(IEnumerable<(BoundExpression? Expression, Type Type)> trees)
        {
            if (kind != EvaluatorKind.Compiled)
            {
                return;
            }

            var jobs = trees
                .Where(t => t.Expression is not null and not BoundLiteral)
                .DistinctBy(t => t.Expression, ReferenceEqualityComparer.Instance)
                .ToArray();
            var results = new Delegate[jobs.Length];
            if (jobs.Length < ParallelThreshold)
            {
                for (var i = 0; i < jobs.Length; i++)
                {
                    results[i] = Compile(jobs[i].Expression!, jobs[i].Type);
                }
            }
            else
            {
                Parallel.For(0, jobs.Length, i => results[i] = Compile(jobs[i].Expression!, jobs[i].Type));
            }

            for (var i = 0; i < jobs.Length; i++)
            {
                precompiled[jobs[i].Expression!] = results[i];
            }
        }

        private Delegate Compile(BoundExpression expression, Type type) =>
            type == typeof(bool) ? emitter.Compile<bool>(expression)
            : type == typeof(long) ? emitter.Compile<long>(expression)
            : type == typeof(object) ? emitter.Compile<object>(expression)
            : emitter.Compile<decimal>(expression);

        public Func<EvaluationContext, bool>? Bool(BoundExpression? e) => Make<bool>(e);

        public Func<EvaluationContext, long>? Int(BoundExpression? e) => Make<long>(e);

        public Func<EvaluationContext, decimal>? Decimal(BoundExpression? e) => Make<decimal>(e);

        /// <summary>An alert data value of any type, boxed (spec v1.1 §6).</summary>
        public Func<EvaluationContext, object>? Object(BoundExpression? e) => Make<object>(e);

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
                context.BuiltCharacters = 0;
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

            if (e is BoundCSharpExpression csharp)
            {
                // Compiled by the C# rule compiler already; both evaluators call the same delegate.
                return (Func<EvaluationContext, T>)csharp.Compiled;
            }

            if (kind == EvaluatorKind.Compiled)
            {
                // A literal amount (`points: 500`) needs no compiled tree: compiling one costs about half a
                // millisecond, which a campaign of thousands of rules would pay once per reward.
                if (e is BoundLiteral { Value: T constant })
                {
                    return _ => constant;
                }

                return precompiled.TryGetValue(e, out var done) ? (Func<EvaluationContext, T>)done : emitter.Compile<T>(e);
            }

            return context =>
            {
                context.BuiltCharacters = 0;
                return (T)reference.Evaluate(e, context);
            };
        }
    }
}
