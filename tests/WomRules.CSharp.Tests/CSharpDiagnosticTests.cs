using WomRules.CSharp.Loading;
using WomRules.CSharp.Tests.Support;
using WomRules.Emit;
using WomRules.Tests.Support;

namespace WomRules.CSharp.Tests;

/// <summary>Roslyn's own errors and the C# rule checks are positioned inside the expression, wherever the YAML puts it.</summary>
public sealed class CSharpDiagnosticTests
{
    [Fact]
    public void Alert_data_in_a_csharp_rule_is_an_error_at_its_key()
    {
        const string text = """
            womrules: 1
            campaign: mistakes
            events:
              review.posted:
                rating: int
            rules:
              - name: r
                on: review.posted
                lang: csharp
                rewards: [ { alert: { name: a, data: { r: event.rating } } } ]
            """;

        CampaignCompilation.Create(text, "c.yaml", CompilationOptions.Default.WithCSharp()).GetDiagnostics()
            .Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("10:44 WOM3068");
    }

    [Fact]
    public void An_unknown_member_is_Roslyns_error_at_the_member()
    {
        var diagnostics = CSharpCampaigns.Compile(CSharpCampaigns.WithWhen("Event.Ratng >= 4")).GetDiagnostics();
        diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("22:13 WOM7007");
        diagnostics[0].Message.Should().Contain("Ratng").And.Contain("CS1061");
    }

    [Fact]
    public void A_condition_that_is_not_bool_is_an_error_at_the_expression() =>
        CSharpCampaigns.Diagnose(CSharpCampaigns.WithWhen("Event.Text")).Should().Equal("22:7 WOM7007");

    [Fact]
    public void A_decimal_for_points_is_an_error() =>
        CSharpCampaigns.Diagnose(CSharpCampaigns.WithWhen("true", "Event.OrderTotal")).Should().Equal("24:20 WOM7007");

    [Fact]
    public void A_constant_overflow_is_Roslyns_error()
    {
        var diagnostics = CSharpCampaigns.Compile(CSharpCampaigns.WithWhen("long.MaxValue + 1 > 0")).GetDiagnostics();
        diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("22:7 WOM7007");
        diagnostics[0].Message.Should().Contain("CS0220");
    }

    [Fact]
    public void A_syntax_error_is_WOM7002() =>
        CSharpCampaigns.Diagnose(CSharpCampaigns.WithWhen("Event.Rating >= (4")).Should().Equal("22:25 WOM7002");

    [Fact]
    public void An_empty_expression_is_WOM7010() =>
        CSharpCampaigns.Diagnose(CSharpCampaigns.WithWhen("true", " ")).Should().Equal("24:19 WOM7010");

    [Fact]
    public void Positions_map_through_plain_and_quoted_scalars()
    {
        var yaml = CSharpCampaigns.WithWhen("true").Replace("    when: |-\n      true", "    when: \"Event.Rating > 1 && GC.MaxGeneration > 0\"", StringComparison.Ordinal);
        CSharpCampaigns.Diagnose(yaml).Should().Equal("21:32 WOM7006");
        var plain = CSharpCampaigns.WithWhen("true").Replace("    when: |-\n      true", "    when: Event.Rating > 1 && Environment.TickCount > 0", StringComparison.Ordinal);
        CSharpCampaigns.Diagnose(plain).Should().Equal("21:31 WOM7006");
    }

    [Fact]
    public void Every_bad_expression_of_a_campaign_is_reported()
    {
        var yaml = CSharpCampaigns.WithWhen("GC.MaxGeneration > 0", "Event.Text.PadLeft(3).Length");
        CSharpCampaigns.Diagnose(yaml).Should().Equal("22:7 WOM7006", "24:31 WOM7006");
    }

    [Fact]
    public void Names_that_collide_in_PascalCase_are_WOM7008()
    {
        var yaml = CSharpCampaigns.WithWhen("true").Replace("    rating: int\n", "    rating: int\n    order_Total: int\n", StringComparison.Ordinal);
        CSharpCampaigns.Diagnose(yaml).Should().ContainSingle().Which.Should().EndWith("WOM7008");
    }

    [Fact]
    public void Native_rules_of_the_same_campaign_are_untouched()
    {
        var yaml = CSharpCampaigns.WithWhen("true") + "\n  - name: native\n    on: review.posted\n    when: event.rating >= 4\n    rewards:\n      - points: 1\n";
        var campaign = CampaignRunner.Compile(yaml, EvaluatorKind.Compiled, CSharpCampaigns.Options);
        campaign.Bound.Rules.Select(r => r.When?.GetType().Name).Should().Equal(nameof(Binding.BoundCSharpExpression), nameof(Binding.BoundBinary));
    }

    [Fact]
    public void The_same_source_is_compiled_once_and_then_served_from_the_cache()
    {
        // Same generated source: the delegates come from the same loaded assembly (no second Roslyn run).
        var yaml = CSharpCampaigns.WithWhen("Event.Rating == 4242");
        var a = CampaignRunner.Compile(yaml, EvaluatorKind.Compiled, CSharpCampaigns.Options);
        var b = CampaignRunner.Compile(yaml, EvaluatorKind.Compiled, CSharpCampaigns.Options);
        var c = CampaignRunner.Compile(CSharpCampaigns.WithWhen("Event.Rating == 4243"), EvaluatorKind.Compiled, CSharpCampaigns.Options);
        var whenA = a.Dispatch["review.posted"].Rules[0].When!;
        var whenB = b.Dispatch["review.posted"].Rules[0].When!;
        var whenC = c.Dispatch["review.posted"].Rules[0].When!;
        whenB.Method.Should().BeSameAs(whenA.Method);
        whenC.Method.Module.Assembly.Should().NotBeSameAs(whenA.Method.Module.Assembly);
        CompiledRuleCache.Count.Should().BeGreaterThanOrEqualTo(2).And.BeLessThanOrEqualTo(CompiledRuleCache.Capacity);
    }

    [Fact]
    public void Generated_code_is_loaded_into_a_collectible_context()
    {
        var campaign = CampaignRunner.Compile(CSharpCampaigns.WithWhen("Event.Rating == 4244"), EvaluatorKind.Compiled, CSharpCampaigns.Options);
        var assembly = campaign.Dispatch["review.posted"].Rules[0].When!.Method.Module.Assembly;
        assembly.IsCollectible.Should().BeTrue();
        System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(assembly).Should().BeOfType<RuleLoadContext>();
    }

    [Fact]
    public void Generated_source_holds_no_campaign_text_but_the_checked_expressions()
    {
        // The id, description and messages never reach the generated code, so they cannot inject into it.
        var yaml = CSharpCampaigns.WithWhen("Event.Rating > 1").Replace("campaign: csharp-test", "campaign: \"x\\u2028[System.Runtime.CompilerServices.ModuleInitializer]\"\ndescription: ModuleInitializer", StringComparison.Ordinal);
        var compilation = CSharpCampaigns.Compile(yaml);
        compilation.GetDiagnostics().Select(d => d.Id).Should().Equal("WOM3046"); // an id holding U+2028: a name with an invisible character
        var rule = compilation.Syntax!.Rules[0];
        var request = new Binding.CSharpCompilationRequest(compilation.Bound!.Participant, [new((Syntax.CSharpExpressionSyntax)rule.When!, compilation.Bound.EventTypes["review.posted"], Binding.ValueType.Bool, "when")], 256);
        var source = Generation.GlobalsGenerator.Generate(request, [0], new Diagnostics.DiagnosticBag(compilation.Source))!;
        source.Text.Should().NotContain("ModuleInitializer").And.Contain("Event.Rating > 1");
    }
}
