using WomRules.Runtime;
using WomRules.Sqlite;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>
/// <c>womrules run CAMPAIGN EVENTS.jsonl [--state IN.json | --store DB] [--save-state OUT.json] [--until TIME]</c>:
/// prints one outcome per line. With <c>--store</c> the state lives in a SQLite database, checkpointed every
/// <c>--batch-size</c> lines; a batch's outcomes are printed once it is durable (docs/stores.md, "SQLite").
/// </summary>
internal static class RunCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdoutBytes = null)
    {
        string? statePath = null;
        string? saveStatePath = null;
        string? storePath = null;
        int? batchSize = null;
        var durability = SqliteDurability.Full;
        DateTimeOffset? until = null;
        var allowCSharp = false;
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--state":
                    statePath = i + 1 < args.Length ? args[++i] : throw new UsageException("--state needs a file.");
                    break;
                case CampaignLoader.AllowCSharpFlag:
                    allowCSharp = true;
                    break;
                case "--until":
                    // A sweep after the last event (spec v1.1 §1): the same timestamps events carry.
                    var time = i + 1 < args.Length ? args[++i] : throw new UsageException("--until needs a time, such as 2026-12-31T00:00:00Z.");
                    until = EventTimestamp.TryParse(time, out var utc)
                        ? new DateTimeOffset(utc, TimeSpan.Zero)
                        : throw new UsageException($"--until needs an ISO 8601 time (UTC unless it has an offset, as in events), such as 2026-12-31T00:00:00Z, not '{MessageText.Escape(time)}'.");
                    break;
                case "--store":
                    storePath = i + 1 < args.Length ? args[++i] : throw new UsageException("--store needs a database file.");
                    break;
                case "--batch-size":
                    var size = i + 1 < args.Length ? args[++i] : throw new UsageException("--batch-size needs a number of events.");
                    batchSize = int.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= SqliteStoreOptions.MaxBatchSize
                        ? n
                        : throw new UsageException($"--batch-size needs a whole number from 1 to {SqliteStoreOptions.MaxBatchSize}, not '{MessageText.Escape(size)}'.");
                    break;
                case "--sync":
                    durability = (i + 1 < args.Length ? args[++i] : null) switch
                    {
                        "full" => SqliteDurability.Full,
                        "normal" => SqliteDurability.Normal,
                        _ => throw new UsageException("--sync takes full or normal."),
                    };
                    break;
                case "--save-state":
                    saveStatePath = i + 1 < args.Length ? args[++i] : throw new UsageException("--save-state needs a file.");
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new UsageException($"unknown option '{args[i]}'.");
                    }

                    positional.Add(args[i]);
                    break;
            }
        }

        if (positional.Count != 2)
        {
            throw new UsageException("run takes a campaign file and an events file.");
        }

        if (storePath is not null && statePath is not null)
        {
            throw new UsageException("--store and --state both give the starting state: use one (womrules state import puts a state file into a database).");
        }

        if (storePath is null && batchSize is not null)
        {
            throw new UsageException("--batch-size is for --store.");
        }

        var (campaignPath, eventsPath) = (positional[0], positional[1]);
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

        if (!File.Exists(eventsPath))
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
            var printer = new OutcomePrinter(engine, options, output, database, batchSize ?? SqliteStoreOptions.DefaultBatchSize);
            EventsFile.Read(eventsPath, options.MaxEventLineLength, printer);
            if (until is { } sweep)
            {
                printer.Sweep(sweep);
            }

            printer.Complete();
            output.Flush();
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
    private sealed class OutcomePrinter(CampaignEngine engine, EngineOptions options, OutcomeLineWriter output, SqliteCampaignStore? database, int batchSize) : EventsFile.ISink
    {
        private readonly List<Outcome> outcomes = [];
        private readonly List<byte[]> batchLines = [];
        private int linesInBatch;

        public void Line(ReadOnlySpan<byte> utf8Line)
        {
            engine.ProcessJson(utf8Line, outcomes);
            if (database is not null)
            {
                batchLines.Add(utf8Line.ToArray());
            }

            Print();
        }

        public void Line(string line)
        {
            engine.ProcessJson(line, outcomes);
            if (database is not null)
            {
                batchLines.Add(System.Text.Encoding.UTF8.GetBytes(line));
            }

            Print();
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
            }

            outcomes.Clear();
        }
    }
}
