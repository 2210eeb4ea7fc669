using WomRules.Formatting;

namespace WomRules.Tests.Compilation;

/// <summary>
/// Spec v1.1 §7 and §13 in both forms: diagnostics for caps and rolling windows at their line and column (YAML and DSL),
/// the nearest-cap suggestion, and that fmt and convert round-trip caps, rolling windows and accept_late.
/// </summary>
public sealed class WindowsAndCapsDiagnosticTests
{
    private const string Yaml = """
        womrules: 1
        campaign: caps
        accept_late: 2d
        events:
          sale: { total: int }
        budget: { points: 1000 }
        caps:
          invite-cap: { count: 3, per: month, of: referrer }
        rules:
          - name: a
            on: sale
            rewards:
              - { to: referrer, points: 1 }
            limit: invite-cap
          - name: b
            on: sale
            rewards:
              - points: 2
            limit: { count: 1, per: 24h }
        """;

    private const string Dsl = """
        campaign caps
        accept late 2d
        event sale
          total: int
        budget 1000 points
        cap invite-cap 3 per month of referrer

        rule a on sale
          reward referrer 1 points
          limit invite-cap

        rule b on sale
          reward 2 points
          limit 1 per 24h
        """;

    private static List<string> Diagnose(string text, string path, CompilationOptions? options = null) =>
        CampaignCompilation.Create(text, path, options).GetDiagnostics().Select(d => $"{d.Line}:{d.Column} {d.Id} {d.Message}").ToList();

    private static string ToYaml(string text, CampaignFormat from) => CampaignFormatter.Format(text, null, from, CampaignFormat.Yaml).Text!;

    private static string ToDsl(string text, CampaignFormat from) => CampaignFormatter.Format(text, null, from, CampaignFormat.Dsl).Text!;

    [Fact]
    public void Both_forms_compile_clean_and_to_the_same_campaign()
    {
        Diagnose(Yaml, "c.yaml").Should().BeEmpty();
        Diagnose(Dsl, "c.wom").Should().BeEmpty();
        ToYaml(Dsl, CampaignFormat.Dsl).Should().Be(ToYaml(Yaml, CampaignFormat.Yaml));
    }

    [Fact]
    public void Yaml_and_dsl_round_trip_through_convert_and_fmt()
    {
        var yaml = ToYaml(Yaml, CampaignFormat.Yaml);
        var dsl = ToDsl(yaml, CampaignFormat.Yaml);
        dsl.Should().Contain("cap invite-cap 3 per month of referrer").And.Contain("  limit invite-cap").And.Contain("accept late 2d").And.Contain("limit 1 per 24h");
        ToYaml(dsl, CampaignFormat.Dsl).Should().Be(yaml);
        ToDsl(dsl, CampaignFormat.Dsl).Should().Be(dsl);
    }

    [Fact]
    public void Comments_on_accept_late_and_caps_stay_on_their_lines_through_convert()
    {
        var commented = Yaml
            .Replace("accept_late: 2d", "accept_late: 2d  # two days late at most", StringComparison.Ordinal)
            .Replace("  invite-cap: {", "  # three a month\n  invite-cap: {", StringComparison.Ordinal)
            .Replace("of: referrer }", "of: referrer }  # the inviter", StringComparison.Ordinal);
        var dsl = ToDsl(commented, CampaignFormat.Yaml);
        dsl.Should().Contain("accept late 2d  # two days late at most").And.Contain("# three a month\ncap invite-cap 3 per month of referrer  # the inviter");
        var back = ToYaml(dsl, CampaignFormat.Dsl);
        back.Should().Contain("accept_late: 2d  # two days late at most").And.Contain("  # three a month\n  invite-cap: { count: 3, per: month, of: referrer }  # the inviter");
    }

    [Fact]
    public void An_unknown_cap_is_reported_at_its_name_with_the_nearest_declared_one()
    {
        Diagnose(Yaml.Replace("limit: invite-cap", "limit: invte-cap", StringComparison.Ordinal), "c.yaml")
            .Should().Equal("14:12 WOM3070 The campaign declares no cap 'invte-cap' (did you mean 'invite-cap'?); declare it under 'caps' (DSL: 'cap invte-cap COUNT per WINDOW') or fix the spelling.");
        Diagnose(Yaml.Replace("limit: invite-cap", "limit: { count: 1 }", StringComparison.Ordinal), "c.yaml")
            .Should().Equal("8:3 WOM3072 No rule names the cap 'invite-cap', so it limits nothing; add 'limit: invite-cap' to the rules it should cap, or remove it.");
        Diagnose(Dsl.Replace("limit invite-cap", "limit invite-cop", StringComparison.Ordinal), "c.wom")
            .Should().Contain(d => d.StartsWith("10:9 WOM3070", StringComparison.Ordinal) && d.Contains("did you mean 'invite-cap'", StringComparison.Ordinal));
        Diagnose(Yaml.Replace("budget: { points: 1000 }\n", "", StringComparison.Ordinal).Replace("limit: invite-cap", "limit: invite-kap", StringComparison.Ordinal), "c.yaml")
            .Should().ContainSingle("an unknown cap is one error, not also a rule without a limit (WOM4001)").Which.Should().StartWith("13:12 WOM3070");
        Diagnose(Yaml.Replace("limit: invite-cap", "limit: 3", StringComparison.Ordinal).Replace("caps:\n  invite-cap: { count: 3, per: month, of: referrer }\n", "", StringComparison.Ordinal), "c.yaml")
            .Should().Equal("12:12 WOM1015 '3' is not a valid value for 'limit'; expected a cap's name, or a mapping such as { count: 3, per: month }.");
        Diagnose(Yaml.Replace("limit: invite-cap", "limit: zzz", StringComparison.Ordinal), "c.yaml")
            .Should().Contain(d => d.StartsWith("14:12 WOM3070 The campaign declares no cap 'zzz';", StringComparison.Ordinal));
    }

    [Fact]
    public void Rolling_windows_bad_durations_counts_and_cap_names_are_positioned_errors()
    {
        Diagnose(Yaml.Replace("per: 24h", "per: 0h", StringComparison.Ordinal), "c.yaml").Should().Equal("19:29 WOM3051 The duration '0h' is zero; a duration must be more than zero.");
        Diagnose(Yaml.Replace("per: 24h", "per: 24x", StringComparison.Ordinal), "c.yaml").Should().ContainSingle().Which.Should().StartWith("19:29 WOM3050");
        Diagnose(Yaml.Replace("per: 24h", "per: fortnight", StringComparison.Ordinal), "c.yaml").Should().ContainSingle().Which.Should().StartWith("19:29 WOM1015");
        Diagnose(Yaml.Replace("count: 1, per: 24h", "count: 1001, per: 24h", StringComparison.Ordinal), "c.yaml").Should().ContainSingle().Which.Should().StartWith("19:21 WOM3073");
        Diagnose(Yaml.Replace("count: 1, per: 24h", "count: 5, per: 24h", StringComparison.Ordinal), "c.yaml", new CompilationOptions { MaxRollingLimitCount = 4 })
            .Should().ContainSingle().Which.Should().StartWith("19:21 WOM3073");
        Diagnose(Yaml.Replace("  invite-cap:", "  9cap:", StringComparison.Ordinal).Replace("limit: invite-cap", "limit: { count: 1 }", StringComparison.Ordinal), "c.yaml")
            .Should().Contain(d => d.StartsWith("8:3 WOM3071", StringComparison.Ordinal));
        Diagnose(Dsl.Replace("cap invite-cap 3 per month of referrer", "cap invite-cap 3 per month of referrer\ncap invite-cap 2 per day", StringComparison.Ordinal), "c.wom")
            .Should().ContainSingle().Which.Should().StartWith("7:5 WOM3074");
        Diagnose(Dsl.Replace("accept late 2d", "accept late -1d", StringComparison.Ordinal), "c.wom").Should().ContainSingle().Which.Should().StartWith("2:13 WOM3051");
    }
}
