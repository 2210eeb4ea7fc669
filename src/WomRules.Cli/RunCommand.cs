using WomRules.Runtime;
using WomRules.Sqlite;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>
/// <c>womrules run CAMPAIGN EVENTS.jsonl|- [--state IN.json | --store DB] [--save-state OUT.json] [--until TIME] [--summary]</c>:
/// prints one outcome per line; '-' reads the events from standard input. <c>--summary</c> adds totals on standard error. With <c>--store</c> the state lives in a SQLite database, checkpointed every
/// <c>--batch-size</c> lines; a batch's outcomes are printed once it is durable (docs/stores.md, "SQLite").
/// </summary>
internal static class RunCommand
{
    /// <summary>What <c>run</c> was asked to do; option values are checked here, so their messages stay the command's own.</summary>
    public sealed record Arguments(string CampaignPath, string EventsPath)
    {
        public string? StatePath { get; init; }

        public string? SaveStatePath { get; init; }

        public string? StorePath { get; init; }

        public string? BatchSize { get; init; }

        public string? Sync { get; init; }

        public string? Until { get; init; }

        public bool AllowCSharp { get; init; }

        public bool Summary { get; init; }
    }

    public static int Run(Arguments arguments, CliConsole console)
    {
        var (stdout, stderr, stdoutBytes) = (console.Out, console.Error, console.OutBytes);
        var (statePath, saveStatePath, storePath, allowCSharp) = (arguments.StatePath, arguments.SaveStatePath, arguments.StorePath, arguments.AllowCSharp);
        var durability = arguments.Sync switch
        {
            null or "full" => SqliteDurability.Full,
            "normal" => SqliteDurability.Normal,
            _ => throw new UsageException("--sync takes full or normal."),
        };

        DateTimeOffset? until = null;
        if (arguments.Until is { } time)
        {
            // A sweep after the last event (spec v1.1 §1): the same timestamps events carry.
            until = EventTimestamp.TryParse(time, out var utc)
                ? new DateTimeOffset(utc, TimeSpan.Zero)
                : throw new UsageException($"--until needs an ISO 8601 time (UTC unless it has an offset, as in events), such as 2026-12-31T00:00:00Z, not '{MessageText.Escape(time)}'.");
        }

        int? batchSize = null;
        if (arguments.BatchSize is { } size)
        {
            batchSize = int.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= SqliteStoreOptions.MaxBatchSize
                ? n
                : throw new UsageException($"--batch-size needs a whole number from 1 to {SqliteStoreOptions.MaxBatchSize}, not '{MessageText.Escape(size)}'.");
        }

        if (arguments.CampaignPath == StandardInput.Argument)
        {
            throw new UsageException("run reads its events from standard input ('-'), not its campaign: give the campaign as a file.");
        }

        if (statePath == StandardInput.Argument || saveStatePath == StandardInput.Argument || storePath == StandardInput.Argument)
        {
            throw new UsageException("'-' is standard input for the events file only; --state, --save-state and --store take files.");
        }

        if (storePath is not null && statePath is not null)
        {
            throw new UsageException("--store and --state both give the starting state: use one (womrules state import puts a state file into a database).");
        }

        if (storePath is null && batchSize is not null)
        {
            throw new UsageException("--batch-size is for --store.");
        }

        var (campaignPath, eventsPath) = (arguments.CampaignPath, arguments.EventsPath);
        var fromStandardInput = eventsPath == StandardInput.Argument;
        var compilation = CampaignLoader.Load(campaignPath, stderr, allowCSharp);
        if (compilation is null)
        {
            return ExitCodes.BadUsage;
        }

        var result = compilation.Emit();
        CampaignLoader.Print(result.Diagnostics, stderr);
        if (result.Campaign is not { } campaign)
        {
            return ExitCodes.CampaignHasErrors;
        }

        if (!fromStandardInput && !File.Exists(eventsPath))
        {
            stderr.WriteLine($"womrules: cannot read the events file '{MessageText.EscapePath(eventsPath)}': no such file.");
            return ExitCodes.BadUsage;
        }

        SqliteCampaignStore? database = null;
        InMemoryParticipantStore store;
        if (storePath is not null)
        {
            try
            {
                database = SqliteCampaignStore.Open(storePath, campaign, new SqliteStoreOptions { Durability = durability });
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                stderr.WriteLine($"womrules: cannot open the store '{MessageText.EscapePath(storePath)}': {MessageText.Escape(ex.Message)}");
                return ExitCodes.BadUsage;
            }

            store = database.State;
        }
        else if (statePath is null)
        {
            store = new InMemoryParticipantStore();
        }
        else
        {
            try
            {
                using var stateStream = File.OpenRead(statePath);
                store = InMemoryParticipantStore.ReadFrom(stateStream, campaign);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                stderr.WriteLine($"womrules: cannot read the state file '{MessageText.EscapePath(statePath)}': {MessageText.Escape(ex.Message)}");
                return ExitCodes.BadUsage;
            }
        }

        var options = new EngineOptions();
        var engine = new CampaignEngine(campaign, store, options);

        // Outcomes bypass the text writer when standard output takes UTF-8 bytes; anything it buffered goes first.
        stdout.Flush();
        using var output = stdoutBytes is null ? new OutcomeLineWriter(stdout) : new OutcomeLineWriter(stdoutBytes, stdout.NewLine);
        using (database)
        {
            var progress = console.ShowsProgress ? new RunProgress(stderr, console.Clock) : null;
            var summary = arguments.Summary ? new RunSummary(campaign) : null;
            var printer = new OutcomePrinter(engine, options, output, database, batchSize ?? SqliteStoreOptions.DefaultBatchSize, progress, summary);
            try
            {
                if (fromStandardInput)
                {
                    using var events = console.OpenInput();
                    EventsFile.Read(events, options.MaxEventLineLength, printer);
                }
                else
                {
                    EventsFile.Read(eventsPath, options.MaxEventLineLength, printer);
                }

                if (until is { } sweep)
                {
                    printer.Sweep(sweep);
                }

                printer.Complete();
                output.Flush();
            }
            finally
            {
                progress?.Clear();
            }

            summary?.Write(stderr, store);
            if (saveStatePath is not null)
            {
                AtomicFile.Write(saveStatePath, stream => store.WriteTo(stream, campaign));
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Runs each line of the events file through the engine and prints its outcomes. With a database, outcomes wait
    /// until their batch is checkpointed, so nothing printed is ever lost to a crash.
    /// </summary>
    private sealed class OutcomePrinter(
        CampaignEngine engine, EngineOptions options, OutcomeLineWriter output, SqliteCampaignStore? database, int batchSize, RunProgress? progress, RunSummary? summary)
        : EventsFile.ISink
    {
        private readonly List<Outcome> outcomes = [];
        private readonly List<byte[]> batchLines = [];
        private int linesInBatch;
        private long lines;
        private long produced;

        public void Line(ReadOnlySpan<byte> utf8Line)
        {
            produced += engine.ProcessJson(utf8Line, outcomes);
            if (database is not null)
            {
                batchLines.Add(utf8Line.ToArray());
            }

            Counted();
        }

        public void Line(string line)
        {
            produced += engine.ProcessJson(line, outcomes);
            if (database is not null)
            {
                batchLines.Add(System.Text.Encoding.UTF8.GetBytes(line));
            }

            Counted();
        }

        public void Sweep(DateTimeOffset time)
        {
            outcomes.AddRange(engine.AdvanceTo(time));
            Complete();
            Print();
        }

        public void TooLong(long length)
        {
            outcomes.Add(RejectedOutcome.LineTooLong(length, options.MaxEventLineLength));
            produced++;
            Counted();
        }

        /// <summary>One more line: counted for the progress line and the summary, then printed.</summary>
        private void Counted()
        {
            lines++;
            if (summary is not null)
            {
                summary.Events = lines;
            }

            progress?.Update(lines, produced);
            Print();
        }

        /// <summary>Writes the whole state (a sweep is not a line the journal could replay), then prints what the last batch holds.</summary>
        public void Complete()
        {
            if (database is not null)
            {
                database.Checkpoint(outcomes);
                batchLines.Clear();
                linesInBatch = 0;
                Write();
            }
        }

        private void Print()
        {
            if (database is not null)
            {
                if (++linesInBatch < batchSize)
                {
                    return;
                }

                database.CommitLines(batchLines, outcomes);
                batchLines.Clear();
                linesInBatch = 0;
            }

            Write();
        }

        private void Write()
        {
            foreach (var outcome in outcomes)
            {
                output.Write(outcome);
                summary?.Add(outcome);
            }

            outcomes.Clear();
        }
    }
}
