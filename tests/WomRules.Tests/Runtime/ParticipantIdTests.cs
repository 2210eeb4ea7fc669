using System.Text;
using CsCheck;
using WomRules.Binding;
using WomRules.Runtime;
using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Issue 10, "participant ids are compared ordinally": the campaign option <c>ids</c> canonicalises the actor and
/// referrer of every event before anything looks at them, in both forms and both event readers; without it, ids stay
/// exactly as given.
/// </summary>
public sealed class ParticipantIdTests
{
    private const string Option = "ids: { normalize: nfkc, case: insensitive, strip: [zero-width] }";

    private static string Campaign(string ids) => $$"""
        womrules: 1
        campaign: referrals
        {{ids}}
        events:
          referral.converted: {}
        rules:
          - name: referral
            on: referral.converted
            when: event.referrer != event.actor
            rewards:
              - { to: referrer, points: 100 }
            limit: { count: 5, per: campaign, of: referrer }
        """;

    /// <summary>Twelve spellings of one person: case, fullwidth letters, NFC and NFD accents, zero-width characters.</summary>
    private static readonly string[] Spellings =
    [
        "b\u00E9n", "be\u0301n", "B\u00E9n", "B\u00C9N", "Be\u0301n", "\uFF42\u00E9\uFF4E",
        "\uFF22\uFF45\u0301\uFF4E", "b\u00E9n\u200B", "b\u200B\u00E9n", "\uFEFFbe\u0301n", "B\u00C9N\u200D", "\uFF42\uFF45\u0301\uFF4E\u2060",
    ];

    private static string Referral(int i, string referrer) => Event($"e-{i}", "referral.converted", $"new-{i}", "{}", referrer);

    public static TheoryData<bool> Readers => new() { true, false };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Twelve_spellings_of_one_referrer_earn_at_most_the_limit_with_the_option(bool fastReader)
    {
        Spellings.Distinct(StringComparer.Ordinal).Should().HaveCount(12);
        var (compiled, reference) = Engines(Campaign(Option), fastReader);

        var rewards = Spellings.Select((s, i) => Rewards(compiled, reference, Referral(i, s))).Sum();

        rewards.Should().Be(5, "the twelve spellings are one participant, whose limit is 5");
        compiled.GetParticipant("b\u00E9n")!.Points.Should().Be(500);
        compiled.GetParticipant("BE\u0301N")!.Id.Should().Be("b\u00E9n", "a host's lookup is canonicalised too");
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Without_the_option_ids_are_ordinal_as_before(bool fastReader)
    {
        var (compiled, reference) = Engines(Campaign(""), fastReader);

        var rewards = Spellings.Select((s, i) => Rewards(compiled, reference, Referral(i, s))).Sum();

        rewards.Should().Be(12, "without the option each spelling is its own participant; hosts must canonicalise ids themselves");
    }

    [Fact]
    public void The_issue_spellings_of_ben_are_one_participant()
    {
        var ids = new IdsSymbol(NormalizationForm.FormKC, IgnoreCase: true, StripZeroWidth: true);
        foreach (var spelling in new[] { "ben", "Ben", "\uFF42\uFF45\uFF4E", "ben\u200B", "BEN" })
        {
            ParticipantIds.Canonicalize(spelling, ids).Should().Be("ben", spelling);
        }
    }

    [Fact]
    public void The_object_entry_point_canonicalises_too()
    {
        var engine = new CampaignEngine(Compile(Campaign(Option)));
        for (var i = 0; i < Spellings.Length; i++)
        {
            engine.Process(new EngagementEvent($"e-{i}", "referral.converted", DateTimeOffset.Parse("2026-03-02T10:00Z", System.Globalization.CultureInfo.InvariantCulture), $"new-{i}", Spellings[i]));
        }

        engine.GetParticipant("b\u00E9n")!.Points.Should().Be(500);
    }

    [Fact]
    public void Self_referral_is_seen_through_case_and_zero_width_characters()
    {
        var runner = new CampaignRunner(Campaign(Option));

        runner.Run(Event("e-1", "referral.converted", "Ben", "{}", "ben\u200B")).Should().BeEmpty("event.actor and event.referrer are compared canonicalised");
        new CampaignRunner(Campaign("")).Run(Event("e-1", "referral.converted", "Ben", "{}", "ben\u200B")).Should().ContainSingle();
    }

    [Fact]
    public void Outcomes_name_the_canonical_id()
    {
        var runner = new CampaignRunner(Campaign(Option));

        runner.Run(Referral(1, "\uFF22\uFF45\u0301\uFF4E")).Should().Equal(
            "{\"kind\":\"reward\",\"event\":\"e-1\",\"rule\":\"referral\",\"participant\":\"b\u00E9n\",\"points\":100}");
    }

    [Fact]
    public void An_id_with_nothing_left_once_canonicalised_is_rejected()
    {
        var runner = new CampaignRunner(Campaign(Option));

        runner.Run(Event("e-1", "referral.converted", "\u200B", "{}", "ben")).Should().ContainSingle().Which.Should().Contain("\"kind\":\"rejected\"").And.Contain("'actor'");
        runner.Run(Event("e-2", "referral.converted", "ann", "{}", "\u200B\u2060")).Should().ContainSingle().Which.Should().Contain("\"kind\":\"rejected\"").And.Contain("'referrer'");
    }

    [Fact]
    public void An_option_with_every_key_at_its_default_changes_nothing()
    {
        Compile(Campaign("ids: { normalize: none, case: sensitive }")).Bound.Ids.Should().BeNull("the engine then does no work per event");
        Compile(Campaign("ids: {}")).Bound.Ids.Should().BeNull();
        Compile(Campaign(Option)).Bound.Ids.Should().Be(new IdsSymbol(NormalizationForm.FormKC, true, true));
    }

    [Theory]
    [InlineData("{ normalize: nfkc }")]
    [InlineData("{ normalize: nfc, case: insensitive }")]
    [InlineData("{ case: insensitive, strip: [zero-width] }")]
    [InlineData("{ normalize: nfkc, case: insensitive, strip: [zero-width] }")]
    public void Canonicalising_twice_changes_nothing(string option)
    {
        var ids = Compile(Campaign("ids: " + option)).Bound.Ids!;
        var alphabet = "aAbBéÉe\u0301\u0130\u0131iIßſςσΣﬁ\uFF21\uFF41\u210C\u200B\u200D\u00AD\u2060 -_.1\u00BD\u3000ǅǄǆ";
        Gen.Char[alphabet].Array[0, 12].Select(c => new string(c)).Sample(
            id =>
            {
                var once = ParticipantIds.Canonicalize(id, ids)!;
                ParticipantIds.Canonicalize(once, ids).Should().Be(once, $"canonicalising '{id}' once must be enough");
            },
            iter: 2000,
            threads: 1);
    }

    private static (CampaignEngine Compiled, CampaignEngine Reference) Engines(string yaml, bool fastReader) =>
        (new CampaignEngine(Compile(yaml)) { UseUtf8EventReader = fastReader },
         new CampaignEngine(Compile(yaml, WomRules.Emit.EvaluatorKind.Reference)) { UseUtf8EventReader = fastReader });

    private static int Rewards(CampaignEngine compiled, CampaignEngine reference, string line)
    {
        var a = compiled.ProcessJson(line).Select(o => o.ToJson()).ToList();
        reference.ProcessJson(line).Select(o => o.ToJson()).Should().Equal(a, "both evaluators must agree on " + line);
        return a.Count(o => o.Contains("\"kind\":\"reward\"", StringComparison.Ordinal));
    }
}
