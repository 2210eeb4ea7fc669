using WomRules.CSharp.Tests.Support;
using WomRules.Tests.Support;

namespace WomRules.CSharp.Tests;

/// <summary>
/// Issue 10, defect 7: C# rules get the string growth bound of the campaign language (WOM7012), so a concatenation
/// over a huge text cannot reach out-of-memory.
/// </summary>
public sealed class StringGrowthTests() : CliTestFolder("womrules-csharp-growth-")
{
    private static string Concatenations(int count, string operand = "Event.Text") => "(" + string.Join(" + ", Enumerable.Repeat(operand, count)) + ").Length > 0";

    // A balanced tree of concatenations: shallow enough for the nesting limit, 1,024 copies of the text.
    private static string Balanced(int count) => count == 1 ? "Event.Text.Trim()" : $"({Balanced(count / 2)} + {Balanced(count - (count / 2))})";

    private static string Reported => $"{Balanced(1024)}.Length > 0";

    [Fact]
    public void The_reported_17_KB_concatenation_is_WOM7012_at_the_first_concatenation_past_the_limit()
    {
        Reported.Length.Should().BeGreaterThan(17_000);

        // The smallest concatenation past 16 copies is the leftmost one of 32, just inside its parenthesis.
        var offset = Reported.IndexOf(Balanced(32), StringComparison.Ordinal) + 1;
        CSharpCampaigns.Diagnose(CSharpCampaigns.WithWhen(Reported)).Should().Equal($"{CSharpCampaigns.WhenLine}:{CSharpCampaigns.WhenColumn + offset} WOM7012");
    }

    [Theory]
    [InlineData("Event.Text + Event.Text", 2, true)]
    [InlineData("Event.Text + Event.Text + Event.Text", 2, false)]
    [InlineData("(Event.Rating > 3 ? Event.Text + Event.Text : Event.Text) + \"!\"", 2, true)]
    [InlineData("Event.Text.ToUpperInvariant() + Event.Text.Trim() + Event.Text.Substring(1)", 2, false)]
    [InlineData("Event.Text + Event.Rating + Event.Rating.ToString() + \"abc\" + 'c'", 1, true)]
    [InlineData("(Event.Text ?? Participant.Country) + Participant.Country", 2, true)]
    [InlineData("(Event.Text + Event.Text ?? \"\") + Participant.Country", 2, false)]
    public void Inputs_count_once_literals_and_numbers_not_at_all(string text, int limit, bool accepted)
    {
        var diagnostics = CSharpCampaigns.Diagnose(CSharpCampaigns.WithWhen($"({text}).Length > 0"), CSharpCampaigns.Options with { MaxStringGrowth = limit });
        if (accepted)
        {
            diagnostics.Should().BeEmpty();
        }
        else
        {
            diagnostics.Should().ContainSingle().Which.Should().EndWith("WOM7012");
        }
    }

    [Fact]
    public void Sixteen_copies_compile_and_run_on_a_large_text()
    {
        var runner = new CampaignRunner(CSharpCampaigns.WithWhen(Concatenations(16)), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, new string('a', 100_000))).Should().HaveCount(2);
    }

    [Fact]
    public void Check_with_allow_csharp_exits_1_with_WOM7012()
    {
        var path = Write("campaign.yaml", CSharpCampaigns.WithWhen(Reported));
        var (exit, output, error) = Run("check", path, "--allow-csharp");
        exit.Should().Be(1, output + error);
        var offset = Reported.IndexOf(Balanced(32), StringComparison.Ordinal) + 1;
        (output + error).Should().Contain($"campaign.yaml({CSharpCampaigns.WhenLine},{CSharpCampaigns.WhenColumn + offset}): error WOM7012:");
    }
}
