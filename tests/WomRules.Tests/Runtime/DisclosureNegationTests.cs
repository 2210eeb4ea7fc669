using System.Text.Json;
using WomRules.Runtime;
using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Spec v1.1 §9: a marker does not count when a negation comes right before it (only white space and punctuation
/// other than '#' between), in English, Malay, Indonesian and Chinese, through both evaluators and in the prefix form.
/// </summary>
public sealed class DisclosureNegationTests
{
    private static bool Discloses(string text, string call = "discloses(event.s)")
    {
        var runner = new CampaignRunner($$"""
            womrules: 1
            campaign: probe
            events:
              probe: { s: string }
            rules:
              - name: probe
                on: probe
                when: '{{call.Replace("'", "''")}}'
                rewards:
                  - points: 1
            """);
        var outcomes = runner.Run(Event("e-1", "probe", "u-1", $$"""{"s": {{JsonSerializer.Serialize(text)}}}"""));
        return outcomes.Count == 1;
    }

    [Theory]
    // English
    [InlineData("this is not sponsored by anyone", false)]
    [InlineData("not #ad", false)]
    [InlineData("NOT #AD", false)]
    [InlineData("Never #gifted", false)]
    [InlineData("no, #ad", false)] // punctuation between
    [InlineData("no... (#ad)", false)]
    [InlineData("non-#sponsored review", false)]
    [InlineData("I was never “#gifted” anything", false)] // U+201C is punctuation (Pi)
    [InlineData("not a paid partnership", true)] // only a negation right before the marker counts
    [InlineData("cannot #ad", true)] // 'not' inside a word is no negation
    [InlineData("knot #ad", true)]
    [InlineData("not# #ad", true)] // '#' does not separate
    [InlineData("nothing #ad", true)]
    [InlineData("not #ad, but #ad", true)] // one plain occurrence discloses
    [InlineData("not #ad #sponsored", true)] // '#ad' is no negation of '#sponsored'
    // Malay
    [InlineData("Tiada #iklan, cuma pendapat jujur", false)]
    [InlineData("tak #iklan", false)]
    [InlineData("Saya tidak sangka #iklan ini", true)]
    // Indonesian
    [InlineData("Ini BUKAN #iklan ya", false)]
    [InlineData("tidak #iklan", false)]
    [InlineData("bukanlah #iklan", true)] // 'bukan' is not a whole word here
    [InlineData("#iklan", true)]
    // Chinese: negations need no word boundary
    [InlineData("这不是广告", false)]
    [InlineData("非广告，用了一个月", false)]
    [InlineData("没有广告", false)]
    [InlineData("并非广告", false)]
    [InlineData("並非广告", false)]
    [InlineData("这无广告", false)]
    [InlineData("不是 「广告」", false)]
    [InlineData("本条为广告。", true)]
    [InlineData("不是广告，但这条是广告", true)]
    [InlineData("not广告", true)] // 'not' ends in a letter that touches the marker: not a whole word
    [InlineData("不是#ad", false)]
    // The defaults added under spec v1.1 §9 (docs/markers.md), with and without a negation
    [InlineData("感谢品牌赞助，用了一周", true)]
    [InlineData("没有赞助，自费购买", false)]
    [InlineData("Kemitraan berbayar dengan @tokokita", true)]
    [InlineData("ini bukan kemitraan berbayar", false)]
    public void A_negation_right_before_a_marker_cancels_it(string text, bool expected) =>
        Discloses(text).Should().Be(expected, "'{0}'", text);

    [Theory]
    [InlineData("not #ad and more text here", 10, false)]
    [InlineData("not #ad, #ad", 10, true)]
    [InlineData("not #ad, #ad", 8, false)] // the plain one begins at index 9
    [InlineData("这不是广告", 5, false)]
    // Buried past 'within', in each language
    [InlineData("Honest review of this lamp, bright and quiet #ad", 10, false)]
    [InlineData("Ulasan jujur tentang pengecas ini #iklan", 10, false)]
    [InlineData("#iklan ulasan jujur", 10, true)]
    [InlineData("Pengecas ini bagus, kemitraan berbayar dengan toko", 10, false)]
    [InlineData("Kemitraan berbayar dengan toko", 1, true)]
    [InlineData("这款充电器真的很好用，本条为广告", 5, false)]
    [InlineData("广告：这款充电器真的很好用", 1, true)]
    [InlineData("赞助 没有广告", 1, true)] // mixed: the first marker is plain
    public void The_prefix_form_applies_the_same_rule(string text, int within, bool expected) =>
        Discloses(text, $"discloses(event.s, {within})").Should().Be(expected, "'{0}' within {1}", text, within);

    [Theory]
    [InlineData("not #partner", false)]
    [InlineData("tiada #partner ok", false)]
    [InlineData("ya #partner", true)]
    public void Negation_applies_to_a_campaign_list_too(string text, bool expected) =>
        Discloses(text, "discloses(event.s, ['#partner'])").Should().Be(expected, "'{0}'", text);

    [Fact]
    public void Every_negation_cancels_every_default_marker()
    {
        foreach (var negation in DisclosureNegation.Words)
        {
            foreach (var marker in BuiltIns.DefaultMarkers)
            {
                var text = negation + " " + marker;
                BuiltIns.Discloses(text, [marker], long.MaxValue).Should().BeFalse("'{0}'", text);
                new DisclosureMatcher([marker]).Discloses(text, long.MaxValue).Should().BeFalse("'{0}'", text);
                BuiltIns.Discloses("ok " + marker, [marker], long.MaxValue).Should().BeTrue("'ok {0}' discloses", marker);
            }
        }
    }
}
