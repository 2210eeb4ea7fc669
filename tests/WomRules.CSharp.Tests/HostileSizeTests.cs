using WomRules.CSharp.Tests.Support;

namespace WomRules.CSharp.Tests;

/// <summary>
/// Huge or deeply nested C# expressions, up to the 64 KiB scalar limit, end in WOM7011 (or compile when under the
/// nesting limit), never in a stack overflow: Roslyn's parser and binder recurse, so depth is limited before they run.
/// </summary>
public sealed class HostileSizeTests
{
    public static TheoryData<string, string> Deep => new()
    {
        { "parentheses", new string('(', 30000) + "1" + new string(')', 30000) + " > 0" },
        { "not", new string('!', 60000) + "true" },
        { "negation", new string('-', 60000) + "1 > 0" },
        { "casts", string.Concat(Enumerable.Repeat("(long)", 10000)) + "1 > 0" },
        { "conditionals", string.Concat(Enumerable.Repeat("true ? true : ", 4000)) + "true" },
        { "coalesce", string.Concat(Enumerable.Repeat("\"a\" ?? ", 8000)) + "\"a\" == \"a\"" },
        { "additions", string.Join(" + ", Enumerable.Repeat("Event.Rating", 4000)) + " > 0" },
        { "conjunctions", string.Join(" && ", Enumerable.Repeat("Event.Rating > 0", 3000)) },
        { "member chain", "Event.Text" + string.Concat(Enumerable.Repeat(".Trim()", 8000)) + ".Length > 0" },
        { "lambdas", string.Concat(Enumerable.Repeat("x => ", 10000)) + "true" },
        { "assignments", string.Concat(Enumerable.Repeat("a = ", 10000)) + "true" },
    };

    [Theory]
    [MemberData(nameof(Deep))]
    public void Deep_expression_is_WOM7011_not_a_crash(string shape, string expression)
    {
        var diagnostics = CSharpCampaigns.Diagnose(CSharpCampaigns.WithWhen(expression));
        diagnostics.Should().ContainSingle(shape).Which.Should().StartWith($"{CSharpCampaigns.WhenLine}:").And.EndWith("WOM7011");
    }

    [Theory]
    [InlineData(" && ", "Event.Rating > 0", 120)]
    [InlineData(" + ", "Event.Rating", 200)]
    [InlineData("", ".Trim()", 60)]
    public void Long_expressions_under_the_limit_compile_and_run(string separator, string part, int count)
    {
        var expression = separator == ""
            ? "Event.Text" + string.Concat(Enumerable.Repeat(part, count)) + ".Length > 0"
            : string.Join(separator, Enumerable.Repeat(part, count)) + (separator == " + " ? " > 0" : "");
        var runner = new WomRules.Tests.Support.CampaignRunner(CSharpCampaigns.WithWhen(expression), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, "text")).Should().HaveCount(2);
    }

    [Fact]
    public void The_nesting_limit_is_the_campaigns_option()
    {
        var expression = "(((((((Event.Rating))))))) > 0";
        CSharpCampaigns.Diagnose(CSharpCampaigns.WithWhen(expression), CSharpCampaigns.Options with { MaxNestingDepth = 6 }).Should().Equal($"{CSharpCampaigns.WhenLine}:{CSharpCampaigns.WhenColumn + 6} WOM7011");
    }
}
