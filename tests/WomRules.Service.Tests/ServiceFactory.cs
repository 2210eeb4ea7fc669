using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace WomRules.Service.Tests;

/// <summary>The real service pipeline (examples/service), with settings laid over its appsettings.json.</summary>
internal sealed class ServiceFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public static string Examples { get; } = FindExamples();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
    }

    private static string FindExamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var examples = Path.Combine(directory.FullName, "examples");
            if (File.Exists(Path.Combine(examples, "service", "WomRules.Service.csproj")))
            {
                return examples;
            }
        }

        throw new InvalidOperationException("examples/ not found above the test assembly");
    }
}
