using System.CommandLine;
using System.CommandLine.Help;
using WomRules.Cli.Testing;

namespace WomRules.Cli.CommandLineParsing;

/// <summary>
/// Every command and option of <c>womrules</c>, declared once for System.CommandLine: it parses, writes each
/// command's --help, completes words for the shell (the [suggest] directive) and finds the near misses of a typo.
/// Values are handed to the commands as they were typed; a command checks them, so its messages stay its own.
/// </summary>
internal static class CommandTree
{
    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand("Check, run, format and test word-of-mouth campaign files.")
        {
            Check(console),
            Run(console),
            Convert(console),
            Format(console),
            Test(console),
            Schema(console),
            State(console),
        };

        // Help names the tool as it is installed, not the process that hosts it (dotnet, or a test host).
        root.HelpName = "womrules";
        RejectUnknownOptions(root);
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help when help.Action is HelpAction builtIn:
                    builtIn.MaxWidth = 110;
                    help.Action = new UsageOrHelpAction(builtIn);
                    break;
                case VersionOption version:
                    version.Action = new VersionAction();
                    break;
            }
        }

        return root;
    }

    private static Command Check(CliConsole console)
    {
        var campaign = CampaignArgument("a campaign file, a folder of them (checked recursively), or '-' for standard input");
        var format = FormatOption(CheckCommand.Formats, "how diagnostics are printed: text, json or sarif (SARIF 2.1.0, for code scanning)");
        var allowCSharp = AllowCSharp();
        var command = new Command("check", "Print a campaign's diagnostics; exit 1 when it has errors.") { campaign, format, allowCSharp };
        command.SetAction(parse => CheckCommand.Run(parse.GetRequiredValue(campaign), parse.GetValue(format)!, parse.GetValue(allowCSharp), console));
        return command;
    }

    private static Command Run(CliConsole console)
    {
        var campaign = CampaignArgument("the campaign file");
        var events = new Argument<string>("EVENTS") { Description = "the events, one JSON object a line (JSONL), or '-' for standard input" };
        var state = new Option<string>("--state") { HelpName = "IN.json", Description = "start from this state file" };
        var store = new Option<string>("--store") { HelpName = "DB", Description = "keep the state in this SQLite database (created when missing)" };
        var batchSize = new Option<string>("--batch-size") { HelpName = "N", Description = "events per transaction with --store (default 1000)" };
        var sync = new Option<string>("--sync") { HelpName = "full|normal", Description = "SQLite durability with --store (default full)" };
        sync.CompletionSources.Add("full", "normal");
        var saveState = new Option<string>("--save-state") { HelpName = "OUT.json", Description = "write the state to this file at the end, atomically" };
        var until = new Option<string>("--until") { HelpName = "TIME", Description = "then sweep the clock to this time (expiries, releases)" };
        var summary = new Option<bool>("--summary") { Description = "after the run, print totals per rule and the budget used and left to standard error" };
        var allowCSharp = AllowCSharp();
        var command = new Command("run", "Evaluate a campaign over events; print one JSON outcome a line.")
        {
            campaign, events, state, store, batchSize, sync, saveState, until, summary, allowCSharp,
        };
        command.SetAction(parse => RunCommand.Run(
            new RunCommand.Arguments(parse.GetRequiredValue(campaign), parse.GetRequiredValue(events))
            {
                StatePath = parse.GetValue(state),
                StorePath = parse.GetValue(store),
                BatchSize = parse.GetValue(batchSize),
                Sync = parse.GetValue(sync),
                SaveStatePath = parse.GetValue(saveState),
                Until = parse.GetValue(until),
                Summary = parse.GetValue(summary),
                AllowCSharp = parse.GetValue(allowCSharp),
            },
            console));
        return command;
    }

    private static Command Convert(CliConsole console)
    {
        var campaign = CampaignArgument("the campaign file, or '-' for standard input (its form sniffed from the text)");
        var to = new Option<string>("--to") { HelpName = "dsl|yaml", Description = "the form to print", Required = true };
        to.CompletionSources.Add(ConvertCommand.Targets);
        var command = new Command("convert", "Print a campaign in the other form (YAML or the text DSL).") { campaign, to };
        command.SetAction(parse => ConvertCommand.Run(parse.GetRequiredValue(campaign), parse.GetRequiredValue(to), console));
        return command;
    }

    private static Command Format(CliConsole console)
    {
        var campaigns = new Argument<string[]>("CAMPAIGN")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "campaign files or folders (with --check or --write), or '-' for standard input",
        };
        var check = new Option<bool>("--check") { Description = "list the files not in canonical layout; exit 1 if any" };
        var write = new Option<bool>("--write") { Description = "rewrite the files not in canonical layout, in place" };
        var command = new Command("fmt", "Print a campaign in canonical layout, or check or rewrite files.") { campaigns, check, write };
        command.SetAction(parse => FormatCommand.Run(parse.GetRequiredValue(campaigns), parse.GetValue(check), parse.GetValue(write), console));
        return command;
    }

    private static Command Test(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "scenario files (*.tests.yaml) or folders to search (default: the current folder)",
        };
        var accept = new Option<bool>("--accept") { Description = "approve what the campaigns do now (rewrite the snapshots)" };
        var format = FormatOption(TestCommand.Formats, "text, or junit (JUnit XML on standard output)");
        var allowCSharp = AllowCSharp();
        var command = new Command("test", "Run scenario files against their approved snapshots.") { paths, accept, format, allowCSharp };
        command.SetAction(parse => TestCommand.Run(parse.GetValue(paths) ?? [], parse.GetValue(accept), parse.GetValue(allowCSharp), parse.GetValue(format)!, console));
        return command;
    }

    private static Command Schema(CliConsole console)
    {
        var scenario = new Option<bool>("--scenario") { Description = "the schema of scenario files instead of campaign files" };
        var command = new Command("schema", "Print the JSON Schema of campaign files, for editors.") { scenario };
        command.SetAction(parse => SchemaCommand.Run(parse.GetValue(scenario), console.Out));
        return command;
    }

    private static Command State(CliConsole console)
    {
        var sealPath = new Argument<string>("STATE.json") { Description = "the state file to seal" };
        var sealCampaign = CampaignOption("validate against this campaign too");
        var sealCSharp = AllowCSharp();
        var seal = new Command("seal", "After a deliberate edit, write a state file's matching checksum, in place.") { sealPath, sealCampaign, sealCSharp };
        seal.SetAction(parse => StateCommand.Seal(parse.GetRequiredValue(sealPath), parse.GetValue(sealCampaign), parse.GetValue(sealCSharp), console));

        var exportPath = new Argument<string>("DB") { Description = "the SQLite database" };
        var exportCampaign = CampaignOption("replay a stopped run's journal first");
        var exportCSharp = AllowCSharp();
        var export = new Command("export", "Print a SQLite store's state as a state file.") { exportPath, exportCampaign, exportCSharp };
        export.SetAction(parse => StateCommand.Export(parse.GetRequiredValue(exportPath), parse.GetValue(exportCampaign), parse.GetValue(exportCSharp), console));

        var importState = new Argument<string>("STATE.json") { Description = "the state file" };
        var importPath = new Argument<string>("DB") { Description = "the SQLite database (created when missing)" };
        var importCampaign = CampaignOption("the campaign the state belongs to");
        importCampaign.Required = true;
        var importCSharp = AllowCSharp();
        var import = new Command("import", "Put a state file into a SQLite store.") { importState, importPath, importCampaign, importCSharp };
        import.SetAction(parse => StateCommand.Import(
            parse.GetRequiredValue(importState), parse.GetRequiredValue(importPath), parse.GetRequiredValue(importCampaign), parse.GetValue(importCSharp), console));

        return new Command("state", "Seal, export or import campaign state.") { seal, export, import };
    }

    /// <summary>
    /// System.CommandLine takes an unknown '--word' for an argument when one is still missing; like the old parser, a
    /// word that starts with '-' (other than '-' itself, standard input) is an unknown option. A file whose name starts
    /// with '-' is given as ./-name.
    /// </summary>
    private static void RejectUnknownOptions(Command command)
    {
        foreach (var argument in command.Arguments)
        {
            argument.Validators.Add(result =>
            {
                foreach (var token in result.Tokens.Where(t => IsOptionLike(t.Value)))
                {
                    result.AddError($"unknown option '{token.Value}'.");
                }
            });
        }

        foreach (var sub in command.Subcommands)
        {
            RejectUnknownOptions(sub);
        }
    }

    public static bool IsOptionLike(string word) => word.Length > 1 && word[0] == '-';

    private static Argument<string> CampaignArgument(string description) => new("CAMPAIGN") { Description = description };

    private static Option<string> CampaignOption(string description) => new("--campaign") { HelpName = "CAMPAIGN", Description = description };

    private static Option<bool> AllowCSharp() => new(CampaignLoader.AllowCSharpFlag) { Description = "allow C# rules (lang: csharp); off by default" };

    private static Option<string> FormatOption(string[] formats, string description)
    {
        var option = new Option<string>("--format") { HelpName = string.Join('|', formats), Description = description, DefaultValueFactory = _ => formats[0] };
        option.CompletionSources.Add(formats);
        return option;
    }
}
