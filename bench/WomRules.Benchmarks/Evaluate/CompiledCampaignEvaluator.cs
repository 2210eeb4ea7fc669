using System.Collections.Frozen;
using WomRules.Binding;
using WomRules.Emit;
using WomRules.Runtime;

namespace WomRules.Benchmarks.Evaluate;

/// <summary>
/// Evaluates a WomRules compiled campaign without state: dispatch on the event type, the type's disclosure checks,
/// its rules' conditions and the tier conditions, through the compiled delegates, as the engine runs them.
/// </summary>
internal sealed class CompiledCampaignEvaluator(CompiledCampaign campaign)
{
    private readonly FrozenDictionary<string, CompiledEventType> dispatch = campaign.Dispatch;
    private readonly Func<EvaluationContext, int, int> tierSearch = campaign.TierSearch;
    private readonly EvaluationContext context = new();

    public int Evaluate(EventData e, ParticipantState actor, ParticipantState? referrer)
    {
        if (!dispatch.TryGetValue(e.Type, out var type))
        {
            return 0;
        }

        context.Event = e;
        context.Participant = actor;
        context.Referrer = referrer;
        var mask = 0;
        var disclosures = type.Disclosures;
        for (var i = 0; i < disclosures.Length; i++)
        {
            var disclosure = disclosures[i];
            if (!disclosure.Satisfied(context))
            {
                mask |= EvaluationMask.Disclosure(i);
            }
        }

        var rules = type.Rules;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if ((referrer is not null || !rule.Symbol.NeedsReferrer) && (rule.When is null || rule.When(context)))
            {
                mask |= EvaluationMask.Rule(i);
            }
        }

        // The tier check as the engine runs it (one delegate, highest tier first), from the lowest tier.
        return mask | EvaluationMask.Tier(tierSearch(context, 0));
    }

    /// <summary>The event in the engine's form: attributes converted and laid out in their slots.</summary>
    public EventData ToEventData(Workload.BenchEvent e)
    {
        var type = dispatch[e.Type].Symbol;
        var raw = e.Attributes();
        var values = new object?[type.Attributes.Length];
        foreach (var attribute in type.Attributes)
        {
            values[attribute.Slot] = raw.TryGetValue(attribute.Name, out var value) && AttributeValues.TryConvert(value, attribute, out var converted) is null
                ? converted
                : throw new InvalidOperationException($"The workload gives no valid '{attribute.Name}' for {e.Type}.");
        }

        var data = new EventData();
        data.Fill(e.Id, type, e.At, e.Actor, e.Referrer, values);
        return data;
    }

    /// <summary>A participant in the engine's form, with the same points, counters and tier.</summary>
    public ParticipantState ToParticipant(Workload.BenchMember m)
    {
        var schema = campaign.Schema;
        var state = new ParticipantState(schema, m.Id)
        {
            Points = m.Points,
            LifetimePoints = m.LifetimePoints,
            TierIndex = m.Tier,
        };
        state.Counters[Counter(schema, "referrals")] = m.Referrals;
        state.Counters[Counter(schema, "reviews")] = m.Reviews;
        state.Counters[Counter(schema, "shares")] = m.Shares;
        state.Counters[Counter(schema, "adopted")] = m.Adopted;
        return state;
    }

    private static int Counter(ParticipantSchema schema, string name) => schema.Counters.IndexOf(name);
}
