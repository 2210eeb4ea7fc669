using WomRules.Syntax;
using WomRules.Tests.Support;

namespace WomRules.Tests.Parsing;

/// <summary>The DSL grammar: each form means what the equivalent YAML means, and each mistake is a positioned diagnostic.</summary>
public sealed class DslParserTests
{
    private static string[] Diagnostics(string dsl) => [.. CampaignCompilation.Create(dsl, "c.wom").GetDiagnostics().Select(d => d.ToString())];

    private static void ShouldMean(string dsl, string yaml) =>
        Forms.ShouldBeSameTree(Forms.Parse(dsl, CampaignFormat.Dsl), Forms.Parse(yaml, CampaignFormat.Yaml), "the DSL should mean the YAML");

    [Fact]
    public void A_full_campaign_means_the_same_as_its_yaml() => ShouldMean(
        """
        # header
        campaign spring-referral
        description "Refer a friend; \"both\" win"
        active from 2026-03-01 until 2026-07-01T00:00:00Z
        event referral.converted
          order_total: decimal
          tags: list = ["#a", b]
        event account.verified
        participant
          country: string = ""
        counters referrals, adopted
        tier bronze
        tier silver
          when participant.lifetime_points >= 500
          privileges free_shipping, early_access
        budget 1000 points, 50.00 credit
        disclosure ftc
          on referral.converted, account.verified
          applies event.order_total > 1
          require discloses(event.referrer)
          action withhold
          message 'Say it: #ad'
        rule double-sided on referral.converted
          priority -3
          stop
          when event.order_total >= 20
            and event.referrer != event.actor
          reward referrer 500 points, counter referrals by 2
          reward to actor credit 10.00, badge "first order", alert big
          limit 32 per campaign of referrer
        """,
        """
        womrules: 1
        campaign: spring-referral
        description: 'Refer a friend; "both" win'
        active: { from: 2026-03-01, until: 2026-07-01T00:00:00Z }
        events:
          referral.converted:
            order_total: decimal
            tags: { type: list, default: ["#a", b] }
          account.verified: {}
        participant:
          country: { type: string, default: "" }
        counters: [referrals, adopted]
        tiers:
          - name: bronze
          - name: silver
            when: participant.lifetime_points >= 500
            privileges: [free_shipping, early_access]
        budget: { points: 1000, credit: 50.00 }
        disclosures:
          - name: ftc
            on: [referral.converted, account.verified]
            applies: event.order_total > 1
            require: discloses(event.referrer)
            action: withhold
            message: "Say it: #ad"
        rules:
          - name: double-sided
            on: referral.converted
            priority: -3
            stop: true
            when: event.order_total >= 20 and event.referrer != event.actor
            rewards:
              - { to: referrer, points: 500, counter: referrals, by: 2 }
              - { to: actor, credit: 10.00, badge: first order, alert: big }
            limit: { count: 32, per: campaign, of: referrer }
        """);

    [Fact]
    public void Amounts_may_come_before_or_after_their_unit() => ShouldMean(
        """
        campaign c
        event e
          n: int
        rule r on e
          reward points if event.n > 1 then 10 else 5, 2.50 credit
          reward referrer event.n * 2 points
          stop false
        """,
        """
        womrules: 1
        campaign: c
        events:
          e:
            n: int
        rules:
          - name: r
            on: e
            stop: false
            rewards:
              - { points: if event.n > 1 then 10 else 5, credit: 2.50 }
              - { to: referrer, points: event.n * 2 }
        """);

    [Fact]
    public void CSharp_code_in_backticks_survives_exactly_in_a_lang_csharp_rule()
    {
        var tree = Forms.Parse(
            """
            campaign c
            event e
              n: int
            rule r on e
              lang csharp
              when `Event.N > 1 && "a,b".Length == 3`
              reward `` $"`{Event.N}`".Length `` points, ```Event.N switch { 1 => 2m, _ => 0m }``` credit
            """,
            CampaignFormat.Dsl);
        var rule = tree.Rules.Single();
        rule.Language!.Text.Should().Be("csharp");
        ((CSharpExpressionSyntax)rule.When!).Code.Text.Should().Be("Event.N > 1 && \"a,b\".Length == 3");
        ((CSharpExpressionSyntax)rule.Rewards[0].Points!).Code.Text.Should().Be("$\"`{Event.N}`\".Length");
        ((CSharpExpressionSyntax)rule.Rewards[0].Credit!).Code.Text.Should().Be("Event.N switch { 1 => 2m, _ => 0m }");
    }

    [Fact]
    public void Backticks_need_lang_csharp_and_lang_csharp_needs_backticks()
    {
        Diagnostics("campaign c\nevent e\n  n: int\nrule r on e\n  when `Event.N > 1`\n  reward 1 points\n")
            .Should().ContainSingle(d => d.StartsWith("c.wom(5,8): error WOM5007", StringComparison.Ordinal));
        Diagnostics("campaign c\nevent e\n  n: int\nrule r on e\n  lang csharp\n  when event.n > 1\n  reward `1` points\n")
            .Should().ContainSingle(d => d.StartsWith("c.wom(6,8): error WOM5008", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clause_given_twice_is_an_error_at_the_second()
    {
        Diagnostics("campaign c\nevent e\n  n: int\nrule r on e\n  on e\n  reward 1 points\n")
            .Should().Contain(d => d.StartsWith("c.wom(5,3): error WOM5006: 'on' is given more than once in the rule 'r'", StringComparison.Ordinal));
        Diagnostics("campaign c\nevent e\n  n: int\nrule r on e\n  reward 1 points, 2 points\n  limit 1 per day\n")
            .Should().Contain(d => d.StartsWith("c.wom(5,22): error WOM5006: 'points' is given more than once in this reward", StringComparison.Ordinal));
        Diagnostics("campaign c\ncampaign d\n").Should().Contain(d => d.StartsWith("c.wom(2,1): error WOM5006", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_in_expressions_point_into_the_dsl_file()
    {
        Diagnostics("campaign c\nevent e\n  n: int\nrule r on e\n  when event.n > 'x'\n  reward 1 points\n  limit 1 per day\n")
            .Should().ContainSingle(d => d.StartsWith("c.wom(5,8): error WOM3017", StringComparison.Ordinal) || d.StartsWith("c.wom(5,18): error WOM3017", StringComparison.Ordinal));
        Diagnostics("campaign c\nevent e\n  n: int\nrule r on e\n  when event.n >\n    and 1\n  reward 1 points\n")
            .Should().ContainSingle(d => d.StartsWith("c.wom(6,5): error WOM2001", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reward_without_effect_reads_like_yaml_and_is_reported_by_the_binder()
    {
        ShouldMean("campaign c\nevent e\n  n: int\nrule r on e\n  reward actor\n", "womrules: 1\ncampaign: c\nevents:\n  e:\n    n: int\nrules:\n  - { name: r, on: e, rewards: [ { to: actor } ] }\n");
        Diagnostics("campaign c\nevent e\n  n: int\nrule r on e\n  reward actor\n").Should().Contain(d => d.StartsWith("c.wom(5,3): error WOM3025", StringComparison.Ordinal));
        Diagnostics("campaign c\nevent e\n  n: int\nrule r on e\n  reward , 5 points\n").Should().Contain(d => d.Contains("WOM5001", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unsupported_version_is_an_error() =>
        Diagnostics("womrules 2\ncampaign c\n").Should().Contain(d => d.StartsWith("c.wom(1,10): error WOM1013", StringComparison.Ordinal));

    [Fact]
    public void A_file_without_campaign_line_says_so() =>
        Diagnostics("event e\n  n: int\n").Should().Contain("c.wom(1,1): error WOM5009: The file has no 'campaign' line; start it with 'campaign <id>'.");

    [Fact]
    public void Indented_text_before_any_declaration_is_an_error() =>
        Diagnostics("  campaign c\n").Should().Contain(d => d.StartsWith("c.wom(1,3): error WOM5001", StringComparison.Ordinal));

    [Fact]
    public void Empty_control_character_and_oversized_files_are_diagnostics()
    {
        Diagnostics("# only a comment\n").Should().ContainSingle(d => d.Contains("WOM0002", StringComparison.Ordinal));
        Diagnostics("campaign c\u0001\n").Should().ContainSingle(d => d.Contains("WOM0003", StringComparison.Ordinal));
        CampaignCompilation.Create("campaign c\n" + new string('#', 2000), "c.wom", new CompilationOptions { MaxFileSize = 1000 }).GetDiagnostics()
            .Should().ContainSingle(d => d.Id == "WOM0001");
    }

    [Fact]
    public void A_string_longer_than_the_limit_is_an_error() =>
        CampaignCompilation.Create("campaign c\ndescription \"" + new string('a', 100) + "\"\n", "c.wom", new CompilationOptions { MaxScalarLength = 50 })
            .GetDiagnostics().Select(d => d.ToString()).Should().ContainSingle(d => d.StartsWith("c.wom(2,13): error WOM5004", StringComparison.Ordinal));

    [Fact]
    public void Windows_line_endings_parse_the_same() => ShouldMean(
        "campaign c\r\nevent e\r\n  n: int\r\nrule r on e\r\n  when event.n > 1\r\n    or event.n < 0\r\n  reward 1 points\r\n",
        "womrules: 1\ncampaign: c\nevents:\n  e:\n    n: int\nrules:\n  - { name: r, on: e, when: event.n > 1 or event.n < 0, rewards: [ { points: 1 } ] }\n");

    [Fact]
    public void The_form_follows_the_extension_unless_the_options_say_otherwise()
    {
        const string dsl = "campaign c\nbudget 10 points\nevent e\n  n: int\nrule r on e\n  reward 1 points\n";
        CampaignCompilation.Create(dsl, "x.wom").HasErrors.Should().BeFalse();
        CampaignCompilation.Create(dsl, "x.WOM").HasErrors.Should().BeFalse();
        CampaignCompilation.Create(dsl, "x.yaml").GetDiagnostics().Select(d => d.Id).Should().Equal(["WOM1018"], "a .yaml file is read as YAML, and DSL text in it is named as such");
        CampaignCompilation.Create(dsl).HasErrors.Should().BeFalse("without a path, text that starts with 'campaign <id>' is the DSL");
        CampaignCompilation.Create(dsl, null, new CompilationOptions { Format = CampaignFormat.Dsl }).HasErrors.Should().BeFalse();
    }

    [Fact]
    public void FromFile_reads_a_wom_file()
    {
        var compilation = CampaignCompilation.FromFile(Path.Combine(RepositoryPaths.Examples, "reviews", "campaign.wom"));
        compilation.GetDiagnostics().Should().BeEmpty();
        compilation.Emit().Campaign!.Id.Should().Be("honest-reviews");
    }

    [Fact]
    public void A_big_generated_file_parses_without_errors()
    {
        var text = WomRules.Parsing.DslCorpus.Generate(300);
        var compilation = CampaignCompilation.Create(text, "big.wom");
        compilation.GetDiagnostics().Where(d => d.IsError).Should().BeEmpty();
        compilation.Emit().Campaign!.Rules.Should().HaveCount(300);
    }
}
