using System.Text.RegularExpressions;
using WomRules.Cli;
using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary>The progress line of <c>run</c>: drawn in place on a terminal's stderr at most every 250 ms, erased at the end; nothing otherwise.</summary>
public sealed class RunProgressTests() : CliTestFolder("womrules-progress-")
{
    private static readonly string Campaign = Path.Combine(RepositoryPaths.Examples, "referral", "campaign.yaml");
    private static readonly string Events = Path.Combine(RepositoryPaths.Examples, "referral", "events.jsonl");

    private static (int Exit, string Out, string Err, SteppingClock Clock) RunWith(bool showsProgress, TimeSpan step)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = new SteppingClock(step);
        var exit = CommandLine.Run(["run", Campaign, Events], new CliConsole(stdout, stderr) { ShowsProgress = showsProgress, Clock = clock });
        return (exit, stdout.ToString(), stderr.ToString(), clock);
    }

    [Fact]
    public void On_a_terminal_the_line_is_redrawn_in_place_at_most_every_250_ms_and_erased_at_the_end()
    {
        var plain = RunWith(showsProgress: false, TimeSpan.Zero);
        var (exit, output, error, clock) = RunWith(showsProgress: true, TimeSpan.FromMilliseconds(100));

        exit.Should().Be(0);
        output.Should().Be(plain.Out, "the outcomes do not change");
        var draws = Regex.Matches(error, @"\rwomrules run: ([\d,]+) events, ([\d,]+)/s, ([\d,]+) outcomes, (\d\d:\d\d:\d\d) *").ToList();
        draws.Should().NotBeEmpty();
        draws.Count.Should().BeLessThanOrEqualTo((int)(clock.Elapsed / TimeSpan.FromMilliseconds(250)), "a draw waits 250 ms of the clock after the one before");
        draws.Select(d => long.Parse(d.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeInAscendingOrder().And.OnlyContain(n => n > 0 && n <= File.ReadLines(Events).Count());

        // The end: a carriage return, spaces over the longest line drawn, and a carriage return, so nothing stays.
        error.Should().MatchRegex(@"\r {20,}\r$");
        Regex.Replace(error, @"\r[^\r]*", "").Should().BeEmpty("everything written is rewritten in place");
    }

    [Fact]
    public void With_stderr_redirected_nothing_is_written()
    {
        var (exit, output, error, _) = RunWith(showsProgress: false, TimeSpan.FromSeconds(1));
        exit.Should().Be(0);
        output.Should().NotBeEmpty();
        error.Should().BeEmpty();
    }

    [Fact]
    public void The_process_shows_progress_only_on_a_terminal()
    {
        // The old entry point (tests, the fuzzer) never draws it.
        var stderr = new StringWriter();
        CommandLine.Run(["run", Campaign, Events], new StringWriter(), stderr).Should().Be(0);
        stderr.ToString().Should().BeEmpty();
        new CliConsole(TextWriter.Null, TextWriter.Null).ShowsProgress.Should().BeFalse();
    }

    /// <summary>A clock that moves on by a fixed step each time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long ticks;

        public TimeSpan Elapsed => TimeSpan.FromTicks(ticks);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks += step.Ticks;
    }
}
