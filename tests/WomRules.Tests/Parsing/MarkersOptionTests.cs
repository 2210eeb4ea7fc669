using System.Collections.Immutable;
using System.Text.Json;
using CsCheck;
using WomRules.Binding;
using WomRules.Diagnostics;
using WomRules.Runtime;
using WomRules.Syntax;
using WomRules.Tests.Support;
using WomRules.Text;

namespace WomRules.Tests.Parsing;

/// <summary>
/// The campaign's <c>markers: { add, remove }</c> (spec v1.1 §9) in both forms: what <c>discloses(text)</c> then
/// finds through both evaluators, positioned warnings and errors, and the laws of add and remove.
/// </summary>
public sealed class MarkersOptionTests
{
    private static string Yaml(string markers) => $$"""
        womrules: 1
        campaign: markers
        {{markers}}
        budget: { points: 100 }
        events:
          post: { s: string }
        rules:
          - name: r
            on: post
            when: discloses(event.s) or discloses(event.s, 1000)
            rewards:
              - points: 1
        """;

    private static string Dsl(string markers) => $$"""
        campaign markers
        {{markers}}
        budget 100 points

        event post
          s: string

        rule r on post
          when discloses(event.s) or discloses(event.s, 1000)
          reward 1 points
        """;

    private static List<string> Diagnose(string text, string path) =>
        CampaignCompilation.Create(text, path).GetDiagnostics().Select(d => $"{d.Line}:{d.Column} {d.Id}").ToList();

    private static bool Discloses(string campaign, string path, string text)
    {
        var runner = new CampaignRunner(campaign, path: path);
        return runner.Run(CampaignRunner.Event("e-1", "post", "u-1", $$"""{"s": {{JsonSerializer.Serialize(text)}}}""")).Count == 1;
    }

    public static TheoryData<string, string> Forms() => new()
    {
        { Yaml("markers:\n  add: [\"#FreeSample\", \"#sampel\"]\n  remove: [\"Sponsored By\"]"), "campaign.yaml" },
        { Yaml("markers: { add: [\"#FreeSample\", \"#sampel\"], remove: [\"Sponsored By\"] }"), "campaign.yaml" },
        { Dsl("markers add \"#FreeSample\", \"#sampel\" remove \"Sponsored By\""), "campaign.wom" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Add_and_remove_change_the_defaults_in_both_forms(string campaign, string path)
    {
        Diagnose(campaign, path).Should().BeEmpty();
        Discloses(campaign, path, "a #freesample from the shop").Should().BeTrue("an added marker counts, case-insensitively");
        Discloses(campaign, path, "#SAMPEL ini").Should().BeTrue();
        Discloses(campaign, path, "Sponsored by VoltHub Official").Should().BeFalse("a removed default no longer counts");
        Discloses(campaign, path, "love it #ad").Should().BeTrue("the other defaults stay");
        Discloses(campaign, path, "tiada #sampel").Should().BeFalse("negation applies to added markers");
    }

    [Fact]
    public void Without_markers_the_defaults_are_shared() =>
        DisclosureMarkers.Bind(null, new DiagnosticBag(new SourceText(""))).Should().BeSameAs(BuiltIns.DefaultMarkers);

    [Theory]
    [InlineData("markers: { add: [\"#AD\"] }", "campaign.yaml", "3:18 WOM3090")]
    [InlineData("markers: { remove: [sponsored] }", "campaign.yaml", "3:21 WOM3091")]
    [InlineData("markers: { add: [\" \"] }", "campaign.yaml", "3:18 WOM3092")]
    [InlineData("markers: { add: [\"#spon\"] }", "campaign.yaml", "3:18 WOM4004")]
    [InlineData("markers add \"#AD\"", "campaign.wom", "2:13 WOM3090")]
    [InlineData("markers remove sponsored", "campaign.wom", "2:16 WOM3091")]
    [InlineData("markers add \" \"", "campaign.wom", "2:13 WOM3092")]
    [InlineData("markers add \"#spon\"", "campaign.wom", "2:13 WOM4004")]
    [InlineData("markers: [\"#x\"]", "campaign.yaml", "3:10 WOM3093")]
    public void Pointless_or_doubtful_entries_are_reported_at_the_entry(string markers, string path, string expected)
    {
        var campaign = path == "campaign.wom" ? Dsl(markers) : Yaml(markers);
        Diagnose(campaign, path).Should().Equal(expected);
    }

    [Theory]
    [InlineData("markers: { keep: [\"#x\"] }", "campaign.yaml")]
    [InlineData("markers add", "campaign.wom")]
    [InlineData("markers remove \"#ad\" add \"#x\"", "campaign.wom")]
    public void Malformed_markers_are_positioned_errors(string markers, string path)
    {
        var campaign = path == "campaign.wom" ? Dsl(markers) : Yaml(markers);
        var diagnostics = CampaignCompilation.Create(campaign, path).GetDiagnostics();
        diagnostics.Should().Contain(d => d.Severity == DiagnosticSeverity.Error && d.Line == (path == "campaign.wom" ? 2 : 3));
    }

    private static readonly string[] NewMarkers = ["#FreeSample", "#sampel", "#ulasan", "送的", "sample from"];

    private static MarkersSyntax Syntax(IEnumerable<string> add, IEnumerable<string> remove) =>
        new([.. add.Select(t => new SyntaxToken(t, default))], [.. remove.Select(t => new SyntaxToken(t, default))], default);

    private static string[] Bind(IEnumerable<string> add, IEnumerable<string> remove) => DisclosureMarkers.Bind(Syntax(add, remove), new DiagnosticBag(new SourceText("")));

    private static Gen<string> Marker { get; } = Gen.OneOf(Gen.OneOf(BuiltIns.DefaultMarkers), Gen.OneOf(NewMarkers))
        .SelectMany(m => Gen.Bool.Select(upper => upper ? m.ToUpperInvariant() : m));

    [Fact]
    public void Adding_then_removing_a_marker_is_removing_it() =>
        Gen.Select(Marker.Array[0, 4], Marker.Array[0, 4]).Sample((add, remove) =>
            Bind([.. add, .. remove], remove).Should().Equal(Bind(add.Where(a => !remove.Contains(a, StringComparer.OrdinalIgnoreCase)), remove)));

    [Fact]
    public void The_result_holds_exactly_the_defaults_and_additions_not_removed() =>
        Gen.Select(Marker.Array[0, 4], Marker.Array[0, 4]).Sample((add, remove) =>
        {
            var result = Bind(add, remove);
            foreach (var marker in BuiltIns.DefaultMarkers.Concat(add))
            {
                var removed = remove.Contains(marker, StringComparer.OrdinalIgnoreCase);
                result.Contains(marker, StringComparer.OrdinalIgnoreCase).Should().Be(!removed, "'{0}'", marker);
                var text = "ok " + marker + " ok";
                if (!removed)
                {
                    BuiltIns.Discloses(text, result, long.MaxValue).Should().BeTrue("'{0}' is kept", marker);
                }
                else
                {
                    // Removed: only another marker of the result (one inside it) can still be found.
                    BuiltIns.Discloses(text, result, long.MaxValue).Should().Be(result.Any(r => BuiltIns.Discloses(text, [r], long.MaxValue)), "'{0}' is removed", marker);
                    result.Where(r => string.Equals(r, marker, StringComparison.OrdinalIgnoreCase)).Should().BeEmpty();
                }
            }

            result.Should().OnlyHaveUniqueItems(m => m.ToUpperInvariant());
        });

    // Texts of filler, markers and negations: the filler holds no marker and no negation.
    private static readonly string[] Filler = ["great", "produk", "好用", "lamp", "sangat", "bagus", "充电", "quiet", "fan", "ini", "murah"];
    private static readonly string[] Separators = [" ", ", ", " “", "... ", "\t", " — ", " (", "\u3000「", "!"];

    private static Gen<string> NegatedMarker(string[] markers) =>
        Gen.Select(Gen.OneOf(DisclosureNegation.Words), Gen.Bool, Gen.OneOf(Separators), Gen.OneOf(markers))
            .Select((negation, upper, separator, marker) => (upper ? negation.ToUpperInvariant() : negation) + separator + marker);

    private static Gen<string> Text(Gen<string> fragment) =>
        Gen.Frequency((3, Gen.OneOf(Filler)), (1, fragment)).Array[0, 12].Select(parts => string.Join(" ", parts));

    [Fact]
    public void A_negation_right_before_every_marker_makes_discloses_false() =>
        Text(NegatedMarker(BuiltIns.DefaultMarkers)).Sample(text =>
        {
            BuiltIns.Discloses(text, BuiltIns.DefaultMarkers, long.MaxValue).Should().BeFalse(text);
            DisclosureMatcher.Default.Discloses(text, long.MaxValue).Should().BeFalse(text);
        });

    [Fact]
    public void One_marker_without_a_negation_makes_discloses_true() =>
        Gen.Select(Text(NegatedMarker(BuiltIns.DefaultMarkers)), Gen.OneOf(BuiltIns.DefaultMarkers), Gen.Int[0, 100]).Sample((text, marker, at) =>
        {
            // Insert "ok <marker> " at a space (or the start): nothing but a filler word stands before it.
            var spaces = Enumerable.Range(0, text.Length).Where(i => text[i] == ' ').Prepend(-1).ToArray();
            var index = spaces[at % spaces.Length] + 1;
            var disclosed = text[..index] + "ok " + marker + " " + text[index..];
            BuiltIns.Discloses(disclosed, BuiltIns.DefaultMarkers, long.MaxValue).Should().BeTrue(disclosed);
            DisclosureMatcher.Default.Discloses(disclosed, long.MaxValue).Should().BeTrue(disclosed);
            var within = index + 3 + 1;
            DisclosureMatcher.Default.Discloses(disclosed, within).Should().BeTrue("the marker begins at {0}: {1}", index + 3, disclosed);
            BuiltIns.Discloses(disclosed, BuiltIns.DefaultMarkers, within).Should().BeTrue(disclosed);
        });

    [Fact]
    public void Both_evaluators_agree_on_mixed_texts_at_every_within() =>
        Gen.Select(Text(Gen.Frequency((1, NegatedMarker(BuiltIns.DefaultMarkers)), (1, Gen.OneOf(BuiltIns.DefaultMarkers)))), Gen.Long[0, 120]).Sample((text, within) =>
        {
            var expected = BuiltIns.Discloses(text, BuiltIns.DefaultMarkers, within);
            DisclosureMatcher.Default.Discloses(text, within).Should().Be(expected, "'{0}' within {1}", text, within);
            if (within >= text.Length)
            {
                expected.Should().Be(BuiltIns.Discloses(text, BuiltIns.DefaultMarkers, long.MaxValue), "a prefix as long as the text is the whole text");
            }
        });

    [Fact]
    public void Many_negated_separator_markers_stay_linear()
    {
        // A marker made only of punctuation, repeated after one negation: every candidate shares one separator run.
        var text = "not " + string.Concat(Enumerable.Repeat("!!!", 200_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        BuiltIns.Discloses(text, ["!!!"], long.MaxValue).Should().BeFalse();
        new DisclosureMatcher(["!!!"]).Discloses(text, long.MaxValue).Should().BeFalse();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "a walk back over the run at every candidate would be quadratic");
    }
}
