using WomRules.Tests.Support;
using static WomRules.Tests.Support.CampaignRunner;

namespace WomRules.Tests.Runtime;

/// <summary>One or more tests per numbered clause of spec §4, each run through both evaluators.</summary>
public sealed class EvaluationClauseTests
{
    private const string Campaign = """
        womrules: 1
        campaign: clauses
        active: { from: 2026-03-01, until: 2026-07-01 }
        events:
          referral.converted:
            order_total: decimal
          review.posted:
            rating: int
            text: string
            incentivized: { type: bool, default: false }
            relationship: { type: string, default: customer }
          suggestion.adopted: {}
        participant:
          country: { type: string, default: "" }
        counters: [referrals, adopted]
        tiers:
          - name: bronze
          - name: silver
            when: participant.lifetime_points >= 500
            privileges: [free_shipping]
          - name: gold
            when: participant.lifetime_points >= 2000 or participant.referrals >= 10
        budget: { points: 1000000, credit: 50000.00 }
        disclosures:
          - name: ftc-material-connection
            on: [review.posted]
            applies: event.incentivized or event.relationship in ["employee", "influencer", "affiliate"]
            require: discloses(event.text)
            action: withhold
            message: Incentivized or connected reviews must disclose the connection.
        rules:
          - name: referral-double-sided
            on: referral.converted
            when: event.order_total >= 20 and event.referrer != event.actor
            rewards:
              - { to: referrer, points: 500, counter: referrals }
              - { to: actor, credit: 10.00 }
            limit: { count: 2, per: campaign, of: referrer }
          - name: review-points
            on: review.posted
            when: event.rating >= 1
            rewards:
              - points: if participant.tier >= 'gold' then 100 else 50
          - name: negative-review-alert
            on: review.posted
            when: event.rating <= 2
            rewards:
              - alert: negative-review
          - name: co-creator
            on: suggestion.adopted
            priority: 10
            rewards:
              - { points: 200, badge: co-creator, counter: adopted }
        """;

    private static string Referral(string id, string actor, string referrer, decimal total = 50m, string at = "2026-03-02T10:00:00Z") =>
        Event(id, "referral.converted", actor, $"{{\"order_total\": {total}}}", referrer, at);

    private static string Review(string id, string actor, int rating, string text, bool incentivized = false) =>
        Event(id, "review.posted", actor, $"{{\"rating\": {rating}, \"text\": \"{text}\", \"incentivized\": {(incentivized ? "true" : "false")}}}");

    [Fact]
    public void Clause1_a_seen_id_gives_one_duplicate_and_changes_nothing()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Referral("e-1", "u-2", "u-1"));
        var before = StateText(runner.Participant("u-1")!);

        var outcomes = runner.Run(Referral("e-1", "u-3", "u-1"));

        outcomes.Should().Equal("""{"kind":"duplicate","event":"e-1"}""");
        StateText(runner.Participant("u-1")!).Should().Be(before);
        runner.Participant("u-3").Should().BeNull();
    }

    [Fact]
    public void Clause2_an_undeclared_type_gives_nothing_and_changes_nothing()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Event("e-1", "order.shipped", "u-1")).Should().BeEmpty();
        runner.Participant("u-1").Should().BeNull();

        // Not recorded: the id is still free.
        runner.Run(Referral("e-1", "u-2", "u-1")).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("2026-02-28T23:59:59Z")]
    [InlineData("2026-07-01T00:00:00Z")]
    public void Clause2_an_event_outside_the_active_window_gives_nothing(string at)
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Referral("e-1", "u-2", "u-1", at: at)).Should().BeEmpty();
        runner.Participant("u-1").Should().BeNull();
    }

    [Fact]
    public void Clause2_the_window_is_half_open_and_includes_its_start()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Referral("e-1", "u-2", "u-1", at: "2026-03-01T00:00:00Z")).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("{\"text\": \"x\"}", "missing required attribute 'rating'")]
    [InlineData("{\"rating\": \"five\", \"text\": \"x\"}", "attribute 'rating' must be an int")]
    [InlineData("{\"rating\": 4.5, \"text\": \"x\"}", "attribute 'rating' must be an int")]
    [InlineData("{\"rating\": 4, \"text\": 7}", "attribute 'text' must be a string")]
    [InlineData("{\"rating\": 4, \"text\": \"x\", \"incentivized\": \"yes\"}", "attribute 'incentivized' must be a bool")]
    public void Clause3_a_missing_or_mistyped_attribute_is_rejected_with_a_reason(string attributes, string reason)
    {
        var runner = new CampaignRunner(Campaign);
        var outcomes = runner.Run(Event("e-1", "review.posted", "u-1", attributes));
        outcomes.Should().Equal($$"""{"kind":"rejected","event":"e-1","reason":"{{reason}}"}""");
        runner.Participant("u-1").Should().BeNull();
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"type\": \"review.posted\"}")]
    [InlineData("{\"id\": 42, \"type\": \"review.posted\"}")]
    [InlineData("{\"id\": \"e-1\", \"type\": ")]
    public void Clause3_a_line_that_is_not_an_object_or_has_no_id_is_rejected_with_event_null(string line)
    {
        var runner = new CampaignRunner(Campaign);
        var outcomes = runner.Run(line);
        outcomes.Should().ContainSingle().Which.Should().StartWith("""{"kind":"rejected","event":null,"reason":""");
    }

    [Theory]
    [InlineData("{\"id\": \"e-1\", \"type\": \"review.posted\", \"at\": \"2026-03-02T10:00:00Z\", \"actor\": \"u-1\", \"id\": \"e-2\"}")]
    [InlineData("{\"id\": \"e-1\", \"type\": \"review.posted\", \"at\": \"2026-03-02T10:00:00Z\", \"actor\": \"u-1\", \"attributes\": {\"rating\": 5, \"rating\": 1, \"text\": \"x\"}}")]
    public void Clause3_a_line_with_a_repeated_property_is_rejected_and_its_id_stays_free(string line)
    {
        var runner = new CampaignRunner(Campaign);
        var outcomes = runner.Run(line);
        outcomes.Should().ContainSingle().Which.Should().StartWith("""{"kind":"rejected","event":null,"reason":""").And.Contain("uplicate");
        runner.Participant("u-1").Should().BeNull();
        runner.Run(Event("e-1", "review.posted", "u-1", """{"rating": 4, "text": "x"}""")).Should().NotContain(o => o.Contains("\"duplicate\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"id": "e-1", "type": "review.posted", "at": "2026-03-02T10:00:00Z", "attributes": {"rating": 4, "text": "x"}}""", "actor")]
    [InlineData("""{"id": "e-1", "type": "review.posted", "actor": "u-1", "attributes": {"rating": 4, "text": "x"}}""", "at")]
    [InlineData("""{"id": "e-1", "type": "review.posted", "at": "yesterday", "actor": "u-1", "attributes": {"rating": 4, "text": "x"}}""", "at")]
    [InlineData("""{"id": "e-1", "at": "2026-03-02T10:00:00Z", "actor": "u-1"}""", "type")]
    [InlineData("""{"id": "e-1", "type": "review.posted", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": [1]}""", "attributes")]
    public void Clause3_a_malformed_event_is_rejected_with_its_id(string line, string mentioned)
    {
        var runner = new CampaignRunner(Campaign);
        var outcome = runner.Run(line).Should().ContainSingle().Subject;
        outcome.Should().StartWith("""{"kind":"rejected","event":"e-1","reason":""").And.Contain(mentioned);
    }

    [Fact]
    public void Clause3_unknown_attributes_are_ignored()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Event("e-1", "review.posted", "u-1", """{"rating": 4, "text": "great", "mood": "sunny"}"""))
            .Should().Equal("""{"kind":"reward","event":"e-1","rule":"review-points","participant":"u-1","points":50}""");
    }

    [Fact]
    public void Clause3_a_rejected_event_can_be_corrected_and_sent_again_under_the_same_id()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Event("e-1", "review.posted", "u-1", """{"text": "great"}""")).Single().Should().Contain("rejected");
        runner.Run(Event("e-1", "review.posted", "u-1", """{"rating": 4, "text": "great"}"""))
            .Should().Equal("""{"kind":"reward","event":"e-1","rule":"review-points","participant":"u-1","points":50}""");
    }

    [Fact]
    public void Clause4_participants_are_created_on_first_sight_with_defaults()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Event("e-1", "suggestion.adopted", "u-1"));
        var p = runner.Participant("u-1")!;
        p.Tier.Should().Be("bronze");
        p.Attributes["country"].Should().Be("");
        p.CounterValues["referrals"].Should().Be(0);

        // The referrer is created too, even when no rule rewards them.
        runner.Run(Event("e-2", "suggestion.adopted", "u-2", referrer: "u-9"));
        runner.Participant("u-9").Should().NotBeNull();
        runner.Participant("u-9")!.Points.Should().Be(0);
    }

    [Fact]
    public void Clause5_an_undisclosed_incentivized_review_is_a_violation_and_its_rules_are_withheld()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Review("e-1", "u-1", 5, "Loved it", incentivized: true)).Should().Equal(
            """{"kind":"violation","event":"e-1","rule":"ftc-material-connection","participant":"u-1","action":"withhold","message":"Incentivized or connected reviews must disclose the connection."}""",
            """{"kind":"skipped","event":"e-1","rule":"review-points","participant":"u-1","reason":"withheld"}""");
        runner.Participant("u-1")!.Points.Should().Be(0);
    }

    [Fact]
    public void Clause5_an_alert_only_rule_still_fires_when_withheld()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Review("e-1", "u-1", 1, "Awful", incentivized: true)).Should().Equal(
            """{"kind":"violation","event":"e-1","rule":"ftc-material-connection","participant":"u-1","action":"withhold","message":"Incentivized or connected reviews must disclose the connection."}""",
            """{"kind":"skipped","event":"e-1","rule":"review-points","participant":"u-1","reason":"withheld"}""",
            """{"kind":"reward","event":"e-1","rule":"negative-review-alert","participant":"u-1","alert":"negative-review","severity":"medium"}""");
    }

    [Fact]
    public void Clause5_a_disclosed_incentivized_review_earns_normally()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Review("e-1", "u-1", 5, "Loved it #ad", incentivized: true))
            .Should().Equal("""{"kind":"reward","event":"e-1","rule":"review-points","participant":"u-1","points":50}""");
    }

    [Fact]
    public void Clause5_a_flag_disclosure_reports_but_rules_still_fire()
    {
        var flagged = Campaign.Replace("action: withhold", "action: flag");
        var runner = new CampaignRunner(flagged);
        runner.Run(Review("e-1", "u-1", 5, "Loved it", incentivized: true)).Should().Equal(
            """{"kind":"violation","event":"e-1","rule":"ftc-material-connection","participant":"u-1","action":"flag","message":"Incentivized or connected reviews must disclose the connection."}""",
            """{"kind":"reward","event":"e-1","rule":"review-points","participant":"u-1","points":50}""");
    }

    [Fact]
    public void Clause6_rules_run_by_priority_then_file_order()
    {
        const string campaign = """
            womrules: 1
            campaign: order
            budget: { points: 1000 }
            events:
              ping: {}
            rules:
              - { name: first-in-file, on: ping, rewards: [ { points: 1 } ] }
              - { name: high-priority, on: ping, priority: 5, rewards: [ { points: 2 } ] }
              - { name: second-in-file, on: ping, rewards: [ { points: 3 } ] }
            """;
        var runner = new CampaignRunner(campaign);
        runner.Run(Event("e-1", "ping", "u-1")).Select(o => o.Split("\"rule\":\"")[1].Split('"')[0])
            .Should().Equal("high-priority", "first-in-file", "second-in-file");
    }

    [Fact]
    public void Clause6_a_rule_that_rewards_the_referrer_does_not_fire_without_one()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Event("e-1", "referral.converted", "u-2", """{"order_total": 50}""")).Should().BeEmpty();
    }

    [Fact]
    public void Clause6_a_rule_that_reads_the_referrer_does_not_fire_without_one()
    {
        const string campaign = """
            womrules: 1
            campaign: reads-referrer
            budget: { points: 1000 }
            events:
              ping: {}
            rules:
              - { name: needs-referrer, on: ping, when: referrer.points >= 0, rewards: [ { points: 1 } ] }
              - { name: plain, on: ping, rewards: [ { points: 2 } ] }
            """;
        var runner = new CampaignRunner(campaign);
        runner.Run(Event("e-1", "ping", "u-1")).Should().ContainSingle().Which.Should().Contain("\"rule\":\"plain\"");
        runner.Run(Event("e-2", "ping", "u-1", referrer: "u-9")).Should().HaveCount(2);
    }

    [Fact]
    public void Clause6_when_false_gives_no_outcome()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Referral("e-1", "u-2", "u-1", total: 5m)).Should().BeEmpty();
    }

    [Fact]
    public void Clause6_a_reached_limit_skips_with_the_limit_participant()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Referral("e-1", "u-2", "u-1"), Referral("e-2", "u-3", "u-1"));
        runner.Run(Referral("e-3", "u-4", "u-1"))
            .Should().Equal("""{"kind":"skipped","event":"e-3","rule":"referral-double-sided","participant":"u-1","reason":"limit"}""");
        runner.Participant("u-1")!.Points.Should().Be(1000);
        runner.Participant("u-4")!.Credit.Should().Be(0m);
    }

    [Theory]
    [InlineData("day", "2026-03-02T23:59:59Z", "2026-03-03T00:00:00Z")]
    [InlineData("week", "2026-03-08T23:59:59Z", "2026-03-09T00:00:00Z")] // ISO weeks start on Monday: 9 March 2026 is a Monday.
    [InlineData("month", "2026-03-31T23:59:59Z", "2026-04-01T00:00:00Z")]
    [InlineData("year", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z")]
    public void Clause6_limit_windows_are_utc_calendar_windows(string per, string lastInWindow, string firstInNext)
    {
        var campaign = $$"""
            womrules: 1
            campaign: windows
            budget: { points: 1000 }
            events:
              ping: {}
            rules:
              - { name: once, on: ping, rewards: [ { points: 1 } ], limit: { count: 1, per: {{per}} } }
            """;
        var runner = new CampaignRunner(campaign);
        runner.Run(Event("e-1", "ping", "u-1", at: lastInWindow)).Single().Should().Contain("\"points\":1");
        runner.Run(Event("e-2", "ping", "u-1", at: lastInWindow)).Single().Should().Contain("\"reason\":\"limit\"");
        runner.Run(Event("e-3", "ping", "u-1", at: firstInNext)).Single().Should().Contain("\"points\":1");
    }

    [Fact]
    public void Clause6_a_rule_that_would_exceed_the_budget_is_skipped_whole()
    {
        const string campaign = """
            womrules: 1
            campaign: budget
            budget: { points: 150, credit: 15 }
            events:
              ping: {}
            rules:
              - name: grant
                on: ping
                rewards:
                  - { points: 100 }
                  - { credit: 10 }
            """;
        var runner = new CampaignRunner(campaign);
        runner.Run(Event("e-1", "ping", "u-1")).Should().HaveCount(2);
        runner.Run(Event("e-2", "ping", "u-2"))
            .Should().Equal("""{"kind":"skipped","event":"e-2","rule":"grant","participant":"u-2","reason":"budget"}""");
        runner.Participant("u-2")!.Points.Should().Be(0);
    }

    [Theory]
    [InlineData("100 / event.n", "{\"n\": 0}", "the amount could not be computed: division by zero")]
    [InlineData("event.n - 10", "{\"n\": 3}", "the points amount is negative: -7")]
    [InlineData("event.n * 9223372036854775807", "{\"n\": 2}", "the amount could not be computed: arithmetic overflow: a value is past the range of its type")]
    public void Clause6_a_negative_or_failing_amount_skips_with_error_and_grants_nothing(string amount, string attributes, string detail)
    {
        var campaign = $$"""
            womrules: 1
            campaign: errors
            budget: { points: 1000 }
            events:
              ping: { n: int }
            rules:
              - name: grant
                on: ping
                rewards:
                  - { badge: tried }
                  - { points: "{{amount}}" }
            """;
        var runner = new CampaignRunner(campaign);
        runner.Run(Event("e-1", "ping", "u-1", attributes))
            .Should().Equal($$"""{"kind":"skipped","event":"e-1","rule":"grant","participant":"u-1","reason":"error","detail":"{{detail}}"}""");
        runner.Participant("u-1")!.Badges.Should().BeEmpty("a rule fires as a whole or not at all");
    }

    [Fact]
    public void Clause6_stop_ends_rule_processing_when_the_rule_fires()
    {
        const string campaign = """
            womrules: 1
            campaign: stop
            budget: { points: 1000 }
            events:
              ping: { vip: bool }
            rules:
              - { name: vip, on: ping, when: event.vip, stop: true, rewards: [ { points: 10 } ] }
              - { name: everyone, on: ping, rewards: [ { points: 1 } ] }
            """;
        var runner = new CampaignRunner(campaign);
        runner.Run(Event("e-1", "ping", "u-1", """{"vip": true}""")).Should().ContainSingle().Which.Should().Contain("\"rule\":\"vip\"");
        runner.Run(Event("e-2", "ping", "u-1", """{"vip": false}""")).Should().ContainSingle().Which.Should().Contain("\"rule\":\"everyone\"");
    }

    [Fact]
    public void Clause7_effects_apply_in_listed_order_points_credit_badge_counter_alert()
    {
        const string campaign = """
            womrules: 1
            campaign: effects
            budget: { points: 1000, credit: 100 }
            counters: [hits]
            events:
              ping: {}
            rules:
              - name: all
                on: ping
                rewards:
                  - { alert: first-entry, counter: hits, badge: star, credit: 2.50, points: 5 }
                  - { to: referrer, points: 1 }
            """;
        var runner = new CampaignRunner(campaign);
        runner.Run(Event("e-1", "ping", "u-1", referrer: "u-2")).Should().Equal(
            """{"kind":"reward","event":"e-1","rule":"all","participant":"u-1","points":5}""",
            """{"kind":"reward","event":"e-1","rule":"all","participant":"u-1","credit":"2.50"}""",
            """{"kind":"reward","event":"e-1","rule":"all","participant":"u-1","badge":"star"}""",
            """{"kind":"reward","event":"e-1","rule":"all","participant":"u-1","counter":"hits","by":1}""",
            """{"kind":"reward","event":"e-1","rule":"all","participant":"u-1","alert":"first-entry","severity":"medium"}""",
            """{"kind":"reward","event":"e-1","rule":"all","participant":"u-2","points":1}""");
    }

    [Fact]
    public void Clause7_a_badge_already_held_gives_no_outcome_and_points_add_to_lifetime()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Event("e-1", "suggestion.adopted", "u-1")).Should().HaveCount(3);
        runner.Run(Event("e-2", "suggestion.adopted", "u-1")).Should().Equal(
            """{"kind":"reward","event":"e-2","rule":"co-creator","participant":"u-1","points":200}""",
            """{"kind":"reward","event":"e-2","rule":"co-creator","participant":"u-1","counter":"adopted","by":1}""");
        var p = runner.Participant("u-1")!;
        p.Points.Should().Be(400);
        p.LifetimePoints.Should().Be(400);
        p.Badges.Should().Equal("co-creator");
    }

    [Fact]
    public void Clause7_counter_by_steps_by_an_expression()
    {
        const string campaign = """
            womrules: 1
            campaign: by
            counters: [items]
            events:
              order: { quantity: int }
            rules:
              - { name: count, on: order, rewards: [ { counter: items, by: event.quantity * 2 } ] }
            """;
        var runner = new CampaignRunner(campaign);
        runner.Run(Event("e-1", "order", "u-1", """{"quantity": 3}"""))
            .Should().Equal("""{"kind":"reward","event":"e-1","rule":"count","participant":"u-1","counter":"items","by":6}""");
        runner.Participant("u-1")!.CounterValues["items"].Should().Be(6);
    }

    [Fact]
    public void Clause8_tiers_go_to_the_highest_reached_for_actor_then_referrer_and_never_down()
    {
        const string campaign = """
            womrules: 1
            campaign: tiers
            budget: { points: 100000 }
            events:
              big: { points: int }
            tiers:
              - name: bronze
              - name: silver
                when: participant.lifetime_points >= 500
              - name: gold
                when: participant.lifetime_points >= 2000
            rules:
              - name: grant
                on: big
                rewards:
                  - { points: event.points }
                  - { to: referrer, points: event.points }
            """;
        var runner = new CampaignRunner(campaign);
        runner.Run(Event("e-1", "big", "u-1", """{"points": 2500}""", referrer: "u-2")).Should().Equal(
            """{"kind":"reward","event":"e-1","rule":"grant","participant":"u-1","points":2500}""",
            """{"kind":"reward","event":"e-1","rule":"grant","participant":"u-2","points":2500}""",
            """{"kind":"tier","event":"e-1","participant":"u-1","from":"bronze","to":"gold"}""",
            """{"kind":"tier","event":"e-1","participant":"u-2","from":"bronze","to":"gold"}""");

        // Redeeming lowers points, never lifetime_points, and tiers never go down.
        runner.Run(Event("e-2", "points.redeemed", "u-1", """{"points": 2500}"""))
            .Should().Equal("""{"kind":"redeemed","event":"e-2","participant":"u-1","points":2500}""");
        runner.Participant("u-1")!.Tier.Should().Be("gold");
    }

    [Fact]
    public void Clause8_a_tier_condition_reads_the_participant_whose_tier_is_computed()
    {
        const string campaign = """
            womrules: 1
            campaign: subject
            budget: { points: 100000 }
            counters: [referrals]
            events:
              referral: {}
            tiers:
              - name: member
              - name: ambassador
                when: participant.referrals >= 2
            rules:
              - { name: refer, on: referral, rewards: [ { to: referrer, counter: referrals } ] }
            """;
        var runner = new CampaignRunner(campaign);
        runner.Run(Event("e-1", "referral", "u-2", referrer: "u-1"));
        runner.Run(Event("e-2", "referral", "u-3", referrer: "u-1")).Should().Contain(
            """{"kind":"tier","event":"e-2","participant":"u-1","from":"member","to":"ambassador"}""");
        runner.Participant("u-3")!.Tier.Should().Be("member");
    }

    [Fact]
    public void Clause9_redeeming_more_than_the_balance_is_rejected_and_changes_nothing()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Event("e-1", "suggestion.adopted", "u-1"));
        runner.Run(Event("e-2", "points.redeemed", "u-1", """{"points": 201}""")).Single().Should().StartWith("""{"kind":"rejected","event":"e-2""");
        runner.Participant("u-1")!.Points.Should().Be(200);
        runner.Run(Event("e-2", "points.redeemed", "u-1", """{"points": 150}"""))
            .Should().Equal("""{"kind":"redeemed","event":"e-2","participant":"u-1","points":150}""");
        runner.Participant("u-1")!.Points.Should().Be(50);
        runner.Participant("u-1")!.LifetimePoints.Should().Be(200);
    }

    [Fact]
    public void Atomicity_a_failing_event_leaves_no_trace()
    {
        var runner = new CampaignRunner(Campaign);
        runner.Run(Referral("e-1", "u-2", "u-1"));
        var before = StateText(runner.Participant("u-1")!);
        runner.Run(Event("e-2", "referral.converted", "u-3", """{"order_total": "lots"}""", "u-1")).Single().Should().Contain("rejected");
        StateText(runner.Participant("u-1")!).Should().Be(before);
        runner.Participant("u-3").Should().BeNull();
    }
}
