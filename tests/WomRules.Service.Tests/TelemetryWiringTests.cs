using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace WomRules.Service.Tests;

/// <summary>
/// The service's OpenTelemetry wiring (Program.cs) subscribes to the WomRules meter and activity source: an exporter
/// added by the test, with nothing else changed, sees the engine's instruments and its span inside the request's span.
/// OpenTelemetry subscribes to meters and sources by name, process-wide, so this class runs alone: another test's
/// service in the same process would be counted too.
/// </summary>
[Collection(nameof(TelemetryWiringTests))]
public sealed class TelemetryWiringTests
{
    [Fact]
    public async Task A_posted_event_reaches_the_exporters_as_womrules_metrics_and_a_span_under_the_request()
    {
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        using var factory = new ServiceFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        }));
        using var client = factory.CreateClient();
        var line = File.ReadLines(Path.Combine(ServiceFactory.Examples, "referral", "events.jsonl")).First(l => l.Length > 0);

        using var response = await client.PostAsync("/campaigns/spring-referral/events", new StringContent(line, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush().Should().BeTrue();

        metrics.Select(m => m.Name).Should().Contain(["womrules.events", "womrules.event.duration", "womrules.budget.remaining"]);
        var events = metrics.Last(m => m.Name == "womrules.events");
        var applied = 0L;
        foreach (ref readonly var point in events.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                if (tag is { Key: "womrules.event.result", Value: "applied" })
                {
                    applied += point.GetSumLong();
                }
            }
        }

        applied.Should().Be(1);
        var process = spans.Should().ContainSingle(s => s.OperationName == "womrules.process").Subject;
        process.GetTagItem("womrules.campaign.id").Should().Be("spring-referral");
        var request = spans.Should().ContainSingle(s => s.Kind == ActivityKind.Server).Subject;
        process.ParentSpanId.Should().Be(request.SpanId, "the engine's span belongs to the HTTP request that caused it");
    }
}

[CollectionDefinition(nameof(TelemetryWiringTests), DisableParallelization = true)]
public sealed class TelemetryWiringCollection
{
}
