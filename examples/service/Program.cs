using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WomRules.Hosting;
using WomRules.Service;

var builder = WebApplication.CreateBuilder(args);

// The campaigns, store and hot reload come from the "WomRules" section of appsettings.json (paths relative to this folder).
builder.Services.AddWomRules(builder.Configuration.GetSection("WomRules"));
builder.Services.Configure<ServiceOptions>(builder.Configuration.GetSection("Service"));
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<CampaignsHealthCheck>("campaigns");

// Metrics and traces: the WomRules meter and activity source, and ASP.NET Core's own. Exporters are optional: OTLP when
// OTEL_EXPORTER_OTLP_ENDPOINT is set, the console when Telemetry:Console is true.
var telemetry = builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("womrules-service"))
    .WithMetrics(metrics =>
    {
        metrics.AddMeter(WomRulesTelemetry.MeterName).AddAspNetCoreInstrumentation();
        if (builder.Configuration.GetValue<bool>("Telemetry:Console"))
        {
            metrics.AddConsoleExporter();
        }
    })
    .WithTracing(tracing =>
    {
        tracing.AddSource(WomRulesTelemetry.ActivitySourceName).AddAspNetCoreInstrumentation();
        if (builder.Configuration.GetValue<bool>("Telemetry:Console"))
        {
            tracing.AddConsoleExporter();
        }
    });
if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    telemetry.UseOtlpExporter();
}

var app = builder.Build();

// Unhandled errors (a store failure) answer 500 with problem details, never a stack trace.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealthChecks("/health");
app.MapCampaigns();
app.Run();

/// <summary>The service's entry point (public for WebApplicationFactory in tests/WomRules.Service.Tests).</summary>
public partial class Program
{
}
