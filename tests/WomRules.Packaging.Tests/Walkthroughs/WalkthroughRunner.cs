using System.Diagnostics;
using System.Text;
using WomRules.Packaging.Tests.Support;
using WomRules.Tests.Support;

namespace WomRules.Packaging.Tests.Walkthroughs;

/// <summary>
/// Follows a walkthrough as a reader would, in a new empty folder under the system's temp folder (outside the
/// repository, so no Directory.Build.props or Directory.Packages.props of ours applies) whose nuget.config adds the
/// local feed to the configured sources:
/// shell and file blocks in document order (each shell block one bash script with set -e, starting in that folder);
/// then the run block. Without a request block the run must end with exit code 0 and its stdout contain every line of
/// the output block. With one, the run is started in the background, the request is retried until it succeeds, its
/// stdout must contain every line of the output block, and the run's process tree is killed. A local URL the run listens
/// on (http://127.0.0.1:PORT) is moved, in the run and the request alike, to a port free at the time.
/// </summary>
public sealed partial class WalkthroughRunner(PackageFeed feed)
{
    /// <summary>Per shell block, and for a run to completion: a first restore and build of a new app.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How long a background run may take to serve its first request (it builds first).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Per attempt of the request block.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly StringBuilder transcript = new();

    public void Follow(Walkthrough walkthrough)
    {
        var folder = feed.NewWorkFolder(walkthrough.Name);
        OutsideAnyRepository(folder);
        feed.WriteNuGetConfig(folder, feedOnly: false);
        var scripts = Directory.CreateDirectory(Path.Combine(feed.Root, $"scripts-{Guid.NewGuid():N}")).FullName;

        foreach (var block in walkthrough.Setup)
        {
            if (block.Kind == WalkthroughBlockKind.File)
            {
                var path = Path.Combine(folder, block.Path!);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, block.Content);
                transcript.Append($"[line {block.Line}] wrote {block.Path}\n");
                continue;
            }

            var result = Bash(scripts, block, folder).WaitOrKill(StepTimeout);
            Record(block, result);
            result.Succeeded.Should().BeTrue($"the shell block at line {block.Line} must succeed\n{transcript}");
        }

        if (walkthrough.Request is null)
        {
            var result = Bash(scripts, walkthrough.Run, folder).WaitOrKill(StepTimeout);
            Record(walkthrough.Run, result);
            result.Succeeded.Should().BeTrue($"the run block at line {walkthrough.Run.Line} must succeed\n{transcript}");
            ShouldContainEveryLine(result.StandardOutput, walkthrough);
            return;
        }

        var (run, request) = OnFreePort(walkthrough.Run, walkthrough.Request);
        using var app = Bash(scripts, run, folder);
        var served = WaitForRequest(scripts, request, folder, app);
        Record(run, app.Stop());
        served.Should().NotBeNull($"the request at line {walkthrough.Request.Line} must succeed within {StartTimeout.TotalSeconds} s of the run at line {walkthrough.Run.Line}\n{transcript}");
        ShouldContainEveryLine(served!.StandardOutput, walkthrough);
    }

    /// <summary>
    /// The page's fixed local port, in the run and the request, becomes one that is free now: a second run beside this
    /// one (or anything else on that port) would otherwise answer the request, or stop the app from listening.
    /// </summary>
    private (WalkthroughBlock Run, WalkthroughBlock Request) OnFreePort(WalkthroughBlock run, WalkthroughBlock request)
    {
        var match = LocalUrl().Match(run.Content);
        if (!match.Success)
        {
            return (run, request);
        }

        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var free = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var page = match.Value;
        var here = $"http://127.0.0.1:{free}";
        transcript.Append($"{here} stands for the page's {page}\n");
        return (run with { Content = run.Content.Replace(page, here, StringComparison.Ordinal) }, request with { Content = request.Content.Replace(page, here, StringComparison.Ordinal) });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"http://127\.0\.0\.1:[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex LocalUrl();

    private ProcessResult? WaitForRequest(string scripts, WalkthroughBlock request, string folder, ChildProcess app)
    {
        var clock = Stopwatch.StartNew();
        ProcessResult? last = null;
        while (clock.Elapsed < StartTimeout && !app.HasExited)
        {
            last = Bash(scripts, request, folder).WaitOrKill(RequestTimeout);
            if (last.Succeeded)
            {
                Record(request, last);
                return last;
            }

            Thread.Sleep(RetryDelay);
        }

        if (last is not null)
        {
            Record(request, last);
        }

        transcript.Append(app.HasExited ? "the run ended before the request succeeded\n" : "");
        return null;
    }

    private void ShouldContainEveryLine(string output, Walkthrough walkthrough)
    {
        var missing = walkthrough.ExpectedLines.Where(line => !output.Contains(line, StringComparison.Ordinal)).ToList();
        missing.Should().BeEmpty($"the output must contain every line of the output block at line {walkthrough.Output.Line}; it was:\n{output}\n{transcript}");
    }

    private ChildProcess Bash(string scripts, WalkthroughBlock block, string folder)
    {
        var script = Path.Combine(scripts, $"line-{block.Line}-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, "set -e\n" + block.Content);
        return ChildProcess.Start("bash", [script], folder, feed.AppEnvironment);
    }

    private void Record(WalkthroughBlock block, ProcessResult result) =>
        transcript.Append($"[line {block.Line}, {block.Kind.ToString().ToLowerInvariant()}]\n{block.Content}{result}\n");

    /// <summary>No project file, props, or nuget.config of ours (or of anyone) above the folder.</summary>
    private static void OutsideAnyRepository(string folder)
    {
        folder.Should().NotStartWith(RepositoryPaths.Root);
        for (var directory = Directory.GetParent(folder); directory is not null; directory = directory.Parent)
        {
            directory.GetFiles().Select(f => f.Name.ToLowerInvariant())
                .Should().NotContain(["directory.build.props", "directory.build.targets", "directory.packages.props", "global.json", "nuget.config"],
                    "the app must build as on a user's machine, and {0} would change that", directory.FullName);
        }
    }
}
