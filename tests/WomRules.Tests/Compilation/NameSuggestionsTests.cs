using CsCheck;
using WomRules.Binding;

namespace WomRules.Tests.Compilation;

/// <summary>The "did you mean" helper: the nearest candidate by edit distance (adjacent swaps count one), or null when none is near.</summary>
public sealed class NameSuggestionsTests
{
    [Theory]
    [InlineData("ratin", "rating")]
    [InlineData("raitng", "rating")]
    [InlineData("Rating", "rating")]
    [InlineData("referals", "referrals")]
    [InlineData("lifetime_point", "lifetime_points")]
    [InlineData("silvr", "silver")]
    public void The_nearest_candidate_is_suggested(string misspelled, string expected) =>
        NameSuggestions.Nearest(misspelled, ["rating", "text", "referrals", "lifetime_points", "points", "silver", "gold"]).Should().Be(expected);

    [Theory]
    [InlineData("x")]
    [InlineData("karma")]
    [InlineData("")]
    public void Nothing_is_suggested_when_no_candidate_is_near(string misspelled) =>
        NameSuggestions.Nearest(misspelled, ["rating", "text", "referrals"]).Should().BeNull();

    [Fact]
    public void The_name_itself_is_never_suggested_and_no_candidates_suggest_nothing()
    {
        NameSuggestions.Nearest("rating", ["rating"]).Should().BeNull();
        NameSuggestions.Nearest("rating", []).Should().BeNull();
    }

    [Fact]
    public void Ties_go_to_the_first_candidate_given() =>
        NameSuggestions.Nearest("cat", ["bat", "hat"]).Should().Be("bat");

    [Fact]
    public void Distance_is_symmetric_zero_only_for_equal_names_and_bounded_by_the_lengths() =>
        Gen.Select(Gen.String[Gen.Char['a', 'd'], 0, 8], Gen.String[Gen.Char['a', 'd'], 0, 8], Gen.String[Gen.Char['a', 'd'], 0, 8]).Sample((a, b, c) =>
        {
            const int Unbounded = 100;
            var ab = NameSuggestions.Distance(a, b, Unbounded);
            ab.Should().Be(NameSuggestions.Distance(b, a, Unbounded));
            (ab == 0).Should().Be(a == b);
            ab.Should().BeLessThanOrEqualTo(Math.Max(a.Length, b.Length)).And.BeGreaterThanOrEqualTo(Math.Abs(a.Length - b.Length));

            // Appending one character to one side moves the distance by at most one.
            Math.Abs(NameSuggestions.Distance(a + c, b, Unbounded) - NameSuggestions.Distance(a + c + "a", b, Unbounded)).Should().BeLessThanOrEqualTo(1);
        });

    [Fact]
    public void A_bounded_distance_agrees_with_the_unbounded_one_up_to_the_bound() =>
        Gen.Select(Gen.String[Gen.Char['a', 'c'], 0, 10], Gen.String[Gen.Char['a', 'c'], 0, 10], Gen.Int[0, 4]).Sample((a, b, max) =>
        {
            var exact = NameSuggestions.Distance(a, b, 100);
            var bounded = NameSuggestions.Distance(a, b, max);
            (exact <= max ? bounded == exact : bounded > max).Should().BeTrue();
        });

    [Fact]
    public void A_swap_of_neighbours_is_one_edit() => NameSuggestions.Distance("ab", "ba", 5).Should().Be(1);
}

/// <summary>Suggestions cost edit distances, so a file full of misspellings must not make 'check' slow: at most so many per file.</summary>
public sealed class NameSuggestionBudgetTests
{
    [Fact]
    public void A_file_gets_at_most_MaxPerFile_suggestions_and_every_error_still()
    {
        const int Misspelled = NameSuggestions.MaxPerFile + 50;
        var attributes = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"    attribute_number_{i:D3}: int"));
        var rules = string.Join("\n", Enumerable.Range(0, Misspelled).Select(i =>
            $"  - {{ name: r{i}, on: e, when: 'event.atribute_number_{i % 40:D3} > 1', rewards: [ {{ points: 1 }} ] }}"));
        var text = $"womrules: 1\ncampaign: many\nbudget: {{ points: 10 }}\nevents:\n  e:\n{attributes}\nrules:\n{rules}\n";

        var errors = CampaignCompilation.Create(text, "c.yaml").GetDiagnostics().Where(d => d.IsError).ToList();
        errors.Should().HaveCount(Misspelled).And.OnlyContain(d => d.Id == "WOM3010");
        errors.Count(d => d.Message.Contains("(did you mean 'attribute_number_", StringComparison.Ordinal)).Should().Be(NameSuggestions.MaxPerFile);
    }

    [Fact]
    public void The_distance_work_is_banded_so_long_names_that_are_far_apart_stop_early() =>
        NameSuggestions.Distance(new string('a', 64), new string('b', 64), 3).Should().BeGreaterThan(3);
}
