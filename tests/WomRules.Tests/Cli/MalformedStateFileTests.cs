using System.Text;
using System.Text.RegularExpressions;
using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary>
/// Issue 10, defects 3 and 4: every malformed or hand-edited state file is exit 2 from <c>run</c> and <c>test</c>, with a
/// message naming the file, the JSON path and the line and byte, and never a stack trace.
/// </summary>
public sealed partial class MalformedStateFileTests() : CliTestFolder("womrules-state-")
{
    internal const string Campaign = """
        womrules: 1
        campaign: ledger
        budget: { points: 1000, credit: 100.00 }
        events:
          ping: { n: int }
        participant:
          country: { type: string, default: MY }
        counters: [pings]
        tiers:
          - name: bronze
          - name: silver
            when: participant.lifetime_points >= 500
        rules:
          - { name: grant, on: ping, rewards: [ { points: event.n, counter: pings }, { credit: 1.00 } ], limit: { count: 5 } }
        """;

    /// <summary>
    /// Name, file content (each char below U+0100 is one byte, so invalid UTF-8 can be written), the JSON path the message
    /// must name, and the text the reported line and byte must point at (null: no position is asserted).
    /// </summary>
    public static TheoryData<string, string, string, string?> Shapes => new()
    {
        // Defect 3: strings that are no text.
        { "lone surrogate escape in a participant id", """{"participants": {"\ud800": {}}}""", "participants", "\"\\ud800\"" },
        { "invalid UTF-8 in a participant id", "{\"participants\": {\"\u00ff\": {}}}", "participants", "\"\u00ff\"" },
        { "invalid UTF-8 in a tier", "{\"participants\": {\"u\": {\"tier\": \"\u00c3\"}}}", "participants.u.tier", "\"\u00c3\"" },
        { "lone surrogate escape in a tier", """{"participants": {"u": {"tier": "\udc00"}}}""", "participants.u.tier", "\"\\udc00\"" },
        { "encoded surrogate in a seen id", "{\"seen_events\": [\"\u00ed\u00a0\u0080\"]}", "seen_events[0]", "\"\u00ed" },
        { "lone surrogate escape in a seen id", """{"seen_events": ["e-1", "\ud800x"]}""", "seen_events[1]", "\"\\ud800x\"" },
        { "invalid UTF-8 in a badge", "{\"participants\": {\"u\": {\"badges\": [\"\u00ff\"]}}}", "participants.u.badges[0]", "\"\u00ff\"" },
        { "lone surrogate escape in an attribute", """{"participants": {"u": {"attributes": {"country": "\ud800"}}}}""", "participants.u.attributes.country", "\"\\ud800\"" },
        { "invalid UTF-8 in an attribute name", "{\"participants\": {\"u\": {\"attributes\": {\"\u00ff\": 1}}}}", "participants.u.attributes", "\"\u00ff\"" },
        { "lone surrogate escape in a counter name", """{"participants": {"u": {"counters": {"\udfff": 1}}}}""", "participants.u.counters", "\"\\udfff\"" },
        { "lone surrogate escape in a limit window", """{"participants": {"u": {"limits": {"grant": {"\ud800": 1}}}}}""", "participants.u.limits.grant", "\"\\ud800\"" },
        { "invalid UTF-8 in the campaign id", "{\"campaign\": \"\u00ff\"}", "campaign", "\"\u00ff\"" },

        // Defect 4: values no ledger can hold.
        { "negative points", """{"participants": {"u": {"points": -1}}}""", "participants.u.points", "-1" },
        { "negative lifetime points", """{"participants": {"u": {"lifetime_points": -5}}}""", "participants.u.lifetime_points", "-5" },
        { "negative credit", """{"participants": {"u": {"credit": "-1.00"}}}""", "participants.u.credit", "\"-1.00\"" },
        { "negative counter", """{"participants": {"u": {"counters": {"pings": -1}}}}""", "participants.u.counters.pings", "-1" },
        { "negative limit usage", """{"participants": {"u": {"limits": {"grant": {"campaign": -1}}}}}""", "participants.u.limits.grant.campaign", "-1" },
        { "negative budget used points", """{"budget_used": {"points": -1}}""", "budget_used.points", "-1" },
        { "negative budget used credit", """{"budget_used": {"credit": "-0.01"}}""", "budget_used.credit", "\"-0.01\"" },
        { "lifetime points below points", """{"participants": {"u": {"points": 10, "lifetime_points": 5}}}""", "participants.u.lifetime_points", "5" },
        { "budget points used beyond the budget", """{"budget_used": {"points": 1001}}""", "budget_used.points", "1001" },
        { "budget credit used beyond the budget", """{"budget_used": {"credit": "100.01"}}""", "budget_used.credit", "\"100.01\"" },
        { "another campaign's state", """{"campaign": "other", "participants": {}}""", "campaign", "\"other\"" },
        { "unknown tier", """{"participants": {"u": {"tier": "platinum"}}}""", "participants.u.tier", "\"platinum\"" },
        { "points as text", """{"participants": {"u": {"points": "many"}}}""", "participants.u.points", "\"many\"" },
        { "negative balance without lifetime points", """{"participants": {"u": {"points": -7}}}""", "participants.u.points", "-7" },

        // Spec v1.1 §2: the ledger.
        { "ledger entry of an event never seen", """{"seen_events": [], "ledger": {"e1": "2026-03-01T00:00:00Z"}}""", "ledger.e1", "\"e1\"" },
        { "ledger entry neither a time nor an object", """{"seen_events": ["e1"], "ledger": {"e1": 5}}""", "ledger.e1", "5" },
        { "ledger time that is no time", """{"seen_events": ["e1"], "ledger": {"e1": "yesterday"}}""", "ledger.e1", "\"yesterday\"" },
        { "ledger entry without a time", """{"seen_events": ["e1"], "ledger": {"e1": {"reversed": true}}}""", "ledger.e1", null },
        { "ledger grant to a participant not held", """{"seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "grants": [{"participant": "ghost", "rule": "grant", "points": 5}]}}}""", "ledger.e1.grants[0].participant", "\"ghost\"" },
        { "ledger grant of negative points", """{"participants": {"u": {}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "grants": [{"participant": "u", "rule": "grant", "points": -5}]}}}""", "ledger.e1.grants[0].points", "-5" },
        { "ledger grant of negative credit", """{"participants": {"u": {}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "grants": [{"participant": "u", "rule": "grant", "credit": "-1.00"}]}}}""", "ledger.e1.grants[0].credit", "\"-1.00\"" },
        { "ledger grant of two amounts", """{"participants": {"u": {}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "grants": [{"participant": "u", "rule": "grant", "points": 5, "credit": "1"}]}}}""", "ledger.e1.grants[0]", null },
        { "ledger grant without a rule", """{"participants": {"u": {}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "grants": [{"participant": "u", "points": 5}]}}}""", "ledger.e1.grants[0]", null },
        { "ledger redemption of zero points", """{"participants": {"u": {}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "grants": [{"participant": "u", "redeemed": 0}]}}}""", "ledger.e1.grants[0].redeemed", "0" },
        { "ledger reversed event still owing", """{"participants": {"u": {}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "reversed": true, "grants": [{"participant": "u", "rule": "grant", "points": 5}]}}}""", "ledger.e1", null },
        { "ledger flag that is no flag", """{"seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "reversal": "yes"}}}""", "ledger.e1.reversal", "\"yes\"" },
        { "ledger limit use without a window", """{"participants": {"u": {}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "limits": [{"participant": "u", "rule": "grant"}]}}}""", "ledger.e1.limits[0]", null },
        { "ledger grants more points than the participant's lifetime points", """{"participants": {"u": {"points": 1}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "grants": [{"participant": "u", "rule": "grant", "points": 5}]}}}""", "ledger", null },
        { "ledger grants more credit than the participant holds", """{"participants": {"u": {"credit": "0.50"}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "grants": [{"participant": "u", "rule": "grant", "credit": "1.00"}]}}}""", "ledger", null },
        { "ledger grants more counter steps than the counter", """{"participants": {"u": {"counters": {"pings": 1}}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "grants": [{"participant": "u", "rule": "grant", "counter": "pings", "by": 2}]}}}""", "ledger", null },
        { "ledger spent more budget than budget_used", """{"budget_used": {"points": 4}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "budget": {"points": 5}}}}""", "ledger", null },
        { "ledger budget of negative points", """{"seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "budget": {"points": -1}}}}""", "ledger.e1.budget.points", "-1" },

        // Spec v1.1 §7, §12: cap usage and rolling-window firings.
        { "caps not an object", """{"participants": {"u": {"caps": []}}}""", "participants.u.caps", "[]" },
        { "cap window that names no window", """{"participants": {"u": {"caps": {"c": {"someday": 1}}}}}""", "participants.u.caps.c.someday", "\"someday\"" },
        { "negative cap usage", """{"participants": {"u": {"caps": {"c": {"2026-09": -1}}}}}""", "participants.u.caps.c.2026-09", "-1" },
        { "rolling firings not a list", """{"participants": {"u": {"rolling": {"grant": {}}}}}""", "participants.u.rolling.grant", "{}" },
        { "rolling firing that is no time", """{"participants": {"u": {"rolling_caps": {"c": ["soon"]}}}}""", "participants.u.rolling_caps.c[0]", "\"soon\"" },
        { "rolling firings out of order", """{"participants": {"u": {"rolling": {"grant": ["2026-03-02T00:00:00Z", "2026-03-01T00:00:00Z"]}}}}""", "participants.u.rolling.grant[1]", "\"2026-03-01T00:00:00Z\"" },
        { "rolling firing later than the clock", """{"clock": "2026-03-01T00:00:00Z", "participants": {"u": {"rolling": {"grant": ["2026-03-02T00:00:00Z"]}}}}""", "participants.u.rolling.grant[0]", "\"2026-03-02T00:00:00Z\"" },
        { "ledger limit use naming a rule and a cap", """{"participants": {"u": {}}, "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "limits": [{"participant": "u", "rule": "grant", "cap": "c", "window": "campaign"}]}}}""", "ledger.e1.limits[0]", null },

        // Spec v1.1 §5: tier_since.
        { "tier_since that is no time", """{"participants": {"u": {"tier_since": "last spring"}}}""", "participants.u.tier_since", "\"last spring\"" },
        { "tier_since as a number", """{"participants": {"u": {"tier_since": 1772323200}}}""", "participants.u.tier_since", "1772323200" },
        { "tier_since null", """{"participants": {"u": {"tier_since": null}}}""", "participants.u.tier_since", "null" },

        // Spec v1.1 §8, §12: identity records.
        { "identities that are no object", """{"participants": {"u": {}}, "identities": ["u"]}""", "identities", "[\"u\"]" },
        { "identity values of no participant", """{"participants": {"u": {}}, "identities": {"ghost": {"dev": ["d-1"]}}}""", "identities.ghost", "\"ghost\"" },
        { "identity values that are no list", """{"participants": {"u": {}}, "identities": {"u": {"dev": "d-1"}}}""", "identities.u.dev", "\"d-1\"" },
        { "an identity value that is a number", """{"participants": {"u": {}}, "identities": {"u": {"dev": [42]}}}""", "identities.u.dev[0]", "42" },
        { "an empty identity value", """{"participants": {"u": {}}, "identities": {"u": {"dev": ["d-1", ""]}}}""", "identities.u.dev[1]", "\"\"" },
        { "an identity value twice", """{"participants": {"u": {}}, "identities": {"u": {"dev": ["d-1", "d-1"]}}}""", "identities.u.dev[1]", "\"d-1\"]" },

        // Defect 4: duplicate keys, at every level; an escape spells the same key.
        { "duplicate root key", """{"participants": {}, "participants": {"u": {}}}""", "participants", "\"participants\": {\"u\"" },
        { "duplicate participant", """{"participants": {"u": {"points": 1}, "u": {}}}""", "participants.u", "\"u\": {}" },
        { "duplicate participant by escape", """{"participants": {"u": {}, "\u0075": {}}}""", "participants.u", "\"\\u0075\"" },
        { "duplicate member", """{"participants": {"u": {"points": 1, "points": 2}}}""", "participants.u.points", "\"points\": 2" },
        { "duplicate counter", """{"participants": {"u": {"counters": {"pings": 1, "pings": 2}}}}""", "participants.u.counters.pings", "\"pings\": 2" },
        { "duplicate attribute", """{"participants": {"u": {"attributes": {"country": "MY", "country": "SG"}}}}""", "participants.u.attributes.country", "\"country\": \"SG\"" },
        { "duplicate limit window", """{"participants": {"u": {"limits": {"grant": {"campaign": 1, "campaign": 0}}}}}""", "participants.u.limits.grant.campaign", "\"campaign\": 0" },
        { "duplicate budget member", """{"budget_used": {"points": 1, "points": 0}}""", "budget_used.points", "\"points\": 0" },

        // Syntax.
        { "truncated", """{"participants": {"u": {"points": 1""", "participants.u.points", null },
        { "not an object", "[]", "$", "[]" },
        { "trailing garbage", """{"participants": {}} x""", "$", "x" },
        { "too deep", "{\"participants\": {\"u\": {\"attributes\": {\"country\": " + new string('[', 100) + new string(']', 100) + "}}}}", "participants.u.attributes.country", null },
        { "empty", "", "$", null },

        // Version and checksum.
        { "version without a checksum", """{"version": 2, "campaign": "ledger", "participants": {}}""", "checksum", null },
        { "wrong checksum", """{"version": 2, "checksum": "sha256:0000000000000000000000000000000000000000000000000000000000000000", "campaign": "ledger"}""", "checksum", "\"sha256:" },
        { "checksum not sha256", """{"version": 2, "checksum": "md5:00", "campaign": "ledger"}""", "checksum", "\"md5:00\"" },
        { "unknown version", """{"version": 3, "checksum": "sha256:0000000000000000000000000000000000000000000000000000000000000000", "campaign": "ledger"}""", "version", "3" },
    };

    /// <summary>Shapes that need a valid checksum to reach the check they exercise: sealed by the recipe of docs/semantics.md.</summary>
    public static TheoryData<string, string, string, string?> SealedShapes => new()
    {
        { "versioned file without a campaign", """{"version": 2, "checksum": "sha256:0000000000000000000000000000000000000000000000000000000000000000", "participants": {}}""", "campaign", null },
        { "unknown member in a versioned file", """{"version": 2, "checksum": "sha256:0000000000000000000000000000000000000000000000000000000000000000", "campaign": "ledger", "participants": {"u": {"pionts": 5}}}""", "participants.u.pionts", "\"pionts\"" },
        { "unknown root member in a versioned file", """{"version": 2, "checksum": "sha256:0000000000000000000000000000000000000000000000000000000000000000", "campaign": "ledger", "extra": 1}""", "extra", "\"extra\"" },
        { "unknown ledger member in a versioned file", """{"version": 2, "checksum": "sha256:0000000000000000000000000000000000000000000000000000000000000000", "campaign": "ledger", "seen_events": ["e1"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "granted": []}}}""", "ledger.e1.granted", "\"granted\"" },
        { "negative points in a sealed file", """{"version": 2, "checksum": "sha256:0000000000000000000000000000000000000000000000000000000000000000", "campaign": "ledger", "participants": {"u": {"points": -3}}}""", "participants.u.points", "-3" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Run_refuses_a_malformed_state_file_with_exit_2_naming_file_and_place(string shape, string content, string path, string? token)
    {
        var state = WriteBytes("state.json", Bytes(content));
        var (exit, output, error) = Run("run", Write("c.yaml", Campaign), Write("e.jsonl", ""), "--state", state);
        AssertRefused(shape, exit, error, state, path, token, Bytes(content));
        output.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(SealedShapes))]
    public void Run_refuses_a_sealed_state_file_that_breaks_a_rule(string shape, string content, string path, string? token)
    {
        var bytes = StateChecksum.Seal(Bytes(content));
        var state = WriteBytes("state.json", bytes);
        var (exit, _, error) = Run("run", Write("c.yaml", Campaign), Write("e.jsonl", ""), "--state", state);
        AssertRefused(shape, exit, error, state, path, token, bytes);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Test_refuses_a_scenario_whose_state_file_is_malformed_with_exit_2(string shape, string content, string path, string? token)
    {
        Write("c.yaml", Campaign);
        var state = WriteBytes("state.json", Bytes(content));
        var scenario = Write("c.tests.yaml", """
            campaign: c.yaml
            cases:
              - name: from-state
                state: state.json
                events: []
                snapshot: false
                expect:
                  - { kind: reward }
            """);
        var (exit, output, error) = Run("test", scenario);
        AssertRefused(shape, exit, output + error, "state.json", path, token, Bytes(content));
    }

    [Fact]
    public void The_state_seal_command_refuses_a_malformed_file_too()
    {
        var state = WriteBytes("state.json", Bytes("""{"participants": {"\ud800": {}}}"""));
        var (exit, _, error) = Run("state", "seal", state);
        AssertRefused("seal", exit, error, state, "participants", "\"\\ud800\"", File.ReadAllBytes(state));
    }

    [Fact]
    public void The_spec_minimal_state_file_is_accepted()
    {
        // Spec §5's example, unversioned and without a checksum: the normative minimal form.
        var state = Write("state.json", """
            {"participants": {"u-1": {"tier": "silver", "points": 600, "lifetime_points": 600, "credit": "0",
            "counters": {"pings": 2}, "badges": [], "attributes": {"country": "MY"}}}}
            """);
        var (exit, _, error) = Run("run", Write("c.yaml", Campaign), Write("e.jsonl", ""), "--state", state);
        error.Should().BeEmpty();
        exit.Should().Be(0);
    }

    [Theory]
    [InlineData("spec §5 with only points", """{"participants": {"u-1": {"points": 600}}}""")]
    [InlineData("saved before versions existed", """{"campaign": "ledger", "participants": {"u-1": {"tier": "bronze", "points": 5, "lifetime_points": 5, "credit": "1.00", "counters": {"pings": 1}, "badges": [], "attributes": {"country": "MY"}, "limits": {"grant": {"campaign": 1}}}}, "budget_used": {"points": 5, "credit": "1.00"}, "seen_events": ["e-1"]}""")]
    [InlineData("a negative balance a reversal left, with its lifetime points", """{"participants": {"u-1": {"points": -120, "lifetime_points": 280}}}""")]
    [InlineData("a ledger of a grant, a nothing-granted event and a reversal", """{"participants": {"u-1": {"points": 5, "counters": {"pings": 1}, "limits": {"grant": {"campaign": 1}}}}, "budget_used": {"points": 5}, "seen_events": ["e1", "e2", "e3"], "ledger": {"e1": {"at": "2026-03-01T00:00:00Z", "grants": [{"participant": "u-1", "rule": "grant", "points": 5}, {"participant": "u-1", "rule": "grant", "counter": "pings", "by": 1}], "limits": [{"participant": "u-1", "rule": "grant", "window": "campaign"}], "budget": {"points": 5, "credit": "0"}}, "e2": "2026-03-02T00:00:00+08:00", "e3": {"at": "2026-03-03T00:00:00Z", "reversal": true}}}""")]
    [InlineData("tier_since with an offset", """{"participants": {"u-1": {"tier": "bronze", "tier_since": "2026-03-01T09:00:00+08:00"}}}""")]
    [InlineData("with a byte order mark", "\u00ef\u00bb\u00bf{\"participants\": {}}")]
    [InlineData("with members a host added", """{"participants": {"u-1": {"points": 1, "note": "vip"}}, "exported_at": "2026-03-01"}""")]
    [InlineData("a counter and an attribute the campaign dropped", """{"participants": {"u-1": {"counters": {"old": 3}, "attributes": {"gone": true}}}}""")]
    public void Unversioned_state_files_are_still_accepted(string shape, string content)
    {
        var state = WriteBytes("state.json", Bytes(content));
        var (exit, _, error) = Run("run", Write("c.yaml", Campaign), Write("e.jsonl", ""), "--state", state);
        exit.Should().Be(0, $"'{shape}' is a valid unversioned state file: {error}");
    }

    [Theory]
    [InlineData("upper case", """{"participants": {"Ben": {"points": 2}}}""", "participants.Ben", "\"Ben\"")]
    [InlineData("a zero-width space", """{"participants": {"b\u200ben": {"points": 2}}}""", "participants", "\"b\\u200ben\"")]
    [InlineData("a fullwidth spelling beside the canonical one", """{"participants": {"ben": {}, "\uff42en": {}}}""", "participants", "\"\\uff42en\"")]
    public void Under_the_ids_option_a_participant_id_that_is_not_canonical_is_refused(string shape, string content, string path, string? token)
    {
        // No event can reach such a participant (events are canonicalised), so its balance and limit usage would sit
        // apart from the canonical participant's: "Ben" at its referral limit and "ben" starting afresh.
        var campaign = Write("c.yaml", Campaign.Replace("campaign: ledger", "campaign: ledger\nids: { normalize: nfkc, case: insensitive, strip: [zero-width] }", StringComparison.Ordinal));
        var state = WriteBytes("state.json", Bytes(content));
        var (exit, output, error) = Run("run", campaign, Write("e.jsonl", ""), "--state", state);
        AssertRefused(shape, exit, error, state, path, token, Bytes(content));
        error.Should().Contain("canonical");
        output.Should().BeEmpty();

        // The same file is fine for a campaign that compares ids ordinally, and canonical ids are fine under the option.
        Run("run", Write("ordinal.yaml", Campaign), Write("e.jsonl", ""), "--state", state).Exit.Should().Be(0);
        Run("run", campaign, Write("e.jsonl", ""), "--state", Write("ok.json", """{"participants": {"ben": {"points": 2}, "straße": {}}}""")).Exit.Should().Be(2, "straße folds to strasse");
        Run("run", campaign, Write("e.jsonl", ""), "--state", Write("ok.json", """{"participants": {"ben": {"points": 2}, "strasse": {}}}""")).Exit.Should().Be(0);
    }

    private static void AssertRefused(string shape, int exit, string error, string file, string path, string? token, byte[] content)
    {
        exit.Should().Be(2, $"'{shape}' must be refused as unreadable input; stderr: {error}");
        error.Should().Contain(file, "the message names the file").And.Contain(path, "the message names the place");
        error.Should().NotContain("   at ").And.NotContain("Exception");
        if (token is null)
        {
            return;
        }

        // The reported line and byte (1-based, bytes within the line) point at the offending text.
        var position = PositionPattern().Match(error);
        position.Success.Should().BeTrue($"'{shape}' has a position in the file: {error}");
        var line = int.Parse(position.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var column = int.Parse(position.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var offset = 0;
        for (var l = 1; l < line; l++)
        {
            offset = Array.IndexOf(content, (byte)'\n', offset) + 1;
        }

        var at = content.AsSpan(offset + column - 1);
        Encoding.Latin1.GetString(at[..Math.Min(at.Length, Bytes(token).Length)]).Should().Be(token, $"the position of '{shape}' points at the offending text: {error}");
    }

    /// <summary>Each char is one byte (all below U+0100), so a test can write bytes that are not UTF-8.</summary>
    internal static byte[] Bytes(string text) => text.Select(c => checked((byte)c)).ToArray();

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [GeneratedRegex(@"line (\d+), byte (\d+)")]
    private static partial Regex PositionPattern();
}
