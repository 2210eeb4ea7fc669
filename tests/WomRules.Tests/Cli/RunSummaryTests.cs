using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary><c>run --summary</c>: totals per rule and the budget on stderr, equal to what the printed outcomes add up to; stdout unchanged.</summary>
public sealed class RunSummaryTests() : CliTestFolder("womrules-summary-")
{
    public static TheoryData<string> Examples => [.. RepositoryPaths.ExampleNames];

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_summary_adds_up_the_outcomes_printed_and_leaves_stdout_alone(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Examples, name);
        string[] args = ["run", Path.Combine(folder, "campaign.yaml"), Path.Combine(folder, "events.jsonl")];
        if (File.Exists(Path.Combine(folder, "state.json")))
        {
            args = [.. args, "--state", Path.Combine(folder, "state.json")];
        }

        var plain = Run(args);
        var (exit, output, error) = Run([.. args, "--summary"]);
        exit.Should().Be(0);
        output.Should().Be(plain.Out);
        plain.Err.Should().BeEmpty();

        var outcomes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith($"summary: {File.ReadLines(args[2]).Count(l => !string.IsNullOrWhiteSpace(l))} events, {outcomes.Count} outcomes");
        foreach (var kind in outcomes.GroupBy(o => o.GetProperty("kind").GetString()))
        {
            lines[0].Should().Contain($"{kind.Key} {kind.Count()}");
        }

        var rewards = outcomes.Where(o => o.GetProperty("kind").GetString() == "reward").ToList();
        foreach (var line in lines.Where(l => l.StartsWith("  rule ", StringComparison.Ordinal)))
        {
            var match = Regex.Match(line, @"^  rule (\S+): (\d+) rewards, (-?\d+) points, (-?[\d.]+) credit");
            match.Success.Should().BeTrue(line);
            var rule = rewards.Where(o => o.GetProperty("rule").GetString() == match.Groups[1].Value).ToList();
            long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture).Should().Be(rule.Count, line);
            long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture).Should().Be(rule.Sum(o => o.TryGetProperty("points", out var p) ? p.GetInt64() : 0), line);
            decimal.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture).Should().Be(rule.Sum(o => o.TryGetProperty("credit", out var c) ? decimal.Parse(c.GetString()!, CultureInfo.InvariantCulture) : 0), line);
            var skips = outcomes.Where(o => o.GetProperty("kind").GetString() == "skipped" && o.GetProperty("rule").GetString() == match.Groups[1].Value).ToList();
            foreach (var reason in skips.GroupBy(o => o.GetProperty("reason").GetString()))
            {
                line.Should().Contain($"{reason.Key} {reason.Count()}");
            }

            if (skips.Count == 0)
            {
                line.Should().NotContain("skipped:");
            }
        }

        lines.Count(l => l.StartsWith("  rule ", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(rewards.Select(o => o.GetProperty("rule").GetString()).Distinct().Count());
        var budget = Regex.Match(lines[^1], @"^budget: points (\d+) used, (?:(\d+) left of (\d+)|no limit); credit ([\d.]+) used, (?:([\d.]+) left of ([\d.]+)|no limit)$");
        budget.Success.Should().BeTrue(lines[^1]);
        if (budget.Groups[3].Success)
        {
            (long.Parse(budget.Groups[1].Value, CultureInfo.InvariantCulture) + long.Parse(budget.Groups[2].Value, CultureInfo.InvariantCulture))
                .Should().Be(long.Parse(budget.Groups[3].Value, CultureInfo.InvariantCulture), "used and left make the budget");
        }
    }

    [Fact]
    public void The_budget_used_is_what_the_state_file_records()
    {
        var folder = Path.Combine(RepositoryPaths.Examples, "referral");
        var state = Path.Combine(Folder, "state.json");
        var (exit, _, error) = Run("run", Path.Combine(folder, "campaign.yaml"), Path.Combine(folder, "events.jsonl"), "--summary", "--save-state", state);
        exit.Should().Be(0);
        using var document = JsonDocument.Parse(File.ReadAllText(state));
        var issued = document.RootElement.GetProperty("budget_used");
        error.Should().Contain($"budget: points {issued.GetProperty("points").GetInt64()} used");
        error.Should().Contain($"credit {issued.GetProperty("credit").GetString()} used");
    }
}
