using WomRules.Packaging.Tests.Support;
using WomRules.Tests.Support;

namespace WomRules.Packaging.Tests;

/// <summary>
/// The smoke test of issue 14: the tool installs from the local feed into a temporary tool path, as on a clean machine,
/// and runs. The nuget.config of the install clears every other source: a tool package carries its dependencies, so the
/// install needs the feed alone (measured: it does).
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class ToolInstallTests(PackageFeed feed)
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void The_tool_installs_from_the_local_feed_alone_and_checks_an_example()
    {
        feed.Packages.Should().Contain(p => Path.GetFileName(p) == $"WomRules.Cli.{PackageFeed.Version}.nupkg");
        var work = feed.NewWorkFolder("tool");
        feed.WriteNuGetConfig(work, feedOnly: true);
        var toolPath = Path.Combine(work, "tools");

        var install = ChildProcess.Run("dotnet", ["tool", "install", "WomRules.Cli", "--tool-path", toolPath, "--version", PackageFeed.Version], work, InstallTimeout);
        install.Succeeded.Should().BeTrue(install.ToString());

        var womrules = Path.Combine(toolPath, "womrules");
        var version = ChildProcess.Run(womrules, ["--version"], work, RunTimeout);
        version.Succeeded.Should().BeTrue(version.ToString());
        // The informational version: 0.1.0, then +commit when built in a git clone.
        version.StandardOutput.Trim().Should().MatchRegex(@"^0\.1\.0(\+[0-9a-f]{40})?$");
        if (GitRepository.Head is { } head)
        {
            version.StandardOutput.Trim().Should().Be($"{PackageFeed.Version}+{head}");
        }

        var campaign = Path.Combine(RepositoryPaths.Examples, "referral", "campaign.yaml");
        var check = ChildProcess.Run(womrules, ["check", campaign], work, RunTimeout);
        check.Succeeded.Should().BeTrue(check.ToString());
        check.StandardError.Should().Contain("0 error(s), 0 warning(s)");

        // And the installed tool reports errors as the built one does (exit 1, positioned diagnostic).
        var broken = Path.Combine(work, "broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(campaign).Replace("on: referral.converted", "on: referral.unknown_event", StringComparison.Ordinal));
        var failing = ChildProcess.Run(womrules, ["check", broken], work, RunTimeout);
        failing.ExitCode.Should().Be(1, failing.ToString());
        (failing.StandardOutput + failing.StandardError).Should().MatchRegex(@"broken\.yaml\(\d+,\d+\): error WOM\d{4}");
    }
}
