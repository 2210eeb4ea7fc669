using System.Text;
using WomRules.Runtime;

namespace WomRules.Cli;

/// <summary><c>womrules run CAMPAIGN EVENTS.jsonl [--state IN.json] [--save-state OUT.json]</c>: prints one outcome per line.</summary>
internal static class RunCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdoutBytes = null)
    {
        string? statePath = null;
        string? saveStatePath = null;
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
            stderr.WriteLine($"womrules: cannot read the events file '{eventsPath}': no such file.");
            return ExitCodes.BadUsage;
        }

        InMemoryParticipantStore store;
        if (statePath is null)
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
                stderr.WriteLine($"womrules: cannot read the state file '{statePath}': {ex.Message}");
                return ExitCodes.BadUsage;
            }
        }

        var options = new EngineOptions();
        var engine = new CampaignEngine(campaign, store, options);
        // Outcomes bypass the text writer when standard output takes UTF-8 bytes; anything it buffered goes first.
        stdout.Flush();
        using var output = stdoutBytes is null ? new OutcomeLineWriter(stdout) : new OutcomeLineWriter(stdoutBytes, stdout.NewLine);
        var outcomes = new List<Outcome>();
        using (var events = new FileStream(eventsPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan))
        {
            if (IsUtf8(events))
            {
                RunUtf8(events, engine, options, outcomes, output);
            }
            else
            {
                RunText(events, engine, options, outcomes, output);
            }
        }

        output.Flush();
        if (saveStatePath is not null)
        {
            AtomicFile.Write(saveStatePath, stream => store.WriteTo(stream, campaign));
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Events files are UTF-8, read as bytes; one that starts with a UTF-16 or UTF-32 byte order mark is decoded as
    /// text, as it always was. Only a file that can seek back is checked: a pipe is read as UTF-8.
    /// </summary>
    private static bool IsUtf8(FileStream events)
    {
        if (!events.CanSeek)
        {
            return true;
        }

        Span<byte> mark = stackalloc byte[4];
        var read = events.ReadAtLeast(mark, mark.Length, throwOnEndOfStream: false);
        events.Position = 0;
        return !Utf8LineReader.StartsWithOtherEncodingMark(mark[..read]);
    }

    private static void RunUtf8(Stream events, CampaignEngine engine, EngineOptions options, List<Outcome> outcomes, OutcomeLineWriter output)
    {
        var reader = new Utf8LineReader(events, options.MaxEventLineLength);
        while (reader.ReadLine(out var line))
        {
            if (line.TooLong)
            {
                outcomes.Add(TooLong(line.Length, options));
            }
            else if (Utf8LineReader.IsBlank(line.Text))
            {
                continue;
            }
            else
            {
                engine.ProcessJson(line.Text, outcomes);
            }

            Write(outcomes, output);
        }
    }

    private static void RunText(Stream events, CampaignEngine engine, EngineOptions options, List<Outcome> outcomes, OutcomeLineWriter output)
    {
        using var text = new StreamReader(events, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var reader = new BoundedLineReader(text, options.MaxEventLineLength);
        while (reader.ReadLine() is { } line)
        {
            if (line.TooLong)
            {
                outcomes.Add(TooLong(line.Length, options));
            }
            else if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }
            else
            {
                engine.ProcessJson(line.Text!, outcomes);
            }

            Write(outcomes, output);
        }
    }

    private static RejectedOutcome TooLong(long length, EngineOptions options) =>
        new(null, $"the line is {length} characters long, more than the limit of {options.MaxEventLineLength}");

    private static void Write(List<Outcome> outcomes, OutcomeLineWriter output)
    {
        foreach (var outcome in outcomes)
        {
            output.Write(outcome);
        }

        outcomes.Clear();
    }
}
