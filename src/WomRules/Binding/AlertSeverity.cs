namespace WomRules.Binding;

/// <summary>How urgent an alert is (spec v1.1 §6); written to the outcome in lower case.</summary>
internal enum AlertSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

internal static class AlertSeverityExtensions
{
    public static string Text(this AlertSeverity severity) => severity switch
    {
        AlertSeverity.Low => "low",
        AlertSeverity.High => "high",
        AlertSeverity.Critical => "critical",
        _ => "medium",
    };

    public static bool TryParse(string text, out AlertSeverity severity)
    {
        severity = text switch
        {
            "low" => AlertSeverity.Low,
            "medium" => AlertSeverity.Medium,
            "high" => AlertSeverity.High,
            "critical" => AlertSeverity.Critical,
            _ => (AlertSeverity)(-1),
        };
        return severity >= AlertSeverity.Low;
    }
}
