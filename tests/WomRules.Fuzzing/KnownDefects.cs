using System.Text.Json;
using System.Text.RegularExpressions;

namespace WomRules.Fuzzing;

/// <summary>
/// TEMPORARY. The defects of issue 10 that this harness finds on today's code and that other changes fix. Each entry
/// names its defect and matches only that defect's shape (a property and the kind of input that breaks it). Delete
/// an entry when its fix is merged, then run the short run (<c>dotnet test tests/WomRules.Fuzzing</c>) and a long
/// one: what the entry hid must be gone. When the list is empty, delete this file and the Known option.
/// </summary>
internal static partial class KnownDefects
{
    public static IReadOnlyList<KnownDefect> All { get; } =
    [
        new(1, "budget and running totals use unchecked long addition: a huge reward wraps the total and passes the budget",
            Covers: (c, f) => f.Property == Properties.Budget && c.Target != FuzzTarget.State && OverflowsLong(f.Detail)),
        new(3, "a state file with a lone surrogate or invalid UTF-8 in a string crashes run",
            Covers: (c, f) => c.Target == FuzzTarget.State && f.Property is Properties.Crash or Properties.StackTrace or Properties.ExitCode
                && (f.Detail.Contains("UTF-8", StringComparison.Ordinal) || f.Detail.Contains("UTF-16", StringComparison.Ordinal))),
        new(4, "a hand-edited state file is accepted without validation (budget used beyond the budget, or negative)",
            Covers: (c, f) => c.Target == FuzzTarget.State && f.Property == Properties.Budget && InputStateOutsideBudget(c)),
        new(5, "a 'matches' pattern with nested repetition passes check and can run for minutes",
            Covers: (c, f) => f.Property == Properties.Hang && NestedRepetition().IsMatch(c.CampaignText),
            Skips: c => NestedRepetition().IsMatch(c.CampaignText)),
        new(6, "a long chain of string '+' passes check and can take gigabytes on one event",
            Covers: (c, f) => f.Property is Properties.Hang or Properties.Crash && LongConcatenation(c.CampaignText),
            Skips: c => LongConcatenation(c.CampaignText)),
        new(8, "convert writes U+2028, U+2029, U+0085 and control characters raw, where the target syntax reads a line break",
            Covers: (c, f) => f.Property == Properties.RoundTrip && (c.CampaignText.Any(IsBreakOrControl) || Escapes().IsMatch(c.CampaignText))),
        new(9, "a DSL name longer than the YAML scalar limit passes check but its YAML conversion fails",
            Covers: (c, f) => f.Property == Properties.RoundTrip && c.Target == FuzzTarget.DslCampaign && LongestWord(c.CampaignText) > 64 * 1024),
        new(10, "user text in a diagnostic is printed raw: control characters and line breaks can forge or split diagnostics",
            Covers: (c, f) => f.Property == Properties.DiagnosticPosition && (c.CampaignText.Any(IsBreakOrControl) || Escapes().IsMatch(c.CampaignText))),
        // Defect 10's shape in a state file's message (which defects 3 and 4 also rework): run quotes System.Text.Json's
        // message, which quotes the bad token raw, line breaks included, so one message spans many lines.
        new(10, "a malformed state file's message quotes the file's text raw, over several lines",
            Covers: (c, f) => c.Target == FuzzTarget.State && f.Property == Properties.DiagnosticPosition && f.Command.StartsWith("womrules run ", StringComparison.Ordinal)),
    ];

    /// <summary>A group holding a quantifier, itself quantified: <c>(a{1,50}){1,50}</c>, <c>((a+)+)+</c> (linear time: inputs are hostile here too).</summary>
    [GeneratedRegex(@"\((?:[^()]|\([^()]*\))*[+*}]\)[+*{]", RegexOptions.NonBacktracking)]
    private static partial Regex NestedRepetition();

    /// <summary>An escape sequence in a quoted string (YAML's "\n", "\e", "\u…"), which puts a control character in a key or a name.</summary>
    [GeneratedRegex(@"\\[0abtnvfre""/\\N_LPxuU]", RegexOptions.NonBacktracking)]
    private static partial Regex Escapes();

    /// <summary>A character some reader takes as a line break or a control: anything but '\n' and '\t' that <see cref="Oracle.IsControl"/> flags.</summary>
    private static bool IsBreakOrControl(char c) => c != '\n' && Oracle.IsControl(c);

    /// <summary>A hundred string concatenations or more on one line.</summary>
    private static bool LongConcatenation(string text) => text.Split('\n').Any(line => line.Count(c => c == '+') >= 100);

    private static int LongestWord(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = char.IsLetterOrDigit(c) || c is '_' or '-' or '.' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>
    /// "rewards: N points in total, the largest M" (and "budget of B"): a total past long.MaxValue, or a reward M with
    /// M + B past it, is an addition that wraps in the engine's long totals.
    /// </summary>
    private static bool OverflowsLong(string detail)
    {
        var totals = Regex.Match(detail, @"rewards: (?<n>\d+) points in total, the largest (?<m>\d+)");
        var budget = Regex.Match(detail, @"budget of (?<b>\d+)");
        if (!totals.Success)
        {
            return false;
        }

        var total = System.Numerics.BigInteger.Parse(totals.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var largest = System.Numerics.BigInteger.Parse(totals.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var cap = budget.Success ? System.Numerics.BigInteger.Parse(budget.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return total > long.MaxValue || largest + cap > long.MaxValue;
    }

    /// <summary>The input state file (not the run) already had a budget used outside [0, budget].</summary>
    private static bool InputStateOutsideBudget(FuzzCase c)
    {
        var budget = CampaignCompilation.Create(c.CampaignText, c.CampaignFile).Emit().Campaign?.Bound.Budget;
        try
        {
            using var document = JsonDocument.Parse(c.State);
            var used = document.RootElement.GetProperty("budget_used");
            var points = used.TryGetProperty("points", out var p) ? decimal.Parse(p.GetRawText(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var credit = !used.TryGetProperty("credit", out var cr) ? 0
                : decimal.Parse(cr.ValueKind == JsonValueKind.String ? cr.GetString()! : cr.GetRawText(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
            return points < 0 || credit < 0 || (budget?.Points is { } bp && points > bp) || (budget?.Credit is { } bc && credit > bc);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }
}
