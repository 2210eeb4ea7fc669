namespace WomRules.Tests.Compilation;

/// <summary>
/// Issue 12, item 8: DSL text handed to the library without a format (no path, or a path that names no form) is
/// recognised as the DSL; DSL text read as YAML on purpose gets one message that says so, not a YAML error.
/// </summary>
public sealed class FormatSniffingTests
{
    private static readonly string Dsl = File.ReadAllText(Path.Combine(Support.RepositoryPaths.Root, "examples", "referral", "campaign.wom"));
    private static readonly string Yaml = File.ReadAllText(Path.Combine(Support.RepositoryPaths.Root, "examples", "referral", "campaign.yaml"));

    [Theory]
    [InlineData(null)]
    [InlineData("campaign.txt")]
    [InlineData("campaign")]
    public void Dsl_text_without_a_format_compiles_as_the_dsl(string? path)
    {
        var compilation = CampaignCompilation.Create(Dsl, path);
        compilation.GetDiagnostics().Where(d => d.IsError).Should().BeEmpty();
        compilation.Emit().Campaign!.Id.Should().Be("spring-referral");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("campaign.txt")]
    public void Yaml_text_without_a_format_is_still_yaml(string? path) =>
        CampaignCompilation.Create(Yaml, path).GetDiagnostics().Where(d => d.IsError).Should().BeEmpty();

    [Fact]
    public void Dsl_text_read_as_yaml_on_purpose_gets_one_message_naming_the_dsl()
    {
        foreach (var compilation in new[]
        {
            CampaignCompilation.Create(Dsl, "campaign.yaml"),
            CampaignCompilation.Create(Dsl, null, CompilationOptions.Default with { Format = CampaignFormat.Yaml }),
        })
        {
            var diagnostic = compilation.GetDiagnostics().Should().ContainSingle().Subject;
            diagnostic.Id.Should().Be("WOM1018");
            diagnostic.Message.Should().Contain("looks like the text DSL").And.Contain("CampaignFormat.Dsl").And.Contain(".wom");
            var campaignLine = Dsl.ReplaceLineEndings("\n").Split('\n').ToList().FindIndex(l => l.StartsWith("campaign ", StringComparison.Ordinal)) + 1;
            (diagnostic.Line, diagnostic.Column).Should().Be((campaignLine, 1), "the message points at the example's 'campaign' line");
        }
    }

    [Fact]
    public void A_yaml_file_with_a_real_yaml_mistake_keeps_its_yaml_error() =>
        CampaignCompilation.Create("womrules: 1\ncampaign: [\n", "c.yaml").GetDiagnostics().Select(d => d.Id).Should().NotContain("WOM1018");
}
