using System.Globalization;
using System.Text;
using WomRules.Diagnostics;
using WomRules.Parsing;
using WomRules.Syntax;
using WomRules.Tests.Support;
using WomRules.Text;

namespace WomRules.Tests.Parsing;

/// <summary>
/// A behaviour lock on the expression parser for work on its structure (speed): a few thousand expressions, valid and
/// broken (seeded mutations of expressions that use every construct), each with its full tree (node kinds, token texts,
/// spans, literal values and their types) or its diagnostics (ids, spans, messages with the expected tokens), compared
/// with a golden file. The file was written by the parser before it was restructured; UPDATE_SNAPSHOTS=1 rewrites it.
/// </summary>
public sealed class ExpressionParserGoldenTests
{
    private static readonly string GoldenFile = Path.Combine(RepositoryPaths.Root, "tests", "WomRules.Tests", "Parsing", "expression-golden", "mutations.txt");

    private static readonly string[] Seeds =
    [
        "event.amount >= 42 and (event.text contains \"#3\" or len(event.text) > 17)",
        "not event.flagged and participant.tier >= 'silver'",
        "min(event.amount * 3, 500)",
        "if event.total > 100 then 5.00 else 1.50",
        "event.flagged or event.relationship in [\"employee\", \"influencer\"]",
        "discloses(event.text, 80)",
        "a + b - c * d / e % f",
        "- -a * -(b + 1)",
        "x.y.z(1, 2).w",
        "f() == g(h(), [1, 2.5, 'x\\'y'], [])",
        "a != b or a <= b and not a < b or a > b",
        "s starts_with \"ab\" and s ends_with 'cd' or s matches \"^a\\\\d+$\"",
        "tags contains_any ['a', 'b'] and not (tags contains 'c')",
        "if a then if b then 1 else 2 else if c then 3 else 4",
        "12345678901234567890 + 1.25 + 007",
        "true == false != true",
        "((((a))))",
        "[[1, [2]], [[3]]]",
        "  padded_name  ",
        "\"esc \\n \\t \\\\ \\q\"",
        "event.andy or orange and notable",
        "f(a,b ,c , d)",
        "a\n  and b\n  or c",
        "1 + (2 + 3",
        "x = 1",
        "f(1, )",
        "a.",
        "[1, 2",
        "'unterminated",
        "if a then b",
        "not",
        "a b",
        "1.2.3",
        "a and and b",
        "é + ünïcode_1",
        "f(1, 99999999999999999999 +)",
        "[1, [2, 99999999999999999999 +]]",
        "f(1, 99999999999999999999, )",
        "x == = y or a ! b",
    ];

    private const string Alphabet = "()[],.+-*/%<>=!\"' \\aifnotdrhe019_\n";

    public static IEnumerable<(string Text, int MaxDepth)> Cases()
    {
        var random = new Random(20261124);
        foreach (var seed in Seeds)
        {
            yield return (seed, 256);
            yield return (seed, 2);
            for (var k = 0; k < 60; k++)
            {
                var text = seed;
                var edits = 1 + random.Next(3);
                for (var e = 0; e < edits; e++)
                {
                    text = Mutate(text, random);
                }

                yield return (text, random.Next(8) == 0 ? 1 + random.Next(3) : 256);
            }
        }

        foreach (var empty in new[] { "", "   ", "\n" })
        {
            yield return (empty, 256);
        }
    }

    private static string Mutate(string text, Random random)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
        var c = Alphabet[random.Next(Alphabet.Length)];
        switch (random.Next(5))
        {
            case 0 when at < text.Length: return text.Remove(at, 1);
            case 1: return text.Insert(at, c.ToString());
            case 2 when at < text.Length: return text[..at] + c + text[(at + 1)..];
            case 3: return text[..at];
            default:
                var from = random.Next(text.Length + 1);
                var length = random.Next(Math.Min(6, text.Length - from) + 1);
                return text.Insert(at, text.Substring(from, length));
        }
    }

    [Fact]
    public void Trees_and_diagnostics_match_the_golden_file()
    {
        var output = new StringBuilder();
        foreach (var (text, maxDepth) in Cases())
        {
            output.Append(Escape(text)).Append(" @").Append(maxDepth.ToString(CultureInfo.InvariantCulture)).Append('\n');
            var bag = new DiagnosticBag(new SourceText(text));
            var tree = ExpressionParser.Parse(text, ScalarOffsetMap.Verbatim(3), maxDepth, bag, "when");
            foreach (var d in bag.ToImmutable())
            {
                output.Append("  ").Append(d.Id).Append(' ').Append(d.Span.ToString()).Append(' ').Append(d.Message).Append('\n');
            }

            output.Append("  ").Append(tree is null ? "null" : Dump(tree)).Append('\n');
        }

        Snapshots.MatchFile(output.ToString(), GoldenFile);
    }

    private static string Dump(SyntaxNode node) => node switch
    {
        SyntaxToken t => $"'{Escape(t.Text)}'{t.Span}",
        LiteralExpressionSyntax l => $"Lit{l.Span}<{l.Value.GetType().Name}:{Escape(Convert.ToString(l.Value, CultureInfo.InvariantCulture)!)}>({Dump(l.Token)})",
        _ => $"{node.GetType().Name.Replace("ExpressionSyntax", "", StringComparison.Ordinal)}{node.Span}({string.Join(" ", node.Children.Select(Dump))})",
    };

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
