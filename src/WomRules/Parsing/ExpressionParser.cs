using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Sprache;
using WomRules.Diagnostics;
using WomRules.Syntax;

namespace WomRules.Parsing;

/// <summary>
/// The expression grammar of spec §3, written with Sprache. Binary levels are parsed iteratively (XMany, not
/// ChainOperator, whose recursion would overflow on a 64 KiB chain); parentheses, <c>not</c>, unary <c>-</c> and
/// <c>if</c> count toward the nesting limit, checked as each level is entered; XMany and XOptional keep the real
/// error instead of backtracking to a misleading "expected end of input".
/// </summary>
internal static class ExpressionParser
{
    private static readonly HashSet<string> Keywords =
    [
        "if", "then", "else", "and", "or", "not", "in", "contains", "contains_any", "starts_with", "ends_with", "matches", "true", "false",
    ];

    [ThreadStatic]
    private static ParseState? state;

    private static readonly Parser<ExpressionSyntax> Grammar = BuildGrammar();

    public static ExpressionSyntax? Parse(string text, ScalarOffsetMap map, int maxDepth, DiagnosticBag diagnostics, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Report(DiagnosticDescriptors.EmptyExpression, map.ToFileSpan(0, text.Length), what);
            return null;
        }

        if (PrescanDepth(text, maxDepth) is { } tooDeep)
        {
            diagnostics.Report(DiagnosticDescriptors.ExpressionTooDeep, map.ToFileSpan(tooDeep, tooDeep + 1), maxDepth);
            return null;
        }

        var previous = state;
        state = new ParseState(map, maxDepth);
        try
        {
            var result = Grammar(new OffsetInput(text, 0));
            foreach (var (span, literal) in state.BadNumbers)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidNumber, span, literal);
            }

            if (result.WasSuccessful)
            {
                return state.BadNumbers.Count == 0 ? result.Value : null;
            }

            var at = result.Remainder.Position;
            diagnostics.Report(DiagnosticDescriptors.ExpressionSyntax, map.ToFileSpan(at, Math.Min(text.Length, at + 1)), Describe(text, result));
            return null;
        }
        catch (NestingTooDeepException ex)
        {
            diagnostics.Report(DiagnosticDescriptors.ExpressionTooDeep, ex.Token.Span, maxDepth);
            return null;
        }
        catch (InsufficientExecutionStackException)
        {
            diagnostics.Report(DiagnosticDescriptors.ExpressionTooComplex, map.ToFileSpan(0, text.Length));
            return null;
        }
        finally
        {
            state = previous;
        }
    }

    private static string Describe(string text, IResult<ExpressionSyntax> failure)
    {
        var at = failure.Remainder.Position;
        var found = at >= text.Length ? "unexpected end of expression" : $"unexpected '{Excerpt(text, at)}'";
        var expected = failure.Expectations.Where(e => !string.IsNullOrEmpty(e)).Distinct().ToList();
        return expected.Count == 0 ? found : $"{found}; expected {JoinExpectations(expected)}";
    }

    private static string Excerpt(string text, int at)
    {
        var end = at;
        if (char.IsLetterOrDigit(text[at]) || text[at] == '_')
        {
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }
        }
        else
        {
            end++;
        }

        return text[at..Math.Min(end, at + 20)];
    }

    private static string JoinExpectations(List<string> expected) => expected.Count switch
    {
        1 => expected[0],
        2 => $"{expected[0]} or {expected[1]}",
        _ => string.Join(", ", expected.Take(expected.Count - 1)) + " or " + expected[^1],
    };

    /// <summary>Finds the first parenthesis or bracket nested past the limit, outside string literals, before Sprache recurses into it.</summary>
    private static int? PrescanDepth(string text, int maxDepth)
    {
        var depth = 0;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[':
                    if (++depth > maxDepth)
                    {
                        return i;
                    }

                    break;
                case ')' or ']':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }

    private sealed class ParseState(ScalarOffsetMap map, int maxDepth)
    {
        public ScalarOffsetMap Map { get; } = map;

        public int MaxDepth { get; } = maxDepth;

        public int Depth { get; set; }

        public List<(Text.TextSpan Span, string Literal)> BadNumbers { get; } = [];
    }

    private sealed class NestingTooDeepException(SyntaxToken token) : Exception
    {
        public SyntaxToken Token { get; } = token;
    }

    private static Parser<ExpressionSyntax> BuildGrammar()
    {
        Parser<ExpressionSyntax>? expression = null;
        var expressionRef = Sprache.Parse.Ref(() => expression!);

        var literal = AnyOf(exclusive: false, NumberLiteral(), StringLiteral(), BooleanLiteral());

        var parenthesized = Nested(Symbol("("), open =>
            from inner in expressionRef
            from close in Symbol(")")
            select (ExpressionSyntax)new ParenthesizedExpressionSyntax(open, inner, close));

        var list =
            from open in Symbol("[")
            from items in expressionRef.XDelimitedBy(Symbol(",")).XOptional()
            from close in Symbol("]")
            select (ExpressionSyntax)new ListExpressionSyntax(open, [.. items.GetOrElse([])], close);

        var arguments =
            from open in Symbol("(")
            from items in expressionRef.XDelimitedBy(Symbol(",")).XOptional()
            from close in Symbol(")")
            select (Items: items.GetOrElse([]).ToImmutableArray(), Close: close);

        var nameOrCall =
            from name in Token(Identifier().Where(id => !Keywords.Contains(id))).Named("an operand")
            from call in arguments.XOptional()
            select call.IsDefined
                ? (ExpressionSyntax)new CallExpressionSyntax(name, call.Get().Items, call.Get().Close)
                : new NameExpressionSyntax(name);

        var primary = AnyOf(exclusive: true, parenthesized, list, literal, nameOrCall).Named("an operand");

        var postfix = MemberAccesses(primary, Symbol("."), Token(Identifier()).Named("a member name"));

        Parser<ExpressionSyntax>? unary = null;
        var unaryRef = Sprache.Parse.Ref(() => unary!);
        unary = Nested(Symbol("-"), minus => from operand in unaryRef select (ExpressionSyntax)new UnaryExpressionSyntax(minus, operand)).XOr(postfix);

        var multiplicative = LeftChain(unary, Symbol("*").XOr(Symbol("/")).XOr(Symbol("%")));
        var additive = LeftChain(multiplicative, Symbol("+").XOr(Symbol("-")));

        var comparisonOperator = AnyOf(
            exclusive: false,
            Symbol("=="), Symbol("!="), Symbol("<="), Symbol(">="), Symbol("<"), Symbol(">"),
            Keyword("in"), Keyword("contains_any"), Keyword("contains"), Keyword("starts_with"), Keyword("ends_with"), Keyword("matches"));
        var comparison = Chain(additive, comparisonOperator, once: true);

        Parser<ExpressionSyntax>? negation = null;
        var negationRef = Sprache.Parse.Ref(() => negation!);
        negation = Nested(Keyword("not"), not => from operand in negationRef select (ExpressionSyntax)new UnaryExpressionSyntax(not, operand)).XOr(comparison);

        var conjunction = LeftChain(negation, Keyword("and"));
        var disjunction = LeftChain(conjunction, Keyword("or"));

        var conditional = Nested(Keyword("if"), ifKeyword =>
            from condition in expressionRef
            from then in Keyword("then")
            from whenTrue in expressionRef
            from @else in Keyword("else")
            from whenFalse in expressionRef
            select (ExpressionSyntax)new IfExpressionSyntax(ifKeyword, condition, whenTrue, whenFalse));

        expression = conditional.XOr(disjunction);

        return from leading in Sprache.Parse.WhiteSpace.Many()
               from e in expression
               from end in Sprache.Parse.End(Sprache.Parse.Return<object?>(null)).Named("an operator or the end of the expression")
               select e;
    }

    /// <summary>A left-associative binary level, parsed in a loop so that long chains cannot overflow the stack.</summary>
    private static Parser<ExpressionSyntax> LeftChain(Parser<ExpressionSyntax> operand, Parser<SyntaxToken> op) => Chain(operand, op, once: false);

    /// <summary>
    /// <c>operand (op operand)*</c>, or with <paramref name="once"/> at most one <c>op operand</c> (comparisons do not
    /// chain). Written by hand with XMany's and XOptional's rule: an operator that fails without consuming input ends
    /// the chain; one that fails after consuming, or an operator without its right operand, is the error. Sprache's
    /// query syntax allocated new parsers on every call here, on every operand of every expression.
    /// </summary>
    private static Parser<ExpressionSyntax> Chain(Parser<ExpressionSyntax> operand, Parser<SyntaxToken> op, bool once) => input =>
    {
        var first = operand(input);
        if (!first.WasSuccessful)
        {
            return first;
        }

        var left = first.Value;
        var rest = first.Remainder;
        do
        {
            var o = op(rest);
            if (!o.WasSuccessful)
            {
                return o.Remainder.Equals(rest)
                    ? Result.Success(left, rest)
                    : Result.Failure<ExpressionSyntax>(o.Remainder, o.Message, o.Expectations);
            }

            var right = operand(o.Remainder);
            if (!right.WasSuccessful)
            {
                return right;
            }

            left = new BinaryExpressionSyntax(left, o.Value, right.Value);
            rest = right.Remainder;
        }
        while (!once);

        return Result.Success(left, rest);
    };

    /// <summary>A construct that nests: once its opener matched, it counts toward the depth limit while its body parses.</summary>
    private static Parser<ExpressionSyntax> Nested(Parser<SyntaxToken> opener, Func<SyntaxToken, Parser<ExpressionSyntax>> body) => input =>
    {
        var opened = opener(input);
        if (!opened.WasSuccessful)
        {
            return Result.Failure<ExpressionSyntax>(opened.Remainder, opened.Message, opened.Expectations);
        }

        var s = state!;
        s.Depth++;
        try
        {
            if (s.Depth > s.MaxDepth)
            {
                throw new NestingTooDeepException(opened.Value);
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
            return body(opened.Value)(opened.Remainder);
        }
        finally
        {
            s.Depth--;
        }
    };

    /// <summary>A letter or '_', then letters, digits and '_'. Hand-written for speed; every use names its own expectation.</summary>
    private static Parser<string> Identifier() => input =>
    {
        var source = input.Source;
        var start = input.Position;
        var end = IdentifierEnd(source, start);
        return end == start
            ? Result.Failure<string>(input, "expected an identifier", [])
            : Result.Success(source[start..end], Skip(input, end - start));
    };

    private static int IdentifierEnd(string source, int start)
    {
        var end = start;
        if (end < source.Length && (char.IsLetter(source[end]) || source[end] == '_'))
        {
            end++;
            while (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] == '_'))
            {
                end++;
            }
        }

        return end;
    }

    /// <summary>
    /// Records the token's text and file span, then skips the whitespace after it. Whitespace goes after tokens, not
    /// before, so that a token that does not match fails exactly where it would start and XOr can try the next one.
    /// </summary>
    private static Parser<SyntaxToken> Token(Parser<string> parser) => input =>
    {
        var result = parser(input);
        if (!result.WasSuccessful)
        {
            return Result.Failure<SyntaxToken>(result.Remainder, result.Message, result.Expectations);
        }

        var span = state!.Map.ToFileSpan(input.Position, result.Remainder.Position);
        var rest = SkipWhiteSpace(result.Remainder);
        return Result.Success(new SyntaxToken(result.Value, span), rest);
    };

    // Symbols and keywords are matched by hand: after every operand each precedence level tries its operators, and
    // composing them from Sprache's character parsers cost about 2 KB of allocations per attempt, which made the
    // expressions of a 10,000-rule file take seconds. Results, failure positions and expected names are unchanged.

    /// <summary>
    /// <c>a.Or(b).Or(c)…</c> (or <c>XOr</c> when <paramref name="exclusive"/>) in one pass: the first that matches wins;
    /// if none does, the failure that got furthest, with the expected names of all that failed there, in order.
    /// </summary>
    private static Parser<T> AnyOf<T>(bool exclusive, params Parser<T>[] alternatives) => input =>
    {
        IResult<T>? best = null;
        List<string>? expected = null;
        foreach (var alternative in alternatives)
        {
            var r = alternative(input);
            if (r.WasSuccessful || (exclusive && !r.Remainder.Equals(input)))
            {
                return r; // XOr: an alternative that failed after consuming input is the error
            }

            if (best is null || r.Remainder.Position > best.Remainder.Position)
            {
                best = r;
                expected = [.. r.Expectations];
            }
            else if (r.Remainder.Position == best.Remainder.Position)
            {
                expected!.AddRange(r.Expectations.Where(e => !expected.Contains(e)));
            }
        }

        return Result.Failure<T>(best!.Remainder, best.Message, expected!);
    };

    /// <summary><c>target (. member)*</c> with XMany's rule, as a loop: a dot without a member name is the error.</summary>
    private static Parser<ExpressionSyntax> MemberAccesses(Parser<ExpressionSyntax> target, Parser<SyntaxToken> dot, Parser<SyntaxToken> member) => input =>
    {
        var first = target(input);
        if (!first.WasSuccessful)
        {
            return first;
        }

        var expression = first.Value;
        var rest = first.Remainder;
        while (true)
        {
            var d = dot(rest);
            if (!d.WasSuccessful)
            {
                return d.Remainder.Equals(rest) ? Result.Success(expression, rest) : Result.Failure<ExpressionSyntax>(d.Remainder, d.Message, d.Expectations);
            }

            var m = member(d.Remainder);
            if (!m.WasSuccessful)
            {
                return Result.Failure<ExpressionSyntax>(m.Remainder, m.Message, m.Expectations);
            }

            expression = new MemberAccessExpressionSyntax(expression, m.Value);
            rest = m.Remainder;
        }
    };

    /// <summary>The symbol, or a failure naming it: at the start, or like Sprache's String after a partial match.</summary>
    private static Parser<SyntaxToken> Symbol(string symbol)
    {
        var expected = new[] { $"'{symbol}'" };
        var message = $"expected '{symbol}'";
        return input =>
        {
            var source = input.Source;
            var start = input.Position;
            var matched = 0;
            while (matched < symbol.Length && start + matched < source.Length && source[start + matched] == symbol[matched])
            {
                matched++;
            }

            if (matched == symbol.Length)
            {
                return Matched(input, symbol, matched);
            }

            return matched == 0
                ? Result.Failure<SyntaxToken>(input, message, expected)
                : Result.Failure<SyntaxToken>(Skip(input, matched), message, [symbol[matched].ToString()]);
        };
    }

    /// <summary>The keyword as a whole identifier (so 'and' does not match 'andy'); fails at the start otherwise.</summary>
    private static Parser<SyntaxToken> Keyword(string keyword)
    {
        var expected = new[] { $"'{keyword}'" };
        var message = $"expected '{keyword}'";
        return input =>
        {
            var source = input.Source;
            var start = input.Position;
            var end = IdentifierEnd(source, start);
            return end - start == keyword.Length && string.CompareOrdinal(source, start, keyword, 0, keyword.Length) == 0
                ? Matched(input, keyword, keyword.Length)
                : Result.Failure<SyntaxToken>(input, message, expected);
        };
    }

    private static IResult<SyntaxToken> Matched(IInput input, string text, int length)
    {
        var span = state!.Map.ToFileSpan(input.Position, input.Position + length);
        return Result.Success(new SyntaxToken(text, span), SkipWhiteSpace(Skip(input, length)));
    }

    private static IInput SkipWhiteSpace(IInput input)
    {
        while (!input.AtEnd && char.IsWhiteSpace(input.Current))
        {
            input = input.Advance();
        }

        return input;
    }

    private static IInput Skip(IInput input, int count)
    {
        for (var i = 0; i < count; i++)
        {
            input = input.Advance();
        }

        return input;
    }

    private static Parser<ExpressionSyntax> BooleanLiteral() =>
        from token in Keyword("true").Or(Keyword("false"))
        select (ExpressionSyntax)new LiteralExpressionSyntax(token, token.Text == "true");

    private static Parser<ExpressionSyntax> NumberLiteral()
    {
        // Digits, then '.' and digits if both are there (a '.' without digits after it is not part of the number).
        Parser<string> number = input =>
        {
            var source = input.Source;
            var start = input.Position;
            var end = Digits(source, start);
            if (end == start)
            {
                return Result.Failure<string>(input, "expected a digit", ["digit"]);
            }

            if (end < source.Length && source[end] == '.' && Digits(source, end + 1) > end + 1)
            {
                end = Digits(source, end + 1);
            }

            return Result.Success(source[start..end], Skip(input, end - start));
        };
        return from token in Token(number).Named("a number")
               select (ExpressionSyntax)new LiteralExpressionSyntax(token, NumberValue(token));
    }

    private static object NumberValue(SyntaxToken token)
    {
        if (!token.Text.Contains('.', StringComparison.Ordinal))
        {
            if (long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
            {
                return l;
            }
        }
        else if (decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        state!.BadNumbers.Add((token.Span, token.Text));
        return 0L;
    }

    private static Parser<ExpressionSyntax> StringLiteral()
    {
        // The text as written, quotes and escapes included; unterminated, it fails where the closing quote was expected.
        Parser<string> Quoted(char quote)
        {
            string[] closing = [$"the closing {quote} of the string"];
            return input =>
            {
                var source = input.Source;
                var start = input.Position;
                if (start >= source.Length || source[start] != quote)
                {
                    return Result.Failure<string>(input, "expected a quote", [quote.ToString()]);
                }

                var i = start + 1;
                while (i < source.Length && source[i] != quote && !(source[i] == '\\' && i + 1 >= source.Length))
                {
                    i += source[i] == '\\' ? 2 : 1;
                }

                return i < source.Length && source[i] == quote
                    ? Result.Success(source[start..(i + 1)], Skip(input, i + 1 - start))
                    : Result.Failure<string>(Skip(input, i - start), "unterminated string", closing);
            };
        }

        return from token in Token(Quoted('"').XOr(Quoted('\''))).Named("a string")
               select (ExpressionSyntax)new LiteralExpressionSyntax(token, Unescape(token.Text));
    }

    private static int Digits(string source, int start)
    {
        var end = start;
        while (end < source.Length && char.IsDigit(source[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>Known escapes are decoded; any other backslash is kept, so that regular expressions read naturally.</summary>
    private static string Unescape(string quoted)
    {
        var body = quoted[1..^1];
        if (!body.Contains('\\', StringComparison.Ordinal))
        {
            return body;
        }

        var builder = new System.Text.StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 >= body.Length)
            {
                builder.Append(body[i]);
                continue;
            }

            var next = body[++i];
            switch (next)
            {
                case '\\': builder.Append('\\'); break;
                case '"': builder.Append('"'); break;
                case '\'': builder.Append('\''); break;
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                default: builder.Append('\\').Append(next); break;
            }
        }

        return builder.ToString();
    }
}
