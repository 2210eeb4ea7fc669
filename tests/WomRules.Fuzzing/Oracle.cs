using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WomRules.Fuzzing;

/// <summary>Checks a command's result against the properties; pure functions of the result, so they are unit-tested on their own.</summary>
internal static partial class Oracle
{
    /// <summary>Properties every command must keep: exit code, no crash, no stack trace, no hang.</summary>
    public static IEnumerable<Finding> Basic(CliResult result)
    {
        if (result.TimedOut)
        {
            yield return new Finding(Properties.Hang, result.Command, $"still running after {result.Elapsed.TotalSeconds:F1} s");
            yield break;
        }

        if (result.Crash is not null)
        {
            // The crash's own trace is this one finding, not a stack-trace finding too.
            yield return new Finding(Properties.Crash, result.Command, FirstLines(result.Crash, 6));
            yield break;
        }

        if (result.ExitCode is not (0 or 1 or 2))
        {
            yield return new Finding(Properties.ExitCode, result.Command, $"exit {result.ExitCode}");
        }

        foreach (var (name, text) in new[] { ("stdout", result.Stdout), ("stderr", result.Stderr) })
        {
            var trace = StackFrame().Match(text);
            if (trace.Success)
            {
                yield return new Finding(Properties.StackTrace, result.Command, $"{name}: {Escape(trace.Value)}");
            }
        }
    }

    /// <summary>
    /// Diagnostics in text form: every line is <c>path(line,col): error|warning WOMnnnn: message</c> for the given
    /// path, with line and column from 1 and no control characters. Lines starting with "womrules: " (a file that cannot
    /// be read, exit 2) are messages, not diagnostics.
    /// </summary>
    public static IEnumerable<Finding> Diagnostics(CliResult result, string text, string path)
    {
        if (result.Crash is not null || result.TimedOut)
        {
            yield break;
        }

        foreach (var line in SplitLines(text))
        {
            if (line.StartsWith("womrules: ", StringComparison.Ordinal) || line.StartsWith(path + ": ", StringComparison.Ordinal))
            {
                continue;
            }

            var match = DiagnosticLine().Match(line);
            if (!match.Success || match.Groups["path"].Value != path)
            {
                yield return new Finding(Properties.DiagnosticPosition, result.Command, $"not a positioned diagnostic of {path}: {Escape(Shorten(line))}");
                continue;
            }

            if (int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) < 1 || int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture) < 1)
            {
                yield return new Finding(Properties.DiagnosticPosition, result.Command, $"position before the file: {Escape(Shorten(line))}");
            }

            if (line.Any(IsControl))
            {
                yield return new Finding(Properties.DiagnosticPosition, result.Command, $"control character in a diagnostic: {Escape(Shorten(line))}");
            }
        }
    }

    /// <summary>check's own summary line ("path: N error(s), M warning(s)") counts the diagnostic lines it printed, so none is forged or split.</summary>
    public static IEnumerable<Finding> CheckCounts(CliResult result, string path)
    {
        var summary = Summary().Match(result.Stderr);
        if (result.Crash is not null || result.ExitCode is not (0 or 1) || !summary.Success)
        {
            yield break;
        }

        var lines = SplitLines(result.Stdout);
        // The severity is the first one on the line: a message may quote user text that reads "): error WOM".
        var severities = lines.Select(l => DiagnosticLine().Match(l)).Where(m => m.Success && m.Groups["path"].Value == path).Select(m => m.Groups["severity"].Value).ToList();
        var errors = severities.Count(s => s == "error");
        var warnings = severities.Count(s => s == "warning");
        var expected = (int.Parse(summary.Groups["e"].Value, CultureInfo.InvariantCulture), int.Parse(summary.Groups["w"].Value, CultureInfo.InvariantCulture));
        if ((errors, warnings) != expected)
        {
            yield return new Finding(Properties.DiagnosticPosition, result.Command, $"printed {errors} error and {warnings} warning lines, but the summary says {expected.Item1} and {expected.Item2}");
        }

        if ((errors > 0) != (result.ExitCode == 1))
        {
            yield return new Finding(Properties.DiagnosticPosition, result.Command, $"exit {result.ExitCode} with {errors} error lines");
        }
    }

    /// <summary>The outcomes of a run: every line a JSON object with a kind.</summary>
    public static IEnumerable<Finding> Outcomes(CliResult result, out List<JsonElement> outcomes)
    {
        outcomes = [];
        var findings = new List<Finding>();
        foreach (var line in SplitLines(result.Stdout))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("kind", out _))
                {
                    findings.Add(new Finding(Properties.OutcomeJson, result.Command, "not an outcome: " + Escape(Shorten(line))));
                    continue;
                }

                outcomes.Add(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                findings.Add(new Finding(Properties.OutcomeJson, result.Command, "not JSON: " + Escape(Shorten(line))));
            }
        }

        return findings;
    }

    /// <summary>
    /// Money: no reward is negative, the sum of the rewards a run printed stays within the budget left by the initial
    /// state, and the saved state's budget used is within [0, budget]. Sums are exact (no overflow in the oracle).
    /// </summary>
    public static IEnumerable<Finding> Budget(CliResult result, IReadOnlyList<JsonElement> outcomes, long? pointsBudget, decimal? creditBudget, string? savedState)
    {
        BigInteger points = 0, largest = 0;
        decimal credit = 0;
        foreach (var outcome in outcomes.Where(o => o.GetProperty("kind").GetString() == "reward"))
        {
            if (outcome.TryGetProperty("points", out var p))
            {
                var amount = BigInteger.Parse(p.GetRawText(), CultureInfo.InvariantCulture);
                if (amount < 0)
                {
                    yield return new Finding(Properties.Budget, result.Command, $"a negative points reward: {outcome.GetRawText()}");
                }

                points += amount;
                largest = BigInteger.Max(largest, amount);
            }

            if (outcome.TryGetProperty("credit", out var c) && decimal.TryParse(c.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amountCredit))
            {
                if (amountCredit < 0)
                {
                    yield return new Finding(Properties.Budget, result.Command, $"a negative credit reward: {outcome.GetRawText()}");
                }

                credit = decimal.Add(credit, amountCredit);
            }
        }

        if (pointsBudget is { } pb && points > pb)
        {
            yield return new Finding(Properties.Budget, result.Command, $"rewards over the budget of {pb} ({Totals(points, largest)})");
        }

        if (creditBudget is { } cb && credit > cb)
        {
            yield return new Finding(Properties.Budget, result.Command, $"rewards of {credit} credit in total, over the budget of {cb}");
        }

        if (savedState is null || !TryReadUsed(savedState, out var usedPoints, out var usedCredit))
        {
            yield break;
        }

        if (usedPoints < 0 || (pointsBudget is { } spb && usedPoints > spb))
        {
            yield return new Finding(Properties.Budget, result.Command, $"the saved state has budget_used.points {usedPoints}, outside [0, {pointsBudget?.ToString(CultureInfo.InvariantCulture) ?? "∞"}] ({Totals(points, largest)})");
        }

        if (usedCredit < 0 || (creditBudget is { } scb && usedCredit > scb))
        {
            yield return new Finding(Properties.Budget, result.Command, $"the saved state has budget_used.credit {usedCredit}, outside [0, {creditBudget?.ToString(CultureInfo.InvariantCulture) ?? "∞"}]");
        }
    }

    /// <summary>The exact totals of a run's point rewards, as a finding's detail prints them.</summary>
    private static string Totals(BigInteger points, BigInteger largest) => $"rewards: {points} points in total, the largest {largest}";

    private static bool TryReadUsed(string state, out BigInteger points, out decimal credit)
    {
        points = 0;
        credit = 0;
        try
        {
            using var document = JsonDocument.Parse(state);
            if (!document.RootElement.TryGetProperty("budget_used", out var used))
            {
                return false;
            }

            if (used.TryGetProperty("points", out var p))
            {
                points = BigInteger.Parse(p.GetRawText(), CultureInfo.InvariantCulture);
            }

            if (used.TryGetProperty("credit", out var c))
            {
                credit = decimal.Parse(c.GetString() ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture);
            }

            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Lines as a terminal or a line-based tool sees them: split at '\n' only (a '\r' before it dropped), so any other break stays visible inside a line.</summary>
    public static string[] SplitLines(string text) =>
        text.Split('\n').Select(l => l.EndsWith('\r') ? l[..^1] : l).Where(l => l.Length > 0).ToArray();

    public static bool IsControl(char c) => (char.IsControl(c) && c != '\t') || c is '\u2028' or '\u2029' or '\u0085';

    /// <summary>Shows control characters and line breaks as escapes, so that a finding is one readable line.</summary>
    public static string Escape(string text) =>
        string.Concat(text.Select(c => IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + $"… ({text.Length} characters)";

    private static string FirstLines(string text, int count) => Escape(string.Join(" | ", text.ReplaceLineEndings("\n").Split('\n').Take(count).Select(l => l.Trim())));

    [GeneratedRegex(@"^\s+at [\w.<>`$|,\[\]]+\(.*\)|\b[A-Z]\w*Exception\b|\bUnhandled\b", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"^(?<path>.+?)\((?<line>-?\d+),(?<col>-?\d+)\): (?<severity>error|warning) WOM\d{4}: .+$")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@": (?<e>\d+) error\(s\), (?<w>\d+) warning\(s\)\s*$")]
    private static partial Regex Summary();
}
