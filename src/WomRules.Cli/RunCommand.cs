using System.Text;
using WomRules.Runtime;

namespace WomRules.Cli;

/// <summary><c>womrules run CAMPAIGN EVENTS.jsonl [--state IN.json] [--save-state OUT.json]</c>: prints one outcome per line.</summary>
internal static class RunCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
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
        using var events = new StreamReader(eventsPath, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        var reader = new BoundedLineReader(events, options.MaxEventLineLength);
        using var output = new OutcomeLineWriter(stdout);
        var outcomes = new List<Outcome>();
        while (reader.ReadLine() is { } line)
        {
            if (line.TooLong)
            {
                outcomes.Add(new RejectedOutcome(null, $"the line is {line.Length} characters long, more than the limit of {options.MaxEventLineLength}"));
            }
            else if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }
            else
            {
                engine.ProcessJson(line.Text!, outcomes);
            }

            foreach (var outcome in outcomes)
            {
                output.Write(outcome);
            }

            outcomes.Clear();
        }

        output.Flush();
        if (saveStatePath is not null)
        {
            AtomicFile.Write(saveStatePath, stream => store.WriteTo(stream, campaign));
        }

        return ExitCodes.Success;
    }
}
