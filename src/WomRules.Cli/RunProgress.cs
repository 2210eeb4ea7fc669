using System.Globalization;

namespace WomRules.Cli;

/// <summary>
/// The progress line of a long <c>run</c>, on standard error when a person watches it (<see cref="CliConsole.ShowsProgress"/>):
/// events, events per second, outcomes and elapsed time, redrawn in place with '\r' at most every
/// <see cref="Interval"/>, and erased when the run ends, so nothing of it stays in the terminal or in the output.
/// </summary>
internal sealed class RunProgress(TextWriter error, TimeProvider clock)
{
    /// <summary>At most four redraws a second: enough to see it move, too few to cost anything.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly long start = clock.GetTimestamp();
    private long lastDrawn = clock.GetTimestamp();
    private int width;

    public void Update(long events, long outcomes)
    {
        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(lastDrawn, now) < Interval)
        {
            return;
        }

        lastDrawn = now;
        var elapsed = clock.GetElapsedTime(start, now);
        var rate = elapsed.TotalSeconds > 0 ? events / elapsed.TotalSeconds : 0;
        var line = string.Create(CultureInfo.InvariantCulture, $"womrules run: {events:N0} events, {rate:N0}/s, {outcomes:N0} outcomes, {elapsed:hh\\:mm\\:ss}");
        error.Write("\r" + line.PadRight(width));
        error.Flush();
        width = line.Length;
    }

    /// <summary>Erases the line, if one was drawn.</summary>
    public void Clear()
    {
        if (width > 0)
        {
            error.Write("\r" + new string(' ', width) + "\r");
            error.Flush();
            width = 0;
        }
    }
}
