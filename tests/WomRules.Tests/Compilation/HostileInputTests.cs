using System.Text;

namespace WomRules.Tests.Compilation;

/// <summary>
/// Hostile or accidental campaign input (spec §9) through the public entry point: always a positioned error
/// diagnostic, never an exception, a hang or a crash. Bounded time is enforced by the input sizes chosen: each
/// case is small enough that only an unbounded algorithm could take long.
/// </summary>
public sealed class HostileInputTests
{
    private static Diagnostics.Diagnostic SingleError(string text, string id, CompilationOptions? options = null)
    {
        var compilation = CampaignCompilation.Create(text, "hostile.yaml", options);
        var errors = compilation.GetDiagnostics().Where(d => d.IsError).ToList();
        errors.Should().NotBeEmpty();
        compilation.Emit().Success.Should().BeFalse();
        return errors.Should().Contain(d => d.Id == id, string.Join("\n", errors)).Which;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("# only a comment\n")]
    public void An_empty_file_is_WOM0002(string text) => SingleError(text, "WOM0002").Line.Should().Be(1);

    [Fact]
    public void Binary_garbage_is_WOM0003_at_the_first_control_character()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[10] = 0;
        var text = Encoding.Latin1.GetString(bytes);
        var diagnostic = SingleError(text, "WOM0003");
        diagnostic.Span.Start.Should().BeLessThanOrEqualTo(10);
    }

    [Theory]
    [InlineData("womrules: 1\ncampaign: [unclosed\n", 3)]
    [InlineData("womrules: 1\n  campaign: x\n bad: indentation\n", 2)]
    [InlineData("womrules: 1\ncampaign: \"unterminated\n", 3)]
    public void Malformed_yaml_is_WOM1001_with_a_position(string text, int lineAtLeast)
    {
        var diagnostic = SingleError(text, "WOM1001");
        diagnostic.Line.Should().BeGreaterThanOrEqualTo(lineAtLeast - 1);
        diagnostic.Message.Should().NotContain("   at ");
    }

    [Fact]
    public void A_billion_laughs_alias_bomb_is_refused_at_the_first_anchor()
    {
        var text = new StringBuilder("womrules: 1\ncampaign: lol\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            var refs = string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9));
            text.Append($"lol{i}: &a{i} [{refs}]\n");
        }

        var diagnostic = SingleError(text.ToString(), "WOM1003");
        diagnostic.Line.Should().Be(3);
    }

    [Fact]
    public void An_expression_nested_5000_parentheses_deep_is_WOM2002_at_the_parenthesis_past_the_limit()
    {
        var expression = new string('(', 5000) + "1" + new string(')', 5000);
        var text = $"womrules: 1\ncampaign: deep\nevents:\n  ping: {{}}\nrules:\n  - name: deep\n    on: ping\n    when: {expression} == 1\n    rewards: [ {{ alert: x }} ]\n";
        var diagnostic = SingleError(text, "WOM2002");
        diagnostic.Line.Should().Be(8);
        diagnostic.Column.Should().Be(11 + 256, "the 257th parenthesis is the first past the default limit of 256");
    }

    [Fact]
    public void Yaml_nested_5000_deep_is_WOM1002()
    {
        var text = "womrules: 1\ncampaign: deep\ndescription: " + new string('[', 5000) + new string(']', 5000) + "\n";
        SingleError(text, "WOM1002").Line.Should().Be(3);
    }

    [Fact]
    public void A_10_MB_scalar_is_WOM1007()
    {
        var text = "womrules: 1\ncampaign: big\ndescription: " + new string('x', 10 * 1024 * 1024) + "\n";
        var diagnostic = SingleError(text, "WOM1007");
        diagnostic.Line.Should().Be(3);
        diagnostic.Column.Should().Be(14);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_WOM0001_before_parsing()
    {
        var options = new CompilationOptions { MaxFileSize = 1000 };
        SingleError("womrules: 1\ncampaign: x\ndescription: " + new string('x', 2000), "WOM0001", options);
    }

    [Fact]
    public void Limits_are_options()
    {
        var text = "womrules: 1\ncampaign: x\ndescription: " + new string('x', 100) + "\n";
        SingleError(text, "WOM1007", new CompilationOptions { MaxScalarLength = 50 });
        CampaignCompilation.Create(text, null, new CompilationOptions { MaxScalarLength = 500 }).GetDiagnostics().Should().NotContain(d => d.Id == "WOM1007");
    }

    [Theory]
    [InlineData("womrules: 1\ncampaign: x\ndescription: !!str hello\n", "WOM1004")]
    [InlineData("womrules: 1\ncampaign: !System.Diagnostics.Process x\n", "WOM1004")]
    [InlineData("womrules: 1\ncampaign: x\nbudget:\n  <<: { points: 5 }\n", "WOM1005")]
    [InlineData("womrules: 1\ncampaign: x\ncampaign: y\n", "WOM1006")]
    public void Tags_merge_keys_and_duplicate_keys_are_refused(string text, string id) => SingleError(text, id);
}
