using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Spec v1.1 §11, named lists: <c>lists.NAME</c> stands wherever a list literal may (<c>in</c>, <c>contains_any</c>,
/// <c>discloses(text, markers)</c>), so a campaign that names its lists behaves exactly as the one with the literals
/// written out (both evaluators, through <see cref="CampaignRunner"/>); unknown names, both front ends, and printing.
/// </summary>
public sealed class NamedListTests
{
    private const string Literal = """["scam", "penipuan", "tipu", "骗", "#ad"]""";

    private const string Template = """
        womrules: 1
        campaign: crisis
        LISTS
        events:
          review.posted:
            text: string
            flags: { type: list, default: [] }
            word: { type: string, default: "" }
        rules:
          - name: word-in
            on: review.posted
            when: event.word in WORDS
            rewards: [ { alert: word-in } ]
          - name: flags-any
            on: review.posted
            when: event.flags contains_any WORDS
            rewards: [ { alert: flags-any } ]
          - name: text-any
            on: review.posted
            when: event.text contains_any WORDS
            rewards: [ { alert: text-any } ]
          - name: disclosed
            on: review.posted
            when: discloses(event.text, WORDS, 40)
            rewards: [ { alert: disclosed } ]
        """;

    private static readonly string Named = Template.Replace("LISTS", "lists:\n  crisis_words: " + Literal, StringComparison.Ordinal).Replace("WORDS", "lists.crisis_words", StringComparison.Ordinal);
    private static readonly string Inline = Template.Replace("LISTS\n", "", StringComparison.Ordinal).Replace("WORDS", Literal, StringComparison.Ordinal);

    [Fact]
    public void A_named_list_behaves_as_its_literal_on_random_events()
    {
        var named = new CampaignRunner(Named);
        var inline = new CampaignRunner(Inline);
        var dsl = new CampaignRunner(Forms.Print(Named, CampaignFormat.Yaml, CampaignFormat.Dsl), path: "campaign.wom");
        string[] pieces = ["scam", "Scam", "tipu", "骗", "#ad", "ok", "penipuan!", " ", "#adverts", "nice"];
        var random = new Random(11);
        var fired = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 400; i++)
        {
            string Pick() => pieces[random.Next(pieces.Length)];
            var text = string.Join(" ", Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pick()));
            var flags = string.Join(", ", Enumerable.Range(0, random.Next(0, 3)).Select(_ => System.Text.Json.JsonSerializer.Serialize(Pick())));
            var line = CampaignRunner.Event($"e-{i}", "review.posted", "ann", $$"""{"text": {{System.Text.Json.JsonSerializer.Serialize(text)}}, "flags": [{{flags}}], "word": {{System.Text.Json.JsonSerializer.Serialize(Pick())}}}""");
            var expected = inline.Run(line);
            named.Run(line).Should().Equal(expected, line);
            dsl.Run(line).Should().Equal(expected, "the DSL form too: " + line);
            fired.UnionWith(expected.Select(o => o.Split("\"rule\":\"")[1].Split('"')[0]));
        }

        fired.Should().BeEquivalentTo(["word-in", "flags-any", "text-any", "disclosed"], "every use must fire sometimes, or the property proves little");
    }

    [Fact]
    public void An_unknown_list_names_the_nearest_one_at_its_name()
    {
        var text = Named.Replace("when: event.word in lists.crisis_words", "when: event.word in lists.crisis_wrods", StringComparison.Ordinal);
        var diagnostic = CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Should().ContainSingle(d => d.IsError).Subject;
        diagnostic.Id.Should().Be("WOM3083");
        $"{diagnostic.Line}:{diagnostic.Column}".Should().Be("13:31");
        diagnostic.Message.Should().Be("No list 'crisis_wrods' is declared under 'lists'; the nearest declared list is 'crisis_words'.");
    }

    [Theory]
    [InlineData("lists.nothing_like_it", "the declared lists are crisis_words")]
    [InlineData("lists.x", "the declared lists are crisis_words")]
    public void An_unknown_list_with_no_near_name_lists_the_declared_ones(string reference, string hint)
    {
        var text = Named.Replace("when: event.word in lists.crisis_words", "when: event.word in " + reference, StringComparison.Ordinal);
        CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Should().ContainSingle(d => d.IsError).Which.Message.Should().EndWith("; " + hint + ".");
    }

    [Fact]
    public void An_unknown_list_in_a_campaign_without_lists_says_so_in_the_dsl_at_its_name()
    {
        const string text = """
            campaign c
            event review.posted
              word: string
            rule r on review.posted
              when event.word in lists.crisis
              reward alert a
            """;

        var diagnostic = CampaignCompilation.Create(text, "c.wom").GetDiagnostics().Should().ContainSingle(d => d.IsError).Subject;
        $"{diagnostic.Line}:{diagnostic.Column} {diagnostic.Id}".Should().Be("5:28 WOM3083");
        diagnostic.Message.Should().EndWith("; the campaign declares none.");
    }

    [Fact]
    public void A_list_declared_twice_or_with_a_bad_name_is_an_error_at_the_name()
    {
        const string text = """
            campaign c
            list words = ["a"]
            list words = ["b"]
            list bad-name = ["c"]
            event review.posted
              word: string
            rule r on review.posted
              when event.word in lists.words
              reward alert a
            """;

        CampaignCompilation.Create(text, "c.wom").GetDiagnostics().Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}")
            .Should().Equal("3:6 WOM3006", "4:6 WOM3008");
    }

    [Fact]
    public void Elements_are_text_as_written_in_both_forms()
    {
        // An unquoted 1 or true is the string "1" or "true", as in a list attribute's default.
        const string yaml = """
            womrules: 1
            campaign: c
            lists:
              odd: [1, true, "x y", '骗']
            events:
              seen: { word: string }
            rules:
              - { name: r, on: seen, when: event.word in lists.odd, rewards: [ { alert: a } ] }
            """;

        var runner = new CampaignRunner(yaml);
        foreach (var word in new[] { "1", "true", "x y", "骗" })
        {
            runner.Run(CampaignRunner.Event("e-" + word, "seen", "ann", $$"""{"word": "{{word}}"}""")).Should().ContainSingle(word);
        }

        var dsl = Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl);
        dsl.Should().Contain("list odd = [\"1\", \"true\", \"x y\", \"骗\"]");
        Forms.ShouldBeSameTree(Forms.Parse(Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml), CampaignFormat.Yaml), Forms.Parse(yaml, CampaignFormat.Yaml), "YAML → DSL → YAML keeps the lists");
        Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Dsl).Should().Be(dsl, "fmt of the DSL is stable");
    }

    [Fact]
    public void Comments_on_lists_survive_fmt_and_convert_once_each()
    {
        const string yaml = """
            womrules: 1
            campaign: c
            # above the lists
            lists:
              # above words
              words: ["scam", tipu]  # after words
            events:
              seen: { word: string }
            rules:
              - { name: r, on: seen, when: event.word in lists.words, rewards: [ { alert: a } ] }
            """;

        var dsl = Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Dsl);
        foreach (var text in new[] { Forms.Print(yaml, CampaignFormat.Yaml, CampaignFormat.Yaml), dsl, Forms.Print(dsl, CampaignFormat.Dsl, CampaignFormat.Yaml) })
        {
            foreach (var comment in new[] { "# above the lists", "# above words" })
            {
                text.Split('\n').Count(l => l.Trim() == comment).Should().Be(1, $"'{comment}' is kept once:\n{text}");
            }

            text.Split('\n').Should().ContainSingle(l => l.Contains("words", StringComparison.Ordinal) && l.EndsWith("  # after words", StringComparison.Ordinal), text);
        }
    }

    [Fact]
    public void A_nested_element_is_an_error_at_it()
    {
        const string yaml = """
            womrules: 1
            campaign: c
            lists:
              odd: ["a", [b]]
            events:
              seen: { word: string }
            rules:
              - { name: r, on: seen, when: event.word in lists.odd, rewards: [ { alert: a } ] }
            """;

        CampaignCompilation.Create(yaml, "c.yaml").GetDiagnostics().Where(d => d.IsError).Select(d => $"{d.Line}:{d.Column} {d.Id}").Should().Equal("4:14 WOM1011");
    }
}
