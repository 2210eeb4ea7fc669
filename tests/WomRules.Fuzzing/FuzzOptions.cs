namespace WomRules.Fuzzing;

/// <summary>How a run is bounded and where it reports.</summary>
internal sealed record FuzzOptions
{
    /// <summary>The run's seed: case i's seed is derived from it and i alone.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Stop after this many cases (null: only the duration bounds the run).</summary>
    public int? Cases { get; init; }

    /// <summary>Stop after this long (null: only the case count bounds the run).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Per-command time limit; a command still running after it is a hang.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Run each command as a child process (contains hangs, stack overflows and out-of-memory; slower).</summary>
    public bool Isolate { get; init; }

    /// <summary>Also run inputs that a known defect skips (with <see cref="Isolate"/>: they may hang or exhaust memory).</summary>
    public bool IncludeKnown { get; init; }

    /// <summary>Where each failing case is written, one folder per case seed (null: nowhere).</summary>
    public string? FailuresFolder { get; init; }

    /// <summary>Print each case's seed before running it (to find the case that brings a run down).</summary>
    public bool Verbose { get; init; }

    /// <summary>The known defects to tolerate (empty: every finding fails).</summary>
    public IReadOnlyList<KnownDefect> Known { get; init; } = KnownDefects.All;
}
