using WomRules.Runtime;

namespace WomRules.Tests.Runtime;

/// <summary>
/// The compiled delegates use <see cref="DisclosureMatcher"/>, the reference evaluator <see cref="BuiltIns.Discloses"/>:
/// on every text, marker list and <c>within</c> they must give the same answer.
/// </summary>
public sealed class DisclosureMatcherTests
{
    private static readonly string[][] MarkerLists =
    [
        BuiltIns.DefaultMarkers,
        ["#gifted", "#ad", "#sponsored"],
        ["#employee", "i work for"],
        ["", "#ad"],
        ["广告", "提供"],
        ["x"],
        ["!!!", "(ad)"],
        [],
    ];

    private static readonly string[] Texts =
    [
        "", "#ad", "#AD!", "Love it #ad", "#adventure", "so#ad", "#ad_", "#ad-", "I WORK FOR Acme", "ı work for acme", "ſponsored by Acme",
        "Sponsored By", "gifted byx", "paid partnership", "unpaid partnership", "这是广告内容", "广告", "x广告x", "#advert #ad",
        "Honestly the best thing I bought this spring, and the delivery was quick too #sponsored", "#a", "a", "#ad\u00e9", "é#ad",
        "#Ａd", "#iklan", "#IKLAN.", "line\n#paid\n", "🙂#ad🙂", "xx #employee", "#employeeX #employee",
        // Negations (spec v1.1 §9), right before a marker or not quite.
        "not #ad", "NOT #AD #ad", "knot #ad", "not#ad", "not# #ad", "non_#ad", "no, (#ad)", "never “#gifted”", "not  \t#paid",
        "tidak #iklan", "BUKAN #iklan", "tiada, #iklan ok #iklan", "这不是广告", "非广告", "本条为广告", "不是x广告", "not广告", "不是 「广告」",
        "not sponsored by", "not a paid partnership", "no x", "no, x", "没有提供", "not I work for", "!!! not !!!#ad",
    ];

    public static TheoryData<int> ListIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < MarkerLists.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ListIndexes))]
    public void The_matcher_agrees_with_the_general_algorithm(int list)
    {
        var markers = MarkerLists[list];
        var matcher = new DisclosureMatcher(markers);
        long[] withins = [0, 1, 2, 3, 5, 10, 40, 80, long.MaxValue];
        var held = 0;
        foreach (var text in Texts)
        {
            foreach (var within in withins)
            {
                var expected = BuiltIns.Discloses(text, markers, within);
                matcher.Discloses(text, within).Should().Be(expected, "'{0}' with markers [{1}] within {2}", text, string.Join(", ", markers), within);
                held += expected ? 1 : 0;
            }
        }

        if (markers.Length > 1)
        {
            held.Should().BePositive("some texts should disclose, or the comparison proves little");
        }
    }
}
