using WomRules.Emit;

namespace WomRules.Runtime;

/// <summary>Evaluates an alert's data (spec v1.1 §6), key by key in the order written.</summary>
internal static class AlertDataValues
{
    /// <summary>Null when every value was computed (<paramref name="values"/> is null when there is no data); otherwise why one failed.</summary>
    public static string? TryEvaluate(CompiledReward reward, EvaluationContext context, out IReadOnlyList<KeyValuePair<string, object>>? values)
    {
        values = null;
        var symbols = reward.Symbol.AlertData;
        if (symbols.IsDefaultOrEmpty)
        {
            return null;
        }

        var result = new KeyValuePair<string, object>[symbols.Length];
        for (var i = 0; i < result.Length; i++)
        {
            try
            {
                result[i] = new(symbols[i].Key, reward.AlertData[i](context));
            }
            catch (Exception ex) when (EvaluationFailures.Is(ex))
            {
                return $"the alert data '{symbols[i].Key}' could not be computed: " + EvaluationFailures.Describe(ex);
            }
        }

        values = result;
        return null;
    }
}
