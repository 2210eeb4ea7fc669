using WomRules.Diagnostics;
using WomRules.Parsing;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Tests.Parsing;

/// <summary>The Sprache expression grammar: precedence, associativity, tokens, spans and errors that say what was expected.</summary>
public sealed class ExpressionParserTests
{
    private static (ExpressionSyntax? Tree, List<Diagnostic> Diagnostics) ParseWithDiagnostics(string text, int maxDepth = 256)
    {
        var bag = new DiagnosticBag(new SourceText(text));
        var tree = ExpressionParser.Parse(text, ScalarOffsetMap.Verbatim(0), maxDepth, bag, "when");
        return (tree, bag.ToImmutable().ToList());
    }

    private static string Render(string text)
    {
        var (tree, diagnostics) = ParseWithDiagnostics(text);
        diagnostics.Should().BeEmpty();
        return Render(tree!);
    }

    /// <summary>Fully parenthesised, so that the tree's shape is visible.</summary>
    private static string Render(ExpressionSyntax node) => node switch
    {
        LiteralExpressionSyntax l => l.Value switch { string s => $"'{s}'", bool b => b ? "true" : "false", decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m", var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)! },
        NameExpressionSyntax n => n.Identifier.Text,
        MemberAccessExpressionSyntax m => Render(m.Target) + "." + m.Member.Text,
        CallExpressionSyntax c => c.Function.Text + "(" + string.Join(", ", c.Arguments.Select(Render)) + ")",
        ListExpressionSyntax l => "[" + string.Join(", ", l.Elements.Select(Render)) + "]",
        ParenthesizedExpressionSyntax p => Render(p.Expression),
        UnaryExpressionSyntax u => $"({u.OperatorToken.Text}{(u.OperatorToken.Text == "not" ? " " : "")}{Render(u.Operand)})",
        BinaryExpressionSyntax b => $"({Render(b.Left)} {b.OperatorToken.Text} {Render(b.Right)})",
        IfExpressionSyntax i => $"(if {Render(i.Condition)} then {Render(i.WhenTrue)} else {Render(i.WhenFalse)})",
        _ => "?",
    };

    [Theory]
    [InlineData("1 + 2 * 3", "(1 + (2 * 3))")]
    [InlineData("1 * 2 + 3", "((1 * 2) + 3)")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b % c", "((a / b) % c)")]
    [InlineData("-a * b", "((-a) * b)")]
    [InlineData("- -a", "(-(-a))")]
    [InlineData("a + b < c * d", "((a + b) < (c * d))")]
    [InlineData("not a and b", "((not a) and b)")]
    [InlineData("not a == b", "(not (a == b))")]
    [InlineData("a or b and c", "(a or (b and c))")]
    [InlineData("a and b or c and d", "((a and b) or (c and d))")]
    [InlineData("a or b or c", "((a or b) or c)")]
    [InlineData("if a then b else c or d", "(if a then b else (c or d))")]
    [InlineData("if a then if b then 1 else 2 else 3", "(if a then (if b then 1 else 2) else 3)")]
    [InlineData("(a or b) and c", "((a or b) and c)")]
    public void Precedence_and_associativity(string text, string expected) => Render(text).Should().Be(expected);

    [Theory]
    [InlineData("==")]
    [InlineData("!=")]
    [InlineData("<")]
    [InlineData("<=")]
    [InlineData(">")]
    [InlineData(">=")]
    [InlineData("in")]
    [InlineData("contains")]
    [InlineData("contains_any")]
    [InlineData("starts_with")]
    [InlineData("ends_with")]
    [InlineData("matches")]
    public void Every_comparison_operator_parses(string op) => Render($"a {op} b").Should().Be($"(a {op} b)");

    [Theory]
    [InlineData("event.index > 1", "(event.index > 1)")]
    [InlineData("order or android", "(order or android)")]
    [InlineData("notable and inbox", "(notable and inbox)")]
    [InlineData("x contains_any y", "(x contains_any y)")]
    [InlineData("event.in == 1", "(event.in == 1)")]
    [InlineData("a.b.c", "a.b.c")]
    public void Word_operators_match_whole_words_only(string text, string expected) => Render(text).Should().Be(expected);

    [Theory]
    [InlineData("42", "42")]
    [InlineData("20.00", "20.00m")]
    [InlineData("'it''s'", null)]
    [InlineData("\"say \\\"hi\\\"\"", "'say \"hi\"'")]
    [InlineData("'a\\'b'", "'a'b'")]
    [InlineData("'\\d+'", "'\\d+'")]
    [InlineData("true", "true")]
    [InlineData("[\"a\", 'b']", "['a', 'b']")]
    [InlineData("[]", "[]")]
    [InlineData("f()", "f()")]
    [InlineData("f(x)", "f(x)")]
    [InlineData("discloses(event.text, ['#ad'], 100)", "discloses(event.text, ['#ad'], 100)")]
    public void Literals_lists_and_calls(string text, string? expected)
    {
        if (expected is null)
        {
            ParseWithDiagnostics(text).Tree.Should().BeNull("'' is not an escape in the expression language");
            return;
        }

        Render(text).Should().Be(expected);
    }

    [Fact]
    public void Decimals_keep_their_scale()
    {
        var literal = (LiteralExpressionSyntax)ParseWithDiagnostics("20.00").Tree!;
        literal.Value.Should().Be(20.00m);
        ((decimal)literal.Value).Scale.Should().Be(2);
    }

    [Fact]
    public void Token_spans_are_file_offsets_through_the_map()
    {
        const string text = "  event.rating >= 4";
        var bag = new DiagnosticBag(new SourceText(new string(' ', 100) + text));
        var tree = (BinaryExpressionSyntax)ExpressionParser.Parse(text, ScalarOffsetMap.Verbatim(100), 256, bag, "when")!;
        tree.Left.Span.Should().Be(new TextSpan(102, 12));
        tree.OperatorToken.Span.Should().Be(new TextSpan(115, 2));
        tree.Right.Span.Should().Be(new TextSpan(118, 1));
        tree.Span.Should().Be(new TextSpan(102, 17));
    }

    [Theory]
    [InlineData("1 + (2 + 3", 10, "unexpected end of expression; expected ')'")]
    [InlineData("event.rating >= ", 16, "unexpected end of expression")]
    [InlineData("a ==== b", 4, "unexpected '='")]
    [InlineData("a and @", 6, "unexpected '@'")]
    [InlineData("a b", 2, "unexpected 'b'; expected an operator or the end of the expression")]
    [InlineData("'unterminated", 13, "unexpected end of expression")]
    [InlineData("if a then b", 11, "expected 'else'")]
    [InlineData("a < b < c", 6, "unexpected '<'")]
    [InlineData("f(a,", 4, "unexpected end of expression")]
    public void Syntax_errors_say_what_was_expected_where(string text, int column0, string message)
    {
        var (tree, diagnostics) = ParseWithDiagnostics(text);
        tree.Should().BeNull();
        var diagnostic = diagnostics.Should().ContainSingle().Subject;
        diagnostic.Id.Should().Be("WOM2001");
        diagnostic.Column.Should().Be(column0 + 1);
        diagnostic.Message.Should().Contain(message);
    }

    [Fact]
    public void Empty_expressions_are_WOM2005() => ParseWithDiagnostics("   ").Diagnostics.Single().Id.Should().Be("WOM2005");

    [Fact]
    public void Out_of_range_numbers_are_WOM2004() =>
        ParseWithDiagnostics("x > 99999999999999999999").Diagnostics.Single().Should().Match<Diagnostic>(d => d.Id == "WOM2004" && d.Column == 5);

    [Fact]
    public void Nesting_up_to_the_limit_parses_and_one_more_does_not()
    {
        ParseWithDiagnostics(new string('(', 256) + "1" + new string(')', 256)).Tree.Should().NotBeNull();
        var (tree, diagnostics) = ParseWithDiagnostics(new string('(', 257) + "1" + new string(')', 257));
        tree.Should().BeNull();
        diagnostics.Single().Should().Match<Diagnostic>(d => d.Id == "WOM2002" && d.Column == 257);
    }

    [Theory]
    [InlineData("not ", 300)]
    [InlineData("-", 300)]
    [InlineData("if true then 1 else ", 300)]
    public void Prefix_nesting_counts_toward_the_limit(string prefix, int count)
    {
        var text = string.Concat(Enumerable.Repeat(prefix, count)) + "1";
        ParseWithDiagnostics(text).Diagnostics.Single().Id.Should().Be("WOM2002");
    }

    [Fact]
    public void Five_thousand_parentheses_fail_fast_without_overflowing_the_stack() =>
        ParseWithDiagnostics(new string('(', 5000) + "1" + new string(')', 5000)).Diagnostics.Single().Id.Should().Be("WOM2002");

    [Fact]
    public void A_long_flat_chain_parses_iteratively()
    {
        var text = string.Join(" + ", Enumerable.Repeat("1", 20000));
        var (tree, diagnostics) = ParseWithDiagnostics(text);
        diagnostics.Should().BeEmpty();
        tree.Should().BeOfType<BinaryExpressionSyntax>().Which.Span.Length.Should().Be(text.Length);
    }
}
