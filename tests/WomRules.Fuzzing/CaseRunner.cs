using System.Text;
using WomRules.Formatting;

namespace WomRules.Fuzzing;

/// <summary>
/// Runs one case through the commands of its target and checks every property on each result: campaigns through
/// check, fmt, convert, run and the round trip; events and state files through run.
/// </summary>
internal sealed class CaseRunner(ICli cli)
{
    public CaseReport Run(FuzzCase fuzzCase, string folder)
    {
        Directory.CreateDirectory(folder);
        var campaign = Path.Combine(folder, fuzzCase.CampaignFile);
        var events = Path.Combine(folder, "events.jsonl");
        File.WriteAllBytes(campaign, fuzzCase.Campaign);
        File.WriteAllBytes(events, fuzzCase.Events);
        string? state = null;
        if (fuzzCase.State is not null)
        {
            state = Path.Combine(folder, "state.json");
            File.WriteAllBytes(state, fuzzCase.State);
        }

        var context = new Context(cli, folder);
        if (fuzzCase.Target is FuzzTarget.YamlCampaign or FuzzTarget.DslCampaign)
        {
            CampaignCase(context, campaign, events);
        }
        else
        {
            context.RunAndCheck(campaign, events, state, fuzzCase.Target == FuzzTarget.State ? "state" : "events");
        }

        return new CaseReport(fuzzCase, context.Findings, context.Commands, context.BudgetChecked, context.RoundTripCompared);
    }

    private void CampaignCase(Context context, string campaign, string events)
    {
        var check = context.Invoke("check", campaign);
        context.Findings.AddRange(Oracle.Diagnostics(check, check.Stdout, campaign));
        context.Findings.AddRange(Oracle.CheckCounts(check, campaign));

        var fmt = context.Invoke("fmt", campaign);
        if (fmt.ExitCode == 1)
        {
            context.Findings.AddRange(Oracle.Diagnostics(fmt, fmt.Stdout, campaign));
        }

        var from = CampaignFormats.FromPath(campaign);
        var to = from == CampaignFormat.Dsl ? CampaignFormat.Yaml : CampaignFormat.Dsl;
        var convert = context.Invoke("convert", campaign, "--to", Word(to));
        if (convert.ExitCode == 1)
        {
            context.Findings.AddRange(Oracle.Diagnostics(convert, convert.Stdout, campaign));
        }

        if (check.ExitCode != 0)
        {
            return;
        }

        var original = context.RunAndCheck(campaign, events, null, "original");
        if (original is null)
        {
            return;
        }

        // A writer may refuse what the other form cannot say (issue 10, defect 8: "escape or refuse"), with positioned
        // diagnostics (checked above); what it writes must compile and behave the same.
        if (convert.ExitCode != 0)
        {
            return;
        }

        // There (the other form) and back (the original form): each must compile and give the same outcomes.
        var there = Path.Combine(context.Folder, "converted" + CampaignFormats.Extension(to));
        File.WriteAllText(there, convert.Stdout, new UTF8Encoding(false));
        if (!context.Compare(there, events, original, $"{Word(from)} -> {Word(to)}"))
        {
            return;
        }

        var back = context.Invoke("convert", there, "--to", Word(from));
        if (back.ExitCode == 1)
        {
            context.Findings.AddRange(Oracle.Diagnostics(back, back.Stdout, there));
        }

        if (back.ExitCode != 0)
        {
            return;
        }

        var backPath = Path.Combine(context.Folder, "back" + CampaignFormats.Extension(from));
        File.WriteAllText(backPath, back.Stdout, new UTF8Encoding(false));
        context.Compare(backPath, events, original, $"{Word(from)} -> {Word(to)} -> {Word(from)}");
    }

    private static string Word(CampaignFormat format) => format == CampaignFormat.Dsl ? "dsl" : "yaml";


    private sealed class Context(ICli cli, string folder)
    {
        private int run;

        public string Folder { get; } = folder;

        public List<Finding> Findings { get; } = [];

        public int Commands { get; private set; }

        public bool BudgetChecked { get; private set; }

        public bool RoundTripCompared { get; private set; }

        public CliResult Invoke(params string[] args)
        {
            Commands++;
            var result = cli.Run(args);
            Findings.AddRange(Oracle.Basic(result));
            return result;
        }

        /// <summary>Runs the events through a campaign, saving the state; checks outcomes and money. Null unless it exits 0.</summary>
        public CliResult? RunAndCheck(string campaign, string events, string? state, string label)
        {
            var saved = Path.Combine(Folder, $"saved-{label}-{run++}.json");
            var args = new List<string> { "run", campaign, events, "--save-state", saved };
            if (state is not null)
            {
                args.AddRange(["--state", state]);
            }

            var result = Invoke([.. args]);
            Findings.AddRange(Oracle.Diagnostics(result, result.Stderr, campaign));
            if (result.ExitCode != 0)
            {
                return null;
            }

            Findings.AddRange(Oracle.Outcomes(result, out var outcomes));
            var budget = CampaignCompilation.FromFile(campaign).Emit().Campaign?.Bound.Budget;
            Findings.AddRange(Oracle.Budget(result, outcomes, budget?.Points, budget?.Credit, File.Exists(saved) ? File.ReadAllText(saved) : null));
            BudgetChecked = true;
            return result;
        }

        /// <summary>The converted campaign runs and prints exactly what the original printed.</summary>
        public bool Compare(string converted, string events, CliResult original, string how)
        {
            var result = RunAndCheck(converted, events, null, "converted");
            if (result is null)
            {
                Findings.Add(new Finding(Properties.RoundTrip, "womrules run " + converted, $"{how}: the converted campaign does not run"));
                return false;
            }

            RoundTripCompared = true;
            var a = Oracle.SplitLines(original.Stdout);
            var b = Oracle.SplitLines(result.Stdout);
            var differ = Enumerable.Range(0, Math.Max(a.Length, b.Length)).FirstOrDefault(i => i >= a.Length || i >= b.Length || a[i] != b[i], -1);
            if (differ >= 0)
            {
                Findings.Add(new Finding(Properties.RoundTrip, result.Command,
                    $"{how}: outcome {differ + 1} differs: {Oracle.Escape(differ < a.Length ? a[differ] : "(none)")} became {Oracle.Escape(differ < b.Length ? b[differ] : "(none)")}"));
                return false;
            }

            return true;
        }
    }
}
