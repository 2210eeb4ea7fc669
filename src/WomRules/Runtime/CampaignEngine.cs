using System.Globalization;
using System.Text.Json;
using WomRules.Binding;
using WomRules.Emit;

namespace WomRules.Runtime;

/// <summary>
/// Applies engagement events to a campaign's participants (spec §4) and returns the outcomes (spec §5).
/// Each event is applied atomically: its changes reach the store in one <see cref="StateChange"/> or not at all.
/// One engine serializes its events; the compiled campaign it runs may be shared by many engines.
/// </summary>
public sealed class CampaignEngine
{
    private readonly object gate = new();
    private readonly CompiledCampaign campaign;
    private readonly EvaluationContext context = new();
    private readonly EngineOptions options;

    /// <summary>Creates an engine over a store (an empty in-memory one by default).</summary>
    public CampaignEngine(CompiledCampaign campaign, IParticipantStore? store = null, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        this.campaign = campaign;
        Store = store ?? new InMemoryParticipantStore();
        this.options = options ?? new EngineOptions();
    }

    /// <summary>The campaign this engine runs.</summary>
    public CompiledCampaign Campaign => campaign;

    /// <summary>The store the engine reads and commits to.</summary>
    public IParticipantStore Store { get; }

    /// <summary>A participant's current state, or null if the engine has not seen them.</summary>
    public ParticipantState? GetParticipant(string participantId) => Store.Find(participantId);

    /// <summary>Sets host-supplied attributes of a participant (creating them if new). Throws <see cref="ArgumentException"/> for an undeclared attribute or a value of the wrong type.</summary>
    public void SetParticipantAttributes(string participantId, IReadOnlyDictionary<string, object?> attributes)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        ArgumentNullException.ThrowIfNull(attributes);
        lock (gate)
        {
            var state = Store.Find(participantId)?.Clone() ?? NewParticipant(participantId);
            foreach (var (name, value) in attributes)
            {
                if (!campaign.Schema.AttributesByName.TryGetValue(name, out var attribute))
                {
                    throw new ArgumentException($"The campaign declares no participant attribute '{name}'.", nameof(attributes));
                }

                if (AttributeValues.TryConvert(value, attribute, out var converted) is { } error)
                {
                    throw new ArgumentException(error, nameof(attributes));
                }

                state.AttributeValues[attribute.Slot] = converted;
            }

            Store.Commit(new StateChange(null, [state], 0, 0m));
        }
    }

    /// <summary>Processes one event given as an object.</summary>
    public IReadOnlyList<Outcome> Process(EngagementEvent engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        if (string.IsNullOrEmpty(engagement.Id))
        {
            return [new RejectedOutcome(null, "the event has no 'id'")];
        }

        var input = new EventInput(
            engagement.Id,
            engagement.Type,
            engagement.At.UtcDateTime,
            null,
            engagement.Actor,
            string.IsNullOrEmpty(engagement.Referrer) ? "" : engagement.Referrer,
            null,
            type => ReadAttributes(type, name => engagement.Attributes is not null && engagement.Attributes.TryGetValue(name, out var v) ? (true, v) : (false, null)));
        return Process(input);
    }

    /// <summary>Processes one line of an events file (a JSON object). Malformed input gives a <see cref="RejectedOutcome"/>, never an exception.</summary>
    public IReadOnlyList<Outcome> ProcessJson(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > options.MaxEventLineLength)
        {
            return [new RejectedOutcome(null, $"the line is {line.Length} characters long, more than the limit of {options.MaxEventLineLength}")];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return [new RejectedOutcome(null, "the line is not valid JSON: " + FirstSentence(ex.Message))];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [new RejectedOutcome(null, "the line is not a JSON object")];
            }

            if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } id)
            {
                return [new RejectedOutcome(null, "the event has no 'id' string")];
            }

            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            DateTime? at = null;
            string? atError = null;
            if (!root.TryGetProperty("at", out var atElement) || atElement.ValueKind != JsonValueKind.String)
            {
                atError = "the event has no 'at' timestamp";
            }
            else if (DateTimeOffset.TryParse(atElement.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                at = parsed.UtcDateTime;
            }
            else
            {
                atError = $"'at' is not an ISO 8601 timestamp: '{atElement.GetString()}'";
            }

            var actor = root.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            string? referrer = "";
            if (root.TryGetProperty("referrer", out var r))
            {
                referrer = r.ValueKind switch
                {
                    JsonValueKind.String => r.GetString(),
                    JsonValueKind.Null => "",
                    _ => null,
                };
            }

            JsonElement? attributes = null;
            string? attributesError = null;
            if (root.TryGetProperty("attributes", out var attributesElement))
            {
                if (attributesElement.ValueKind == JsonValueKind.Object)
                {
                    attributes = attributesElement;
                }
                else if (attributesElement.ValueKind != JsonValueKind.Null)
                {
                    attributesError = "'attributes' must be a JSON object";
                }
            }

            var input = new EventInput(
                id,
                type,
                at,
                atError,
                actor,
                referrer,
                attributesError,
                eventType => ReadAttributes(eventType, name => attributes is { } obj && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? (true, v) : (false, null)));
            return Process(input);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    /// <summary>An event before validation, from either entry point.</summary>
    private sealed record EventInput(
        string Id,
        string? Type,
        DateTime? At,
        string? AtError,
        string? Actor,
        string? Referrer,
        string? AttributesError,
        Func<EventTypeSymbol, (object?[]? Values, string? Error)> ReadAttributes);

    private static (object?[]? Values, string? Error) ReadAttributes(EventTypeSymbol type, Func<string, (bool Found, object? Value)> lookup)
    {
        var values = new object?[type.Attributes.Length];
        foreach (var attribute in type.Attributes)
        {
            var (found, raw) = lookup(attribute.Name);
            if (!found || raw is null)
            {
                if (attribute.IsRequired)
                {
                    return (null, $"missing required attribute '{attribute.Name}'");
                }

                values[attribute.Slot] = attribute.Default;
                continue;
            }

            if (AttributeValues.TryConvert(raw, attribute, out var converted) is { } error)
            {
                return (null, error);
            }

            values[attribute.Slot] = converted;
        }

        return (values, null);
    }

    private IReadOnlyList<Outcome> Process(EventInput input)
    {
        lock (gate)
        {
            // Spec §4, steps 1 to 3, in order.
            if (Store.HasSeenEvent(input.Id))
            {
                return [new DuplicateOutcome(input.Id)];
            }

            if (input.Type is null)
            {
                return [new RejectedOutcome(input.Id, "the event has no 'type' string")];
            }

            if (!campaign.Dispatch.TryGetValue(input.Type, out var compiledType))
            {
                return [];
            }

            if (input.At is not { } at)
            {
                return [new RejectedOutcome(input.Id, input.AtError ?? "the event has no 'at' timestamp")];
            }

            if ((campaign.Bound.ActiveFrom is { } from && at < from) || (campaign.Bound.ActiveUntil is { } until && at >= until))
            {
                return [];
            }

            if (string.IsNullOrEmpty(input.Actor))
            {
                return [new RejectedOutcome(input.Id, "the event has no 'actor' string")];
            }

            if (input.Referrer is null)
            {
                return [new RejectedOutcome(input.Id, "'referrer' must be a string")];
            }

            if (input.AttributesError is not null)
            {
                return [new RejectedOutcome(input.Id, input.AttributesError)];
            }

            var (values, error) = input.ReadAttributes(compiledType.Symbol);
            if (values is null)
            {
                return [new RejectedOutcome(input.Id, error ?? "invalid attributes")];
            }

            var data = new EventData(input.Id, compiledType.Symbol, at, input.Actor, input.Referrer, values);
            try
            {
                return Apply(data, compiledType);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Nothing was committed, so nothing is half-applied; the event can be sent again.
                return [new RejectedOutcome(input.Id, "the event could not be applied: " + ex.Message)];
            }
        }
    }

    private ParticipantState NewParticipant(string id) => new(campaign.Schema, id);

    private IReadOnlyList<Outcome> Apply(EventData e, CompiledEventType compiledType)
    {
        var outcomes = new List<Outcome>();
        var actor = Store.Find(e.Actor)?.Clone() ?? NewParticipant(e.Actor);
        var referrer = e.Referrer.Length == 0 ? null
            : e.Referrer == e.Actor ? actor
            : Store.Find(e.Referrer)?.Clone() ?? NewParticipant(e.Referrer);
        var actorChanged = false;
        var referrerChanged = false;
        long pointsIssued = 0;
        decimal creditIssued = 0m;
        var budget = campaign.Bound.Budget;

        // Built-in redemption (spec §4.9).
        if (compiledType.Symbol.IsBuiltIn)
        {
            var points = (long)e.Values[0]!;
            if (points <= 0)
            {
                return [new RejectedOutcome(e.Id, "'points' to redeem must be more than 0")];
            }

            if (points > actor.Points)
            {
                return [new RejectedOutcome(e.Id, $"redeeming {points} points but '{actor.Id}' has {actor.Points}")];
            }

            actor.Points -= points;
            actorChanged = true;
            outcomes.Add(new RedeemedOutcome(e.Id, actor.Id, points));
        }

        context.Event = e;
        context.Participant = actor;
        context.Referrer = referrer;

        // Disclosures (spec §4.5).
        var withhold = false;
        foreach (var disclosure in compiledType.Disclosures)
        {
            bool satisfied;
            try
            {
                satisfied = !(disclosure.Applies?.Invoke(context) ?? true) || disclosure.Require(context);
            }
            catch (Exception ex) when (IsEvaluationFailure(ex))
            {
                // Fail closed: a check that cannot be evaluated does not count as a disclosure.
                satisfied = false;
            }

            if (!satisfied)
            {
                var symbol = disclosure.Symbol;
                withhold |= symbol.Action == DisclosureAction.Withhold;
                outcomes.Add(new ViolationOutcome(e.Id, symbol.Name, actor.Id, symbol.Action == DisclosureAction.Withhold ? "withhold" : "flag", symbol.Message));
            }
        }

        // Rules (spec §4.6, §4.7).
        var amounts = new List<(long? Points, decimal? Credit, long? By)>();
        foreach (var rule in compiledType.Rules)
        {
            var symbol = rule.Symbol;
            if (symbol.NeedsReferrer && referrer is null)
            {
                continue;
            }

            try
            {
                if (rule.When is { } when && !when(context))
                {
                    continue;
                }
            }
            catch (Exception ex) when (IsEvaluationFailure(ex))
            {
                outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, actor.Id, "error"));
                continue;
            }

            if (withhold && !symbol.IsAlertOnly)
            {
                outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, actor.Id, "withheld"));
                continue;
            }

            string? window = null;
            ParticipantState? limited = null;
            if (symbol.Limit is { } limit)
            {
                limited = limit.Of == Recipient.Referrer ? referrer! : actor;
                window = LimitWindows.KeyFor(limit.Per, e.At);
                if (limited.GetLimitUsage(symbol.Name, window) >= limit.Count)
                {
                    outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, limited.Id, "limit"));
                    continue;
                }
            }

            if (!TryEvaluateAmounts(rule, amounts, out var rulePoints, out var ruleCredit))
            {
                outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, actor.Id, "error"));
                continue;
            }

            if ((budget?.Points is { } pointsCap && Store.PointsIssued + pointsIssued + rulePoints > pointsCap)
                || (budget?.Credit is { } creditCap && Store.CreditIssued + creditIssued + ruleCredit > creditCap))
            {
                outcomes.Add(new SkippedOutcome(e.Id, symbol.Name, actor.Id, "budget"));
                continue;
            }

            // The rule fires: everything below succeeds.
            for (var i = 0; i < rule.Rewards.Length; i++)
            {
                var reward = rule.Rewards[i].Symbol;
                var target = reward.To == Recipient.Referrer ? referrer! : actor;
                var changed = ApplyReward(e.Id, symbol.Name, reward, amounts[i], target, outcomes);
                if (ReferenceEquals(target, actor))
                {
                    actorChanged |= changed;
                }
                else
                {
                    referrerChanged |= changed;
                }
            }

            if (limited is not null)
            {
                limited.AddLimitUsage(symbol.Name, window!);
            }

            pointsIssued += rulePoints;
            creditIssued += ruleCredit;
            if (symbol.Stop)
            {
                break;
            }
        }

        // Tiers (spec §4.8): the actor, then the referrer.
        if (actorChanged)
        {
            UpdateTier(e.Id, actor, outcomes);
        }

        if (referrerChanged && referrer is not null && !ReferenceEquals(referrer, actor))
        {
            UpdateTier(e.Id, referrer, outcomes);
        }

        var touched = referrer is null || ReferenceEquals(referrer, actor) ? new[] { actor } : new[] { actor, referrer };
        Store.Commit(new StateChange(e.Id, touched, pointsIssued, creditIssued));
        context.Event = null;
        context.Referrer = null;
        return outcomes;
    }

    private bool TryEvaluateAmounts(CompiledRule rule, List<(long? Points, decimal? Credit, long? By)> amounts, out long points, out decimal credit)
    {
        amounts.Clear();
        points = 0;
        credit = 0m;
        try
        {
            foreach (var reward in rule.Rewards)
            {
                long? p = reward.Points?.Invoke(context);
                decimal? c = reward.Credit?.Invoke(context);
                long? by = reward.By?.Invoke(context) ?? (reward.Symbol.Counter is null ? null : 1);
                if (p < 0 || c < 0m || by < 0)
                {
                    return false;
                }

                points = checked(points + (p ?? 0));
                credit += c ?? 0m;
                amounts.Add((p, c, by));
            }

            return true;
        }
        catch (Exception ex) when (IsEvaluationFailure(ex))
        {
            return false;
        }
    }

    private static bool ApplyReward(string eventId, string rule, RewardSymbol reward, (long? Points, decimal? Credit, long? By) amount, ParticipantState target, List<Outcome> outcomes)
    {
        var changed = false;
        if (amount.Points is { } points)
        {
            target.Points = checked(target.Points + points);
            target.LifetimePoints = checked(target.LifetimePoints + points);
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Points = points });
            changed = true;
        }

        if (amount.Credit is { } credit)
        {
            target.Credit += credit;
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Credit = credit });
            changed = true;
        }

        if (reward.Badge is { } badge && !target.BadgeList.Contains(badge))
        {
            target.BadgeList.Add(badge);
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Badge = badge });
            changed = true;
        }

        if (reward.Counter is { } counter)
        {
            var by = amount.By ?? 1;
            target.Counters[reward.CounterIndex] = checked(target.Counters[reward.CounterIndex] + by);
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Counter = counter, By = by });
            changed = true;
        }

        if (reward.Alert is { } alert)
        {
            outcomes.Add(new RewardOutcome(eventId, rule, target.Id) { Alert = alert });
        }

        return changed;
    }

    private void UpdateTier(string eventId, ParticipantState subject, List<Outcome> outcomes)
    {
        var tiers = campaign.CompiledTiers;
        context.Participant = subject;
        for (var i = tiers.Length - 1; i > subject.TierIndex; i--)
        {
            bool reached;
            try
            {
                reached = tiers[i].When?.Invoke(context) ?? false;
            }
            catch (Exception ex) when (IsEvaluationFailure(ex))
            {
                reached = false;
            }

            if (reached)
            {
                outcomes.Add(new TierOutcome(eventId, subject.Id, tiers[subject.TierIndex].Symbol.Name, tiers[i].Symbol.Name));
                subject.TierIndex = i;
                break;
            }
        }
    }

    /// <summary>The ways a campaign expression fails at run time: overflow, division by zero, a regex timeout.</summary>
    private static bool IsEvaluationFailure(Exception ex) =>
        ex is ArithmeticException or InvalidCastException or IndexOutOfRangeException or NullReferenceException or ArgumentException or System.Text.RegularExpressions.RegexMatchTimeoutException;
}
