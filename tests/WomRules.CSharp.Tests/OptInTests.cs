using WomRules.Cli;
using WomRules.CSharp.Tests.Support;
using WomRules.Tests.Support;

namespace WomRules.CSharp.Tests;

/// <summary>C# rules are off unless the host opts in: WOM3031 at the rule's 'lang', through the library and through <c>check</c>.</summary>
public sealed class OptInTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("womrules-csharp-cli-").FullName;

    [Fact]
    public void Without_opt_in_check_fails_with_WOM3031_at_the_lang_value()
    {
        var path = Write(CSharpCampaigns.WithWhen("Event.Rating >= 4"));
        var (exit, stdout) = Cli("check", path);
        exit.Should().Be(1);
        stdout.Should().Contain($"{path}(20,11): error WOM3031: This rule is written in C# ('lang: csharp'), which the host has not enabled; enable AllowCSharp (CLI: --allow-csharp) or rewrite the rule in the campaign language.\n");
    }

    [Fact]
    public void Without_opt_in_run_fails_and_evaluates_nothing()
    {
        var path = Write(CSharpCampaigns.WithWhen("Event.Rating >= 4"));
        var events = Path.Combine(folder, "events.jsonl");
        File.WriteAllText(events, CSharpCampaigns.Review("e-1", 5, "fine") + "\n");
        var (exit, stdout) = Cli("run", path, events);
        exit.Should().Be(1);
        stdout.Should().BeEmpty();
    }

    [Fact]
    public void With_allow_csharp_check_passes_and_run_evaluates()
    {
        var path = Write(CSharpCampaigns.WithWhen("Event.Rating >= 4 && Event.Text.Contains(\"great\")", "Event.Rating * 10"));
        var events = Path.Combine(folder, "events.jsonl");
        File.WriteAllText(events, CSharpCampaigns.Review("e-1", 5, "great stuff") + "\n" + CSharpCampaigns.Review("e-2", 5, "meh") + "\n");

        Cli("check", path, "--allow-csharp").Should().Be((0, ""));
        var (exit, stdout) = Cli("run", path, events, "--allow-csharp");
        exit.Should().Be(0);
        stdout.Should().Be(
            """{"kind":"reward","event":"e-1","rule":"csharp-rule","participant":"u-1","points":50}""" + "\n" +
            """{"kind":"reward","event":"e-1","rule":"csharp-rule","participant":"u-1","counter":"reviews","by":1}""" + "\n");
    }

    [Fact]
    public void Allow_csharp_prints_positioned_allow_list_errors()
    {
        var path = Write(CSharpCampaigns.WithWhen("Event.Rating >= 4 && GC.GetTotalMemory(true) > 0"));
        var (exit, stdout) = Cli("check", path, "--allow-csharp");
        exit.Should().Be(1);
        stdout.Should().StartWith($"{path}(22,28): error WOM7006: 'System.GC' is not on the allow-list");
    }

    [Fact]
    public void AllowCSharp_without_the_compiler_plugged_in_is_WOM7001()
    {
        var options = CompilationOptions.Default with { AllowCSharp = true };
        CSharpCampaigns.Diagnose(CSharpCampaigns.WithWhen("Event.Rating >= 4"), options).Should().Contain("20:11 WOM7001").And.NotContain(d => d.EndsWith("WOM3031", StringComparison.Ordinal));
    }

    [Fact]
    public void WithCSharp_keeps_the_other_options()
    {
        var options = (CompilationOptions.Default with { MaxNestingDepth = 7 }).WithCSharp();
        options.AllowCSharp.Should().BeTrue();
        options.MaxNestingDepth.Should().Be(7);
        CompilationOptions.Default.AllowCSharp.Should().BeFalse("C# rules are off by default");
    }

    [Fact]
    public void The_core_library_does_not_reference_Roslyn() =>
        typeof(CampaignCompilation).Assembly.GetReferencedAssemblies().Select(a => a.Name)
            .Should().NotContain(n => n!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));

    [Fact]
    public void Usage_mentions_the_flag() => CommandLine.Usage.Should().Contain("--allow-csharp");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(folder, "campaign.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static (int Exit, string Stdout) Cli(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString());
    }
}
