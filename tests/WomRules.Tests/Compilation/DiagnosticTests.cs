namespace WomRules.Tests.Compilation;

/// <summary>Binding and type diagnostics (spec §3, §6): exact id, line and column, pointing at the offending operand.</summary>
public sealed class DiagnosticTests
{
    /// <summary>A small campaign without rules, for tests that add a rule and look at its diagnostics.</summary>
    internal const string Header = """
        womrules: 1
        campaign: diag
        budget: { points: 100000 }
        events:
          review.posted:
            rating: int
            text: string
        counters: [reviews]
        tiers:
          - name: bronze
          - name: silver
            when: participant.points >= 500

        """;

    /// <summary>Diagnostics as "line:column id" (1-based), for exact assertions.</summary>
    private static List<string> Diagnose(string body) =>
        CampaignCompilation.Create(Header + body, "c.yaml").GetDiagnostics().Select(d => $"{d.Line}:{d.Column} {d.Id}").ToList();

    private static string Rule(string when = "true", string points = "10") => $"""
        rules:
          - name: r
            on: review.posted
            when: {when}
            rewards:
              - points: {points}
        """;

    [Fact]
    public void A_clean_campaign_has_no_diagnostics() => Diagnose(Rule()).Should().BeEmpty();

    [Fact]
    public void Comparing_a_string_with_a_number_points_at_the_offending_operand()
    {
        // line 16 is the 'when:' line; "    when: " is 10 characters, so the expression starts at column 11.
        Diagnose(Rule("event.rating >= 4 and event.text == 5")).Should().Equal("16:47 WOM3017");
        Diagnose(Rule("event.text > 3")).Should().Equal("16:24 WOM3017");
        Diagnose(Rule("\"'3' < event.rating\"")).Should().Equal("16:12 WOM3017");
    }

    [Fact]
    public void An_unknown_event_attribute_points_at_the_member_name() =>
        Diagnose(Rule("event.rating >= 4 and event.ratin > 1")).Should().Equal("16:39 WOM3010");

    [Fact]
    public void An_unknown_participant_member_is_reported() =>
        Diagnose(Rule("participant.karma > 1")).Should().Equal("16:23 WOM3011");

    [Fact]
    public void An_undeclared_tier_points_at_the_literal() =>
        Diagnose(Rule("participant.tier >= 'platinum'")).Should().Equal("16:31 WOM3013");

    [Fact]
    public void An_expression_syntax_error_inside_yaml_points_at_its_column() =>
        Diagnose(Rule("event.rating >= >")).Should().Equal("16:27 WOM2001");

    [Fact]
    public void An_error_in_a_quoted_scalar_is_positioned_inside_the_quotes() =>
        Diagnose(Rule("\"event.rating >= 4 and event.text == 5\"")).Should().Equal("16:48 WOM3017");

    [Fact]
    public void An_error_in_a_block_scalar_is_positioned_on_its_own_line() =>
        Diagnose(Rule("|\n        event.rating >= 4\n          and event.text == 5")).Should().Equal("18:29 WOM3017");

    [Fact]
    public void When_must_be_bool_and_points_must_be_int()
    {
        Diagnose(Rule("event.rating")).Should().Equal("16:11 WOM3019");
        Diagnose(Rule(points: "2.5")).Should().Equal("18:17 WOM3019");
    }

    [Fact]
    public void An_unknown_top_level_key_is_reported_at_the_key() =>
        Diagnose("rulez: []\n").Should().Contain("13:1 WOM1008");

    [Fact]
    public void An_unknown_key_in_a_rule_is_reported_at_the_key() =>
        Diagnose(Rule().Replace("    on: review.posted", "    on: review.posted\n    whem: true")).Should().Equal("16:5 WOM1008");

    [Fact]
    public void Duplicate_rule_names_are_an_error_at_the_second_name()
    {
        var body = Rule() + "\n" + """
              - name: r
                on: review.posted
                rewards: [ { alert: again } ]
            """;
        Diagnose(body).Should().Equal("19:11 WOM4005");
    }

    [Fact]
    public void An_undeclared_event_type_in_on_is_reported() =>
        Diagnose(Rule().Replace("on: review.posted", "on: review.pasted")).Should().Contain("15:9 WOM3009");

    [Fact]
    public void An_unknown_counter_in_a_reward_is_reported() =>
        Diagnose(Rule(points: "5\n        counter: reviewz")).Should().Equal("19:18 WOM3024");

    [Fact]
    public void An_invalid_regex_is_a_compile_time_error_at_the_pattern() =>
        Diagnose(Rule("event.text matches '(a)\\1'")).Should().Equal("16:30 WOM3021");

    [Fact]
    public void Unknown_functions_and_wrong_arguments_are_reported()
    {
        Diagnose(Rule("lenght(event.text) > 3")).Should().Equal("16:11 WOM3014");
        Diagnose(Rule("discloses(event.rating)")).Should().Equal("16:21 WOM3018");
        Diagnose(Rule("min(1) > 0")).Should().Equal("16:11 WOM3015");
    }

    [Fact]
    public void Lang_csharp_without_opt_in_is_WOM3031_at_the_lang_key() =>
        Diagnose(Rule().Replace("    on: review.posted", "    on: review.posted\n    lang: csharp")).Should().Contain("16:11 WOM3031");

    [Fact]
    public void A_reward_rule_without_limit_or_budget_warns_of_unbounded_liability()
    {
        var text = (Header + Rule()).Replace("budget: { points: 100000 }\n", "");
        var diagnostics = CampaignCompilation.Create(text, "c.yaml").GetDiagnostics();
        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostics.Diagnostic>(d => d.Id == "WOM4001" && d.Severity == Diagnostics.DiagnosticSeverity.Warning && d.Line == 13);
    }

    [Fact]
    public void A_rule_on_an_event_only_flagged_by_disclosures_warns()
    {
        var body = """
            disclosures:
              - name: must-disclose
                on: [review.posted]
                require: discloses(event.text)
                action: flag

            """ + Rule();
        Diagnose(body).Should().Equal("19:11 WOM4002");
    }

    [Fact]
    public void An_unreachable_tier_warns()
    {
        var text = Header.Replace("when: participant.points >= 500", "when: participant.reviews >= 3") + Rule();
        CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("11:11 WOM4003");
    }

    [Fact]
    public void An_ambiguous_disclosure_marker_warns_at_the_marker() =>
        Diagnose(Rule("discloses(event.text, ['#ad', '#spon'])")).Should().Equal("16:41 WOM4004");

    [Fact]
    public void An_unused_event_type_warns_at_its_name()
    {
        var text = Header.Replace("events:\n", "events:\n  order.placed: { total: decimal }\n") + Rule();
        CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("5:3 WOM4006");
    }

    [Fact]
    public void Comparing_a_tier_without_tiers_is_WOM3030()
    {
        const string text = """
            womrules: 1
            campaign: no-tiers
            budget: { points: 10 }
            events:
              ping: {}
            rules:
              - { name: r, on: ping, when: participant.tier == 'gold', rewards: [ { points: 1 } ] }
            """;
        CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("7:44 WOM3030");
    }

    [Fact]
    public void Declaration_mistakes_are_reported_where_they_are_written()
    {
        const string text = """
            womrules: 2
            campaign: Bad_Id
            active: { from: 2026-13-01, until: 2026-01-01 }
            events:
              points.redeemed: { points: int }
              ping: { type: string, n: integer, m: { type: int, default: many } }
            participant:
              points: { type: int }
            counters: [hits, hits]
            tiers:
              - name: base
                when: participant.hits > 1
              - name: top
            rules:
              - name: r
                on: ping
                priority: high
                stop: maybe
                limit: { count: 0, per: fortnight, of: someone }
                rewards:
                  - { to: everyone, by: 2, badge: b }
                  - { }
            """;
        CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal(
            "1:11 WOM1013", // womrules: 2
            "2:11 WOM3001", // campaign id
            "3:17 WOM3002", // 2026-13-01
            "5:3 WOM3034", // points.redeemed declared
            "6:11 WOM3007", // event attribute 'type' is reserved
            "6:28 WOM3004", // integer
            "6:62 WOM3005", // default many
            "8:3 WOM3007", // participant attribute 'points' is reserved
            "9:18 WOM3006", // counter declared twice
            "12:11 WOM3027", // first tier with a condition
            "13:11 WOM3028", // later tier without one
            "17:15 WOM1015", // priority
            "18:11 WOM1015", // stop
            "19:21 WOM1015", // count 0
            "19:29 WOM1015", // per fortnight
            "19:44 WOM1015", // of someone
            "21:15 WOM1015", // to everyone
            "21:29 WOM3026", // by without counter
            "22:9 WOM3025"); // reward without effect
    }

    [Fact]
    public void Every_diagnostic_id_is_documented()
    {
        var docs = File.ReadAllText(Path.Combine(Support.RepositoryPaths.Root, "docs", "diagnostics.md"));
        var ids = typeof(Diagnostics.DiagnosticDescriptors).GetFields().Select(f => ((Diagnostics.DiagnosticDescriptor)f.GetValue(null)!).Id).ToList();
        ids.Should().OnlyHaveUniqueItems();
        ids.Should().AllSatisfy(id => docs.Should().Contain("### " + id));
    }
}
