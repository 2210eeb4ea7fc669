using System.Diagnostics;
using System.Reflection;
using System.Xml.Linq;
using NJsonSchema;
using WomRules.Cli;
using WomRules.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace WomRules.Tests.Ci;

/// <summary>
/// The GitHub Actions workflow of docs/ci.md, run as a script: its run: steps with bash on a copy of the examples in a
/// temporary campaigns/ folder, with a womrules script on PATH that starts the CLI built for these tests.
/// </summary>
public sealed class WorkflowTests : IDisposable
{
    /// <summary>The run: steps the test does not execute, and why; any other one it must run.</summary>
    private static readonly Dictionary<string, string> Skipped = new(StringComparer.Ordinal)
    {
        ["Install womrules"] = "the womrules script on PATH stands in for the installed tool (packaging has its own smoke test)",
    };

    private readonly string folder = Directory.CreateTempSubdirectory("womrules-workflow-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_documented_workflow_passes_on_the_examples()
    {
        var (jobEnv, steps) = Workflow();
        steps.Should().NotBeEmpty();
        foreach (var name in RepositoryPaths.ExampleNames)
        {
            Copy(Path.Combine(RepositoryPaths.Examples, name), Path.Combine(folder, "campaigns", name));
        }

        var bin = Directory.CreateDirectory(Path.Combine(folder, ".bin")).FullName;
        var shim = Path.Combine(bin, "womrules");
        File.WriteAllText(shim, $"#!/bin/sh\nexec dotnet exec '{typeof(CommandLine).Assembly.Location}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var executed = new List<string>();
        foreach (var step in steps.Where(s => s.Run is not null))
        {
            if (Skipped.ContainsKey(step.Name))
            {
                continue;
            }

            step.Run.Should().Contain("womrules", "step '{0}' runs womrules, or is listed as skipped with a reason", step.Name);
            var (exit, output) = await Bash(step.Run!, bin, jobEnv.Concat(step.Env));
            exit.Should().Be(0, "step '{0}' failed:\n{1}", step.Name, output);
            executed.Add(step.Name);
        }

        steps.Where(s => s.Run is not null).Select(s => s.Name).Should().BeEquivalentTo(executed.Concat(Skipped.Keys), "every run: step was executed or deliberately skipped");
        steps.Where(s => s.Run is null).Should().OnlyContain(s => s.Uses != null, "a step without run: is a GitHub action");

        var sarif = File.ReadAllText(Path.Combine(folder, "results.sarif"));
        var schemaPath = typeof(WorkflowTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SarifSchema").Value!;
        (await JsonSchema.FromFileAsync(schemaPath)).Validate(sarif).Should().BeEmpty();

        var junit = XDocument.Load(Path.Combine(folder, "womrules-tests.xml"));
        var suites = junit.Descendants("testsuite").ToList();
        suites.Should().HaveCount(RepositoryPaths.ExampleNames.Count());
        suites.Sum(s => (int)s.Attribute("tests")!).Should().BeGreaterThan(0);
        suites.Should().OnlyContain(s => (int)s.Attribute("failures")! == 0);
    }

    [Fact]
    public void The_workflow_checks_formats_and_tests_a_folder_and_uploads_sarif()
    {
        var (_, steps) = Workflow();
        var runs = string.Join('\n', steps.Select(s => s.Run));
        runs.Should().Contain("womrules check campaigns/ --format sarif").And.Contain("womrules fmt --check campaigns/").And.Contain("womrules test campaigns/ --format junit");
        steps.Select(s => s.Uses).Should().Contain(u => u != null && u.StartsWith("github/codeql-action/upload-sarif", StringComparison.Ordinal));
    }

    private sealed record Step(string Name, string? Run, string? Uses, Dictionary<string, string> Env);

    private static (Dictionary<string, string> JobEnv, List<Step> Steps) Workflow()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "ci.md"));
        var section = doc[doc.IndexOf("## A GitHub Actions workflow", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)];
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
        var job = (YamlMappingNode)jobs.Children.Single().Value;
        var steps = ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().Select(step => new Step(
            Scalar(step, "name") ?? Scalar(step, "uses") ?? "",
            Scalar(step, "run"),
            Scalar(step, "uses"),
            Env(step))).ToList();
        return (Env(job), steps);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static Dictionary<string, string> Env(YamlMappingNode node) =>
        node.Children.TryGetValue(new YamlScalarNode("env"), out var env)
            ? ((YamlMappingNode)env).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private async Task<(int Exit, string Output)> Bash(string script, string bin, IEnumerable<KeyValuePair<string, string>> env)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-eo");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.GetDirectories(from))
        {
            Copy(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }
}
