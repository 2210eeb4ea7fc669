using WomRules.Diagnostics;
using WomRules.Parsing;
using WomRules.Text;

namespace WomRules.Tests.Ci;

/// <summary>YAML to JSON for inline events and state, and for validating YAML against the JSON Schemas.</summary>
public sealed class YamlJsonTests
{
    private static string Json(string yaml)
    {
        var bag = new DiagnosticBag(new SourceText(yaml));
        var tree = YamlTreeReader.Read(bag.Source, new ReaderLimits(), bag);
        bag.HasErrors.Should().BeFalse();
        return YamlJson.ToJson(tree!);
    }

    [Theory]
    [InlineData("a: 42", """{"a":42}""")]
    [InlineData("a: -7", """{"a":-7}""")]
    [InlineData("a: +7", """{"a":7}""")]
    [InlineData("a: 49.90", """{"a":49.90}""")]
    [InlineData("a: 1e3", """{"a":1e3}""")]
    [InlineData("a: \"42\"", """{"a":"42"}""")]
    [InlineData("a: '49.90'", """{"a":"49.90"}""")]
    [InlineData("a: 007", """{"a":"007"}""")]
    [InlineData("a: 0x1F", """{"a":"0x1F"}""")]
    [InlineData("a: .inf", """{"a":".inf"}""")]
    [InlineData("a: true", """{"a":true}""")]
    [InlineData("a: False", """{"a":false}""")]
    [InlineData("a: 'true'", """{"a":"true"}""")]
    [InlineData("a: ~", """{"a":null}""")]
    [InlineData("a:", """{"a":null}""")]
    [InlineData("a: 2026-03-02T10:00:00Z", """{"a":"2026-03-02T10:00:00Z"}""")]
    [InlineData("a: 广告#ad", """{"a":"广告#ad"}""")]
    [InlineData("a: 1e999", """{"a":"1e999"}""")]
    public void Plain_scalars_resolve_by_the_core_schema_and_quoted_ones_stay_strings(string yaml, string json) => Json(yaml).Should().Be(json);

    [Fact]
    public void Collections_keep_their_order_and_nest()
    {
        Json("b: [1, x, [true]]\na: { z: 1, y: { x: [] } }").Should().Be("""{"b":[1,"x",[true]],"a":{"z":1,"y":{"x":[]}}}""");
    }

    [Fact]
    public void Nesting_up_to_the_reader_limit_converts_without_recursion()
    {
        var depth = new ReaderLimits().MaxNestingDepth;
        Json(new string('[', depth) + new string(']', depth)).Should().Be(new string('[', depth) + new string(']', depth));
    }
}
