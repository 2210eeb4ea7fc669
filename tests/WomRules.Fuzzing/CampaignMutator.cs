using System.Text;
using System.Text.RegularExpressions;

namespace WomRules.Fuzzing;

/// <summary>
/// Mutations of a campaign file that know its shape (YAML or DSL) by line: conditions replaced by hostile
/// expressions, amounts and counts by numbers at the edge of long, names made long, conditions nested deep, hostile
/// characters put inside comments and strings. The rest of the file stays intact, so most mutants still compile
/// and reach the engine.
/// </summary>
internal static partial class CampaignMutator
{
    public static byte[] Mutate(byte[] input, bool dsl, Random random, IReadOnlyList<byte[]> others)
    {
        if (random.Next(4) == 0)
        {
            return ByteMutator.Mutate(input, random, others);
        }

        var text = Encoding.UTF8.GetString(input);
        var lines = text.Split('\n').ToList();
        var mutated = random.Next(7) switch
        {
            0 => ReplaceCondition(lines, random, text),
            1 => ReplaceAmount(lines, random),
            2 => ReplaceNumber(lines, random),
            3 => LongName(lines, dsl, random),
            4 => DeepNesting(lines, random),
            5 => HostileInComment(lines, random),
            _ => HostileInString(lines, random),
        };
        return mutated ? Encoding.UTF8.GetBytes(string.Join('\n', lines)) : ByteMutator.Mutate(input, random, others);
    }

    private static bool ReplaceCondition(List<string> lines, Random random, string text)
    {
        var at = Pick(lines, ConditionLine(), random);
        if (at < 0)
        {
            return false;
        }

        var match = ConditionLine().Match(lines[at]);
        lines[at] = match.Groups["head"].Value + HostileExpression(random, text);
        return true;
    }

    /// <summary>A hostile expression over the campaign's own string attributes when it has some, so that it type-checks.</summary>
    private static string HostileExpression(Random random, string text)
    {
        var strings = StringAttribute().Matches(text).Select(m => "event." + m.Groups["name"].Value).Distinct().ToList();
        if (strings.Count == 0 || random.Next(3) == 0)
        {
            return Interesting.Expressions[random.Next(Interesting.Expressions.Length)];
        }

        var s = strings[random.Next(strings.Count)];
        return random.Next(3) switch
        {
            // Nested counted repetition (defect 5's shape) or nested unbounded repetition.
            0 => $"{s} matches '{Pick(["(a{1,50}){1,50}x", "(a|aa)+b", "((a+)+)+b", "(.{1,20}){1,20}$", "^[a-z]+$"], random)}'",
            // A chain of concatenations (defect 6's shape): its length picks a size class.
            1 => "len(" + string.Join(" + ", Enumerable.Repeat(s, Pick([2, 10, 100, 1000, 4000], random))) + ") > 0",
            _ => $"len({s}) > {Pick(Interesting.Numbers, random)}",
        };
    }

    private static bool ReplaceAmount(List<string> lines, Random random)
    {
        var at = Pick(lines, Amount(), random);
        if (at < 0)
        {
            return false;
        }

        var number = Pick(Interesting.Numbers, random);
        var match = Amount().Match(lines[at]);
        var group = match.Groups["n"];
        lines[at] = lines[at][..group.Index] + number + lines[at][(group.Index + group.Length)..];
        return true;
    }

    private static bool ReplaceNumber(List<string> lines, Random random)
    {
        var at = Pick(lines, Number(), random);
        if (at < 0)
        {
            return false;
        }

        var matches = Number().Matches(lines[at]);
        var match = matches[random.Next(matches.Count)];
        lines[at] = lines[at][..match.Index] + Pick(Interesting.Numbers, random) + lines[at][(match.Index + match.Length)..];
        return true;
    }

    private static bool LongName(List<string> lines, bool dsl, Random random)
    {
        var pattern = dsl ? DslName() : YamlName();
        var at = Pick(lines, pattern, random);
        if (at < 0)
        {
            return false;
        }

        var group = pattern.Match(lines[at]).Groups["name"];
        var name = new string('n', Pick([64, 200, 1000, 70_000], random));
        lines[at] = lines[at][..group.Index] + name + lines[at][(group.Index + group.Length)..];
        return true;
    }

    private static bool DeepNesting(List<string> lines, Random random)
    {
        var at = Pick(lines, ConditionLine(), random);
        if (at < 0)
        {
            return false;
        }

        var match = ConditionLine().Match(lines[at]);
        var depth = Pick([10, 100, 255, 257, 1000, 5000], random);
        var expression = match.Groups["expr"].Value;
        lines[at] = match.Groups["head"].Value + (random.Next(2) == 0
            ? new string('(', depth) + expression + new string(')', depth)
            : string.Concat(Enumerable.Repeat("not ", depth)) + "(" + expression + ")");
        return true;
    }

    /// <summary>Defect 8's shape: a line break that only some readers see, inside a comment.</summary>
    private static bool HostileInComment(List<string> lines, Random random)
    {
        var at = Pick(lines, Comment(), random);
        if (at < 0)
        {
            lines.Insert(random.Next(lines.Count + 1), "# " + Pick(Interesting.Characters, random) + Pick(Interesting.Lines, random));
            return true;
        }

        lines[at] += Pick(Interesting.Characters, random) + Pick(Interesting.Lines, random);
        return true;
    }

    private static bool HostileInString(List<string> lines, Random random)
    {
        var at = Pick(lines, QuotedString(), random);
        if (at < 0)
        {
            return false;
        }

        var group = QuotedString().Match(lines[at]).Groups["body"];
        var insert = Pick(Interesting.Characters, random) + (random.Next(2) == 0 ? Pick(Interesting.Lines, random) : "");
        var offset = group.Index + random.Next(group.Length + 1);
        lines[at] = lines[at][..offset] + insert + lines[at][offset..];
        return true;
    }

    private static int Pick(List<string> lines, Regex pattern, Random random)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => pattern.IsMatch(lines[i])).ToList();
        return candidates.Count == 0 ? -1 : candidates[random.Next(candidates.Count)];
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    [GeneratedRegex(@"^(?<head>\s*(?:-\s+)?(?:when|applies):?\s+)(?<expr>.+)$")]
    private static partial Regex ConditionLine();

    [GeneratedRegex(@"(?:points:|credit:|count:|by:|reward(?:\s+(?:actor|referrer))?)\s+(?<n>[0-9][0-9.]*)|(?<n>[0-9][0-9.]*)\s+(?:points|credit|per)\b")]
    private static partial Regex Amount();

    [GeneratedRegex(@"(?<![\w.-])[0-9]+(?:\.[0-9]+)?(?![\w-])")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*(?:-\s+)?name:\s+(?<name>[\w.-]+)|^campaign:\s+(?<name>[\w.-]+)")]
    private static partial Regex YamlName();

    [GeneratedRegex(@"^(?:rule|campaign|disclosure|tier|counters)\s+(?<name>[\w.-]+)|^\s+(?<name>[a-z_]+):\s")]
    private static partial Regex DslName();

    [GeneratedRegex(@"#")]
    private static partial Regex Comment();

    [GeneratedRegex("\"(?<body>[^\"\\\\]*)\"")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"^\s+(?<name>[a-z_]+):\s+(?:string\b|\{\s*type:\s*string)", RegexOptions.Multiline)]
    private static partial Regex StringAttribute();
}
