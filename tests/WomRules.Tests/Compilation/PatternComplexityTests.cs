using WomRules.Binding;

namespace WomRules.Tests.Compilation;

/// <summary>
/// The pattern tokenizer behind WOM3036, by laws rather than hand-computed numbers: syntax that adds no positions
/// (group prefixes, comments, escapes, classes) measures like the plain pattern it stands for, and a count on a
/// pattern without repetition measures like the pattern written out that many times.
/// </summary>
public sealed class PatternComplexityTests
{
    private const long Limit = 1_000_000;

    [Theory]
    [InlineData("(?:ab)c", "(ab)c")]
    [InlineData("(?<name>ab)c", "(ab)c")]
    [InlineData("(?'name'ab)c", "(ab)c")]
    [InlineData("(?=ab)c", "(ab)c")]
    [InlineData("(?<=ab)c", "(ab)c")]
    [InlineData("(?<!ab)c", "(ab)c")]
    [InlineData("(?i:ab)c", "(ab)c")]
    [InlineData("(?i)abc", "()abc")]
    [InlineData("(?#a comment (with a parenthesis)abc", "abc")]
    [InlineData(@"\p{Lu}b", "ab")]
    [InlineData(@"\d\.b", "abb")]
    [InlineData("[]a]b", "ab")]
    [InlineData("[^]a]b", "ab")]
    [InlineData(@"[a\]b]c", "ac")]
    [InlineData("[a-z-[aeiou]]c", "ac")]
    [InlineData("[[]c", "ac")]
    [InlineData("a{,5}", "abcde")]
    [InlineData("a{x}", "abcd")]
    public void Syntax_that_adds_no_positions_measures_like_the_plain_pattern(string pattern, string plain) =>
        PatternComplexity.Measure(pattern, Limit).Should().Be(PatternComplexity.Measure(plain, Limit));

    [Theory]
    [InlineData("a", 7)]
    [InlineData("(ab|c)", 5)]
    [InlineData(@"[a-z]\d", 12)]
    public void A_count_on_a_pattern_without_repetition_is_the_pattern_written_out(string pattern, int count)
    {
        PatternComplexity.Measure($"(?:{pattern}){{{count}}}", Limit).Should().Be(PatternComplexity.Measure(string.Concat(Enumerable.Repeat(pattern, count)), Limit));
        PatternComplexity.Measure($"(?:{pattern}){{1,{count}}}", Limit).Should().Be(PatternComplexity.Measure($"(?:{pattern}){{{count}}}", Limit));
    }

    [Theory]
    [InlineData("ab", "cd")]
    [InlineData("a{3}", "(b|c){4}")]
    public void Alternation_and_sequence_add(string left, string right)
    {
        var sum = PatternComplexity.Measure(left, Limit) + PatternComplexity.Measure(right, Limit);
        PatternComplexity.Measure($"{left}|{right}", Limit).Should().Be(sum);
        PatternComplexity.Measure($"(?:{left})(?:{right})", Limit).Should().Be(sum);
    }

    [Theory]
    [InlineData("a*", "a")]
    [InlineData("a+", "a")]
    [InlineData("a?", "a")]
    [InlineData("a{3}?", "a{3}")]
    [InlineData("(a{1,4})?", "a{1,4}")]
    public void Unbounded_and_optional_repetition_of_a_plain_item_adds_nothing(string pattern, string plain) =>
        PatternComplexity.Measure(pattern, Limit).Should().Be(PatternComplexity.Measure(plain, Limit));

    [Theory]
    [InlineData(2, 3)]
    [InlineData(5, 7)]
    public void A_count_inside_a_repetition_counts_squared(int inner, int outer)
    {
        var innerCost = PatternComplexity.Measure($"a{{{inner}}}", Limit);
        PatternComplexity.Measure($"(a{{{inner}}}){{{outer}}}", Limit).Should().Be(innerCost * inner * outer);
        PatternComplexity.Measure($"(a{{{inner}}})+", Limit).Should().Be(innerCost * inner);
    }

    [Theory]
    [InlineData("a+", 3)]
    [InlineData("a*", 7)]
    [InlineData("a*b", 5)]
    [InlineData("(a|b+)", 4)]
    [InlineData("a?a?a?", 6)]
    [InlineData("[ab]?a", 3)]
    public void A_loop_inside_a_count_counts_squared(string looped, int count)
    {
        // An optional item counts as a loop: (a?a?a?){1,333}x measured 999 and took 4 s, (?:[ab]?a){1,333}x 7 s.
        // (a+){1,999}x measured 999 but took 7 s on any text of 1,000 characters or more, building its automaton
        // where the match timeout does not reach.
        var cost = PatternComplexity.Measure(looped, Limit);
        PatternComplexity.Measure($"(?:{looped}){{{count}}}", Limit).Should().Be(cost * count * count);
        PatternComplexity.Measure($"(?:{looped}){{1,{count}}}", Limit).Should().Be(cost * count * count);
    }

    [Theory]
    // A '#' comment hid a '(' from the measure, which then paired the wrong parentheses: this measured 101 and took
    // 40 s on a 5,000-character text, since .NET reads it as (a{1,50}){1,50}x.
    [InlineData("(?x)(a{1,50} #(\n){1,50}x", "(a{1,50}){1,50}x")]
    [InlineData("(?x: a {1,9} b # a comment (\n)", "(?:a{1,9}b)")]
    [InlineData("(?x)(?-x:# )a", "(?:# )a")]
    [InlineData("(?ix)a  (b) # c\n", "a(b)")]
    [InlineData("(?x:a)# b \\(", "(?:a)# b \\(")]
    [InlineData("(?x)[ #(]{1,9}", "[ #(]{1,9}")]
    public void In_the_x_option_spaces_and_comments_add_nothing_and_hide_nothing(string pattern, string plain)
    {
        new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.NonBacktracking); // a valid pattern
        PatternComplexity.Measure(pattern, 1_000_000).Should().Be(PatternComplexity.Measure(plain, 1_000_000));
    }

    [Theory]
    // \c[ is one character (ESC): read as '\c' and a class, it hid (a{1,50}){1,50}x, which took 34 s on 1,000 characters.
    [InlineData(@"(?:\c[|a)(a{1,50}){1,50}x]", "(?:e|a)(a{1,50}){1,50}xe")]
    [InlineData(@"[\c\](a{1,50}){1,50}x]", "e(a{1,50}){1,50}xe")]
    public void A_control_escape_is_one_character_in_and_out_of_a_class(string pattern, string plain)
    {
        new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.NonBacktracking); // a valid pattern
        PatternComplexity.Measure(pattern, 1_000_000).Should().Be(PatternComplexity.Measure(plain, 1_000_000));
    }

    [Fact]
    public void The_measure_saturates_just_past_the_limit_instead_of_overflowing() =>
        PatternComplexity.Measure("((((a{1,99999}){1,99999}){1,99999}){1,99999})+", 1000).Should().Be(1001);
}
