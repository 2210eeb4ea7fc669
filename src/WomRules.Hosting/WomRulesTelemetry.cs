namespace WomRules.Hosting;

/// <summary>The names to subscribe to (e.g. OpenTelemetry's <c>AddMeter</c> and <c>AddSource</c>); docs/hosting.md lists the instruments and tags.</summary>
public static class WomRulesTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "WomRules";

    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name.</summary>
    public const string ActivitySourceName = "WomRules";
}
