namespace WomRules.Binding;

/// <summary>
/// A static estimate of what a <c>matches</c> pattern costs the NonBacktracking engine, which unrolls counted
/// repetition and builds its automaton while matching: the number of pattern positions after unrolling, with counted
/// repetition inside another repetition weighted more. An atom (a character, an escape, a class, an anchor) counts 1;
/// a sequence and an alternation add their parts; <c>X{n,m}</c> multiplies X by m (n for <c>X{n}</c> and
/// <c>X{n,}</c>); <c>*</c>, <c>+</c> and <c>?</c> multiply by 1. Inside a repetition (<c>*</c>, <c>+</c> or a count
/// above 1), a counted repetition multiplies by the square of its count, because measured cost grows that way:
/// <c>(a{1,10}){1,10}</c> is 1,000, <c>(a{1,50}){1,50}</c> is 125,000 and <c>(a{1,1000})+</c> 1,000,000, while
/// <c>a{1,1000}</c> is 1,000 and <c>(\d{1,3}\.){3}</c> 30. A count around a loop (<c>*</c>, <c>+</c>) multiplies by
/// its square too, and so does a count around an optional item (<c>?</c>): <c>(a+){1,999}</c> is 998,001. .NET's own regex parser is internal, so this walks the
/// pattern with a small tokenizer; it needs only to be an upper bound, and the Regex constructor still rejects
/// invalid patterns.
/// </summary>
internal static class PatternComplexity
{
    /// <summary>The complexity of <paramref name="pattern"/>, saturating just past <paramref name="limit"/>.</summary>
    public static long Measure(string pattern, long limit)
    {
        var cap = Math.Max(limit, 0) + 1;

        // Each value is a pair: its cost where it stands (Plain) and its cost inside a repetition (Nested).
        // One frame per open group: the finished alternatives' sum and the current sequence's sum.
        // Each frame also keeps the x option (IgnorePatternWhitespace) of the enclosing group, restored at its ')'.
        var frames = new Stack<(Cost Alternatives, Cost Sequence, bool Extended)>();
        var extended = false;
        Cost alternatives = default, sequence = default, last = default;
        var atom = new Cost(1, 1, false);
        // True right after a quantifier, where a '?' is the lazy mark rather than another quantifier.
        var quantified = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            // Under the x option, white space is nothing and '#' comments out the rest of the line; a '(' in such a
            // comment must not open a group here, or the measure pairs the wrong parentheses.
            if (extended && (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v'))
            {
                continue;
            }

            if (extended && c == '#')
            {
                i = pattern.IndexOf('\n', i) is var eol and >= 0 ? eol : pattern.Length;
                continue;
            }

            var afterQuantifier = quantified;
            quantified = c is '*' or '+' or '?' || (c == '{' && TryReadBound(pattern, i, out _, out _));
            switch (c)
            {
                case '\\':
                    i = SkipEscape(pattern, i);
                    last = atom;
                    sequence = sequence.Add(last, cap);
                    break;
                case '[':
                    i = SkipClass(pattern, i);
                    last = atom;
                    sequence = sequence.Add(last, cap);
                    break;
                case '(' when i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] == '#':
                    i = pattern.IndexOf(')', i) is var end and >= 0 ? end : pattern.Length;
                    last = default;
                    break;
                case '(' when OptionsOnly(pattern, i, extended, out var options, out var close):
                    // (?imnsx-imnsx) sets options for the rest of the enclosing group.
                    extended = options;
                    i = close;
                    last = default;
                    break;
                case '(':
                    var inner = GroupOptions(pattern, i, extended);
                    i = SkipGroupPrefix(pattern, i);
                    frames.Push((alternatives, sequence, extended));
                    extended = inner;
                    alternatives = default;
                    sequence = default;
                    last = default;
                    break;
                case ')' when frames.Count > 0:
                    var group = alternatives.Add(sequence, cap);
                    (alternatives, sequence, extended) = frames.Pop();
                    last = group;
                    sequence = sequence.Add(group, cap);
                    break;
                case '|':
                    alternatives = alternatives.Add(sequence, cap);
                    sequence = default;
                    last = default;
                    break;
                case '*' or '+':
                    var looped = new Cost(last.Nested, last.Nested, true);
                    sequence = sequence.Replace(last, looped, cap);
                    last = looped;
                    break;
                case '?' when afterQuantifier:
                    // The lazy mark: it changes which match is found, not the automaton.
                    quantified = false;
                    break;
                case '?':
                    // Optional adds no positions, but inside a count it is ambiguous like a loop:
                    // (a?a?a?){1,333}x took 4 s and (?:[ab]?a){1,333}x 7 s, so a count around it squares.
                    var optional = last with { Loops = true };
                    sequence = sequence.Replace(last, optional, cap);
                    last = optional;
                    break;
                case '{' when TryReadBound(pattern, i, out var bound, out var close):
                    // A loop inside a count squares it too: (a+){1,999}x took 7 s, building its automaton.
                    var plain = Multiply(last.Nested, last.Loops ? Multiply(bound, bound, cap) : bound, cap);
                    var repeated = bound <= 1
                        ? last
                        : new Cost(plain, Multiply(Multiply(last.Nested, bound, cap), bound, cap), last.Loops);
                    sequence = sequence.Replace(last, repeated, cap);
                    last = repeated;
                    i = close;
                    break;
                default:
                    last = atom;
                    sequence = sequence.Add(last, cap);
                    break;
            }
        }

        // Unclosed groups are an invalid pattern, which the Regex constructor reports; count them anyway.
        var total = alternatives.Add(sequence, cap);
        while (frames.Count > 0)
        {
            var (a, s, _) = frames.Pop();
            total = a.Add(s.Add(total, cap), cap);
        }

        return total.Plain;
    }

    // Loops: the item holds a '*', '+' or optional '?', which a count around it squares (kept when the item is replaced, since
    // the replacement holds the item).
    private readonly record struct Cost(long Plain, long Nested, bool Loops)
    {
        public Cost Add(Cost other, long cap) => new(Math.Min(Plain + other.Plain, cap), Math.Min(Nested + other.Nested, cap), Loops || other.Loops);

        // The last item of a sequence, counted once already, becomes its repeated form.
        public Cost Replace(Cost old, Cost replacement, long cap) =>
            new Cost(Math.Max(Plain - old.Plain, 0), Math.Max(Nested - old.Nested, 0), Loops).Add(replacement, cap);
    }

    /// <summary>Reads <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at <paramref name="start"/>; anything else is a literal brace.</summary>
    private static bool TryReadBound(string pattern, int start, out long bound, out int close)
    {
        bound = 0;
        close = start;
        var i = start + 1;
        if (!ReadNumber(pattern, ref i, out var low))
        {
            return false;
        }

        var high = low;
        if (i < pattern.Length && pattern[i] == ',')
        {
            i++;
            if (!ReadNumber(pattern, ref i, out high))
            {
                high = low;
            }
        }

        if (i >= pattern.Length || pattern[i] != '}')
        {
            return false;
        }

        bound = Math.Max(low, high);
        close = i;
        return true;
    }

    private static bool ReadNumber(string pattern, ref int i, out long value)
    {
        value = 0;
        var start = i;
        while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
        {
            value = Math.Min(value * 10 + (pattern[i] - '0'), int.MaxValue);
            i++;
        }

        return i > start;
    }

    // '\p{L}', '\P{L}', '\k<name>' and '\x41'-style escapes are one atom; only the braces need skipping.
    private static int SkipEscape(string pattern, int start)
    {
        var i = start + 1;
        if (i + 1 < pattern.Length && pattern[i] is 'p' or 'P' && pattern[i + 1] == '{')
        {
            var end = pattern.IndexOf('}', i);
            return end < 0 ? pattern.Length - 1 : end;
        }

        // \cX is one control character whatever X is: \c[ is ESC, not '\c' and a class.
        if (i + 1 < pattern.Length && pattern[i] == 'c')
        {
            return i + 1;
        }

        return Math.Min(i, pattern.Length - 1);
    }

    // A class ends at the first unescaped ']' that is not its first character; a subtraction '[a-z-[aeiou]]' nests.
    private static int SkipClass(string pattern, int start)
    {
        var depth = 0;
        var i = start;
        while (i < pattern.Length)
        {
            // At an opening '[': a leading '^' and a leading ']' belong to the class.
            depth++;
            i++;
            if (i < pattern.Length && pattern[i] == '^')
            {
                i++;
            }

            if (i < pattern.Length && pattern[i] == ']')
            {
                i++;
            }

            for (; i < pattern.Length; i++)
            {
                if (pattern[i] == '\\')
                {
                    i = SkipEscape(pattern, i);
                }
                else if (pattern[i] == '-' && i + 1 < pattern.Length && pattern[i + 1] == '[')
                {
                    i++;
                    break;
                }
                else if (pattern[i] == ']' && --depth == 0)
                {
                    return i;
                }
            }
        }

        return pattern.Length - 1;
    }

    /// <summary>True for <c>(?flags)</c> at <paramref name="open"/>, with the x option after it and its ')'.</summary>
    private static bool OptionsOnly(string pattern, int open, bool extended, out bool options, out int close)
    {
        options = extended;
        close = open;
        var i = open + 2;
        if (open + 1 >= pattern.Length || pattern[open + 1] != '?')
        {
            return false;
        }

        while (i < pattern.Length && (char.IsAsciiLetter(pattern[i]) || pattern[i] == '-'))
        {
            i++;
        }

        if (i == open + 2 || i >= pattern.Length || pattern[i] != ')')
        {
            return false;
        }

        options = ApplyOptions(pattern.AsSpan(open + 2, i - open - 2), extended);
        close = i;
        return true;
    }

    /// <summary>The x option inside the group opening at <paramref name="open"/>: changed by <c>(?flags:</c>, else inherited.</summary>
    private static bool GroupOptions(string pattern, int open, bool extended)
    {
        var i = open + 2;
        if (open + 1 >= pattern.Length || pattern[open + 1] != '?')
        {
            return extended;
        }

        while (i < pattern.Length && (char.IsAsciiLetter(pattern[i]) || pattern[i] == '-'))
        {
            i++;
        }

        return i > open + 2 && i < pattern.Length && pattern[i] == ':' ? ApplyOptions(pattern.AsSpan(open + 2, i - open - 2), extended) : extended;
    }

    private static bool ApplyOptions(ReadOnlySpan<char> flags, bool extended)
    {
        var on = true;
        foreach (var flag in flags)
        {
            if (flag == '-')
            {
                on = false;
            }
            else if (flag == 'x')
            {
                extended = on;
            }
        }

        return extended;
    }

    // '(?:', '(?=', '(?!', '(?<=', '(?<!', '(?>', '(?<name>', '(?'name'' and '(?imnsx-imnsx:' add no positions.
    private static int SkipGroupPrefix(string pattern, int open)
    {
        var i = open + 1;
        if (i >= pattern.Length || pattern[i] != '?')
        {
            return open;
        }

        i++;
        if (i < pattern.Length && pattern[i] is '<' or '\'' && i + 1 < pattern.Length && pattern[i + 1] is not ('=' or '!'))
        {
            var end = pattern.IndexOf(pattern[i] == '<' ? '>' : '\'', i + 1);
            return end < 0 ? pattern.Length - 1 : end;
        }

        while (i < pattern.Length && (char.IsAsciiLetter(pattern[i]) || pattern[i] == '-'))
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == '<')
        {
            i++;
        }

        return i < pattern.Length && pattern[i] is ':' or '=' or '!' or '>' ? i : i - 1;
    }

    private static long Multiply(long a, long b, long cap) => a == 0 || b <= cap / a ? Math.Min(a * b, cap) : cap;
}
