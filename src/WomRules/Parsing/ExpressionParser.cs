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

            // No operand or operator starts with these, so the parse stops at (or right after) one: name what to write instead.
            if (ForeignOperators.Find(text) is { } foreign && foreign.At <= at)
            {
                diagnostics.Report(DiagnosticDescriptors.ExpressionSyntax, map.ToFileSpan(foreign.At, foreign.At + foreign.Length), foreign.Advice);
                return null;
            }

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
            if (LiteralSkipper.InLiteral(text, ref i, ref quote))
            {
                continue;
            }

            var c = text[i];
            switch (c)
            {
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

    // The grammar below is Sprache parsers (Parser<T> over IInput, IResult<T>) written by hand rather than composed
    // with Sprache's query syntax, Or/XOr and Ref: those built new parsers and closures on every call and merged the
    // expected names of every alternative that failed, although a valid expression discards nearly all of them. Each
    // parser gives exactly the result, failure position and expected names the composed form gave; where the composed
    // form's answer is fixed by the next character (Symbol fails without consuming unless its first character is
    // there, and so on), the next character chooses the alternative. ExpressionParserGoldenTests locks this down.

    private static readonly string[] AnOperand = ["an operand"];
    private static readonly string[] EndOfExpression = ["an operator or the end of the expression"];
    private static readonly string[] AMemberName = ["a member name"];
    private static readonly string[] IfExpected = ["'if'"];
    private static readonly string[] NotExpected = ["'not'"];
    private static readonly string[] MinusExpected = ["'-'"];
    private static readonly string[] Equal = ["="];

    private static readonly string[] ComparisonKeywords = ["in", "contains_any", "contains", "starts_with", "ends_with", "matches"];

    private static Parser<ExpressionSyntax> BuildGrammar()
    {
        var closeParenthesis = Symbol(")");
        var closeBracket = Symbol("]");
        var thenKeyword = Keyword("then");
        var elseKeyword = Keyword("else");

        Parser<ExpressionSyntax>? expression = null;

        // A plain forward reference. Sprache's Ref also keeps a memo table on each input it sees, to catch left
        // recursion; every reference here follows a token, so it never found an entry, and the table cost allocations.
        Parser<ExpressionSyntax> expressionRef = input => expression!(input);

        // '(' expression ')'
        var parenthesized = Nested(Symbol("("), (open, input) =>
        {
            var inner = expressionRef(input);
            if (!inner.WasSuccessful)
            {
                return inner;
            }

            var close = closeParenthesis(inner.Remainder);
            return close.WasSuccessful
                ? Result.Success<ExpressionSyntax>(new ParenthesizedExpressionSyntax(open, inner.Value, close.Value), close.Remainder)
                : Failed<ExpressionSyntax, SyntaxToken>(close);
        });

        // '[' (expression (',' expression)*)? ']'
        var openBracket = Symbol("[");
        Parser<ExpressionSyntax> list = input =>
        {
            var open = openBracket(input);
            return open.WasSuccessful
                ? Enclosed(expressionRef, open.Remainder, closeBracket, open.Value, static (open, items, close) => new ListExpressionSyntax(open, items, close))
                : Failed<ExpressionSyntax, SyntaxToken>(open);
        };

        // NAME, or NAME '(' (expression (',' expression)*)? ')'; 'true' and 'false' are literals, other keywords no operand.
        Parser<ExpressionSyntax> word = input =>
        {
            var source = input.Source;
            var start = input.Position;
            var end = IdentifierEnd(source, start);
            var text = source[start..end];
            if (text is "true" or "false")
            {
                var literal = Matched(input, text, end - start);
                return Result.Success<ExpressionSyntax>(new LiteralExpressionSyntax(literal.Value, text == "true"), literal.Remainder);
            }

            if (Keywords.Contains(text))
            {
                return Result.Failure<ExpressionSyntax>(input, "expected an operand", AnOperand);
            }

            var name = Matched(input, text, end - start);
            var rest = name.Remainder;
            if (rest.AtEnd || rest.Current != '(')
            {
                return Result.Success<ExpressionSyntax>(new NameExpressionSyntax(name.Value), rest);
            }

            var open = Matched(rest, "(", 1);
            return Enclosed(expressionRef, open.Remainder, closeParenthesis, name.Value, static (function, items, close) => new CallExpressionSyntax(function, items, close));
        };

        // The composed form was AnyOf(exclusive) of parenthesized, list, literal (number, string, boolean) and
        // name-or-call, named "an operand": the first character decides which of them can match or consume input;
        // the others fail where they start, and if all do the failure only expects "an operand".
        Parser<ExpressionSyntax> primary = input =>
        {
            IResult<ExpressionSyntax>? r = null;
            if (!input.AtEnd)
            {
                var c = input.Current;
                if (c == '(')
                {
                    r = parenthesized(input);
                }
                else if (c == '[')
                {
                    r = list(input);
                }
                else if (char.IsDigit(c))
                {
                    r = NumberLiteral(input);
                }
                else if (c is '"' or '\'')
                {
                    r = StringLiteral(input, c);
                }
                else if (char.IsLetter(c) || c == '_')
                {
                    r = word(input);
                }
            }

            return r is null || (!r.WasSuccessful && r.Remainder.Equals(input))
                ? Result.Failure<ExpressionSyntax>(input, "expected an operand", AnOperand)
                : r;
        };

        var postfix = MemberAccesses(primary);

        // '-' unary | postfix (XOr: without a '-', postfix's failure where it started also expects '-')
        Parser<ExpressionSyntax>? unary = null;
        Parser<ExpressionSyntax> unaryRef = input => unary!(input);
        var minus = Symbol("-");
        var negative = Nested(minus, (token, input) => Prefixed(token, unaryRef(input)));
        unary = input => !input.AtEnd && input.Current == '-' ? negative(input) : Otherwise(MinusExpected, postfix(input), input);

        var multiplicative = Chain(unary, SymbolOperator("*", "/", "%"), once: false);
        var additive = Chain(multiplicative, SymbolOperator("+", "-"), once: false);
        var comparison = Chain(additive, ComparisonOperator, once: true);

        // 'not' negation | comparison
        Parser<ExpressionSyntax>? negation = null;
        Parser<ExpressionSyntax> negationRef = input => negation!(input);
        var not = Nested(Keyword("not"), (token, input) => Prefixed(token, negationRef(input)));
        negation = input => IsKeyword(input, "not") ? not(input) : Otherwise(NotExpected, comparison(input), input);

        var conjunction = Chain(negation, KeywordOperator("and"), once: false);
        var disjunction = Chain(conjunction, KeywordOperator("or"), once: false);

        // 'if' expression 'then' expression 'else' expression | disjunction
        var conditional = Nested(Keyword("if"), (ifKeyword, input) =>
        {
            var condition = expressionRef(input);
            if (!condition.WasSuccessful)
            {
                return condition;
            }

            var then = thenKeyword(condition.Remainder);
            if (!then.WasSuccessful)
            {
                return Failed<ExpressionSyntax, SyntaxToken>(then);
            }

            var whenTrue = expressionRef(then.Remainder);
            if (!whenTrue.WasSuccessful)
            {
                return whenTrue;
            }

            var @else = elseKeyword(whenTrue.Remainder);
            if (!@else.WasSuccessful)
            {
                return Failed<ExpressionSyntax, SyntaxToken>(@else);
            }

            var whenFalse = expressionRef(@else.Remainder);
            return whenFalse.WasSuccessful
                ? Result.Success<ExpressionSyntax>(new IfExpressionSyntax(ifKeyword, condition.Value, whenTrue.Value, whenFalse.Value), whenFalse.Remainder)
                : whenFalse;
        });

        expression = input => IsKeyword(input, "if") ? conditional(input) : Otherwise(IfExpected, disjunction(input), input);

        // Leading white space, the expression, then the end (a failure there expects "an operator or the end…").
        return input =>
        {
            var e = expression(SkipWhiteSpace(input));
            if (!e.WasSuccessful || e.Remainder.AtEnd)
            {
                return e;
            }

            return Result.Failure<ExpressionSyntax>(e.Remainder, "expected the end of the expression", EndOfExpression);
        };
    }

    /// <summary>
    /// Sprache's <c>first.XOr(second)</c> when <c>first</c> (an opener such as '-') did not match: <c>second</c>'s
    /// result, except that a failure where <c>first</c> failed expects <c>first</c>'s names too.
    /// </summary>
    private static IResult<ExpressionSyntax> Otherwise(string[] firstExpected, IResult<ExpressionSyntax> second, IInput input)
    {
        if (second.WasSuccessful || second.Remainder.Position > input.Position)
        {
            return second;
        }

        return Result.Failure<ExpressionSyntax>(input, second.Message, firstExpected.Union(second.Expectations));
    }

    private static IResult<ExpressionSyntax> Prefixed(SyntaxToken op, IResult<ExpressionSyntax> operand) =>
        operand.WasSuccessful ? Result.Success<ExpressionSyntax>(new UnaryExpressionSyntax(op, operand.Value), operand.Remainder) : operand;

    /// <summary>A failure passed on as another result type, as Sprache's <c>Then</c> passes it on.</summary>
    private static IResult<TOut> Failed<TOut, TIn>(IResult<TIn> failure) => Result.Failure<TOut>(failure.Remainder, failure.Message, failure.Expectations);

    /// <summary>
    /// After the opener: <c>(expression (',' expression)*)?</c> and the closer, as Sprache's
    /// <c>expression.XDelimitedBy(Symbol(",")).XOptional()</c> then the closer. A first item that fails where it starts
    /// means no items; an item that fails after a comma is the error. XMany parsed that last comma and item a second
    /// time before giving up, which repeated their side effects (an out-of-range number is reported again); so does this.
    /// </summary>
    private static IResult<ExpressionSyntax> Enclosed(
        Parser<ExpressionSyntax> item,
        IInput input,
        Parser<SyntaxToken> closer,
        SyntaxToken opener,
        Func<SyntaxToken, ImmutableArray<ExpressionSyntax>, SyntaxToken, ExpressionSyntax> make)
    {
        var items = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var rest = input;
        var head = item(input);
        if (head.WasSuccessful)
        {
            items.Add(head.Value);
            rest = head.Remainder;
            while (!rest.AtEnd && rest.Current == ',')
            {
                var next = item(AfterComma(rest));
                if (!next.WasSuccessful)
                {
                    // XMany's second attempt, see above; parsing is deterministic, so it fails the same way.
                    next = item(AfterComma(rest));
                    if (!next.WasSuccessful)
                    {
                        return next;
                    }
                }

                items.Add(next.Value);
                rest = next.Remainder;
            }
        }
        else if (!head.Remainder.Equals(input))
        {
            return head;
        }

        var close = closer(rest);
        return close.WasSuccessful
            ? Result.Success(make(opener, items.ToImmutable(), close.Value), close.Remainder)
            : Failed<ExpressionSyntax, SyntaxToken>(close);
    }

    private static IInput AfterComma(IInput comma) => SkipWhiteSpace(At(comma, comma.Position + 1));

    /// <summary>
    /// <c>operand (op operand)*</c>, or with <paramref name="once"/> at most one <c>op operand</c> (comparisons do not
    /// chain). Written by hand with XMany's and XOptional's rule: an operator that fails without consuming input ends
    /// the chain; one that fails after consuming, or an operator without its right operand, is the error. The operator
    /// returns null where it fails without consuming input, which ends the chain with no failure to build.
    /// </summary>
    private static Parser<ExpressionSyntax> Chain(Parser<ExpressionSyntax> operand, Func<IInput, IResult<SyntaxToken>?> op, bool once) => input =>
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
            if (o is null)
            {
                return ReferenceEquals(rest, first.Remainder) ? first : Result.Success(left, rest);
            }

            if (!o.WasSuccessful)
            {
                return Failed<ExpressionSyntax, SyntaxToken>(o);
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

    /// <summary>Single-character symbols (<c>Symbol("*").XOr(Symbol("/"))…</c>): one matches, or none does without consuming input.</summary>
    private static Func<IInput, IResult<SyntaxToken>?> SymbolOperator(params string[] symbols) => input =>
    {
        if (input.AtEnd)
        {
            return null;
        }

        var c = input.Current;
        foreach (var symbol in symbols)
        {
            if (symbol[0] == c)
            {
                return Matched(input, symbol, 1);
            }
        }

        return null;
    };

    /// <summary>A keyword operator (<c>Keyword("and")</c>): it matches, or fails without consuming input.</summary>
    private static Func<IInput, IResult<SyntaxToken>?> KeywordOperator(string keyword) => input =>
        IsKeyword(input, keyword) ? Matched(input, keyword, keyword.Length) : null;

    /// <summary>
    /// The comparison operators, as AnyOf('==', '!=', '&lt;=', '&gt;=', '&lt;', '&gt;', 'in', 'contains_any', 'contains',
    /// 'starts_with', 'ends_with', 'matches'): the first that matches; a lone '=' or '!' fails after it, expecting '=';
    /// anything else fails where it starts.
    /// </summary>
    private static IResult<SyntaxToken>? ComparisonOperator(IInput input)
    {
        if (input.AtEnd)
        {
            return null;
        }

        var source = input.Source;
        var start = input.Position;
        var c = source[start];
        var equalsNext = start + 1 < source.Length && source[start + 1] == '=';
        switch (c)
        {
            case '=' or '!':
                return equalsNext
                    ? Matched(input, c == '=' ? "==" : "!=", 2)
                    : Result.Failure<SyntaxToken>(At(input, start + 1), "expected '='", Equal);
            case '<':
                return equalsNext ? Matched(input, "<=", 2) : Matched(input, "<", 1);
            case '>':
                return equalsNext ? Matched(input, ">=", 2) : Matched(input, ">", 1);
        }

        var end = IdentifierEnd(source, start);
        foreach (var keyword in ComparisonKeywords)
        {
            if (end - start == keyword.Length && string.CompareOrdinal(source, start, keyword, 0, keyword.Length) == 0)
            {
                return Matched(input, keyword, keyword.Length);
            }
        }

        return null;
    }

    private static bool IsKeyword(IInput input, string keyword)
    {
        var source = input.Source;
        var start = input.Position;
        return IdentifierEnd(source, start) - start == keyword.Length && string.CompareOrdinal(source, start, keyword, 0, keyword.Length) == 0;
    }

    /// <summary>A construct that nests: once its opener matched, it counts toward the depth limit while its body parses.</summary>
    private static Parser<ExpressionSyntax> Nested(Parser<SyntaxToken> opener, Func<SyntaxToken, IInput, IResult<ExpressionSyntax>> body) => input =>
    {
        var opened = opener(input);
        if (!opened.WasSuccessful)
        {
            return Failed<ExpressionSyntax, SyntaxToken>(opened);
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
            return body(opened.Value, opened.Remainder);
        }
        finally
        {
            s.Depth--;
        }
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
    /// <c>target (. member)*</c> with XMany's rule, as a loop: a dot without a member name is the error. A member name is
    /// an identifier (a letter or '_', then letters, digits and '_'); without one, the failure expects "a member name".
    /// </summary>
    private static Parser<ExpressionSyntax> MemberAccesses(Parser<ExpressionSyntax> target) => input =>
    {
        var first = target(input);
        if (!first.WasSuccessful)
        {
            return first;
        }

        var expression = first.Value;
        var rest = first.Remainder;
        while (!rest.AtEnd && rest.Current == '.')
        {
            var afterDot = SkipWhiteSpace(At(rest, rest.Position + 1));
            var source = afterDot.Source;
            var end = IdentifierEnd(source, afterDot.Position);
            if (end == afterDot.Position)
            {
                return Result.Failure<ExpressionSyntax>(afterDot, "expected a member name", AMemberName);
            }

            var member = Matched(afterDot, source[afterDot.Position..end], end - afterDot.Position);
            expression = new MemberAccessExpressionSyntax(expression, member.Value);
            rest = member.Remainder;
        }

        return ReferenceEquals(rest, first.Remainder) ? first : Result.Success(expression, rest);
    };

    /// <summary>The symbol, or a failure naming it: at the start, or like Sprache's String after a partial match.</summary>
    private static Parser<SyntaxToken> Symbol(string symbol)
    {
        var expected = new[] { $"'{symbol}'" };
        var message = $"expected '{symbol}'";
        var partial = symbol.Select(c => new[] { c.ToString() }).ToArray();
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
                : Result.Failure<SyntaxToken>(At(input, start + matched), message, partial[matched]);
        };
    }

    /// <summary>The keyword as a whole identifier (so 'and' does not match 'andy'); fails at the start otherwise.</summary>
    private static Parser<SyntaxToken> Keyword(string keyword)
    {
        var expected = new[] { $"'{keyword}'" };
        var message = $"expected '{keyword}'";
        return input => IsKeyword(input, keyword)
            ? Matched(input, keyword, keyword.Length)
            : Result.Failure<SyntaxToken>(input, message, expected);
    }

    /// <summary>The token's text and file span; then the white space after it is skipped.</summary>
    private static IResult<SyntaxToken> Matched(IInput input, string text, int length)
    {
        var span = state!.Map.ToFileSpan(input.Position, input.Position + length);
        return Result.Success(new SyntaxToken(text, span), SkipWhiteSpace(At(input, input.Position + length)));
    }

    private static IInput SkipWhiteSpace(IInput input)
    {
        var source = input.Source;
        var end = input.Position;
        while (end < source.Length && char.IsWhiteSpace(source[end]))
        {
            end++;
        }

        return At(input, end);
    }

    /// <summary>The input at <paramref name="position"/> (forward of it), in one step for the parser's own input.</summary>
    private static IInput At(IInput input, int position)
    {
        if (position == input.Position)
        {
            return input;
        }

        if (input is OffsetInput offsetInput)
        {
            return offsetInput.At(position);
        }

        while (input.Position < position)
        {
            input = input.Advance();
        }

        return input;
    }

    /// <summary>Digits, then '.' and digits if both are there (a '.' without digits after it is not part of the number).</summary>
    private static IResult<ExpressionSyntax> NumberLiteral(IInput input)
    {
        var source = input.Source;
        var start = input.Position;
        var end = Digits(source, start);
        if (end < source.Length && source[end] == '.' && Digits(source, end + 1) > end + 1)
        {
            end = Digits(source, end + 1);
        }

        var token = Matched(input, source[start..end], end - start);
        return Result.Success<ExpressionSyntax>(new LiteralExpressionSyntax(token.Value, NumberValue(token.Value)), token.Remainder);
    }

    /// <summary>The text as written, quotes and escapes included; unterminated, it fails where the closing quote was expected.</summary>
    private static IResult<ExpressionSyntax> StringLiteral(IInput input, char quote)
    {
        var source = input.Source;
        var start = input.Position;
        var i = start + 1;
        while (i < source.Length && source[i] != quote && !(source[i] == '\\' && i + 1 >= source.Length))
        {
            i += source[i] == '\\' ? 2 : 1;
        }

        if (i < source.Length && source[i] == quote)
        {
            var token = Matched(input, source[start..(i + 1)], i + 1 - start);
            return Result.Success<ExpressionSyntax>(new LiteralExpressionSyntax(token.Value, Unescape(token.Value.Text)), token.Remainder);
        }

        return Result.Failure<ExpressionSyntax>(At(input, i), "unterminated string", quote == '"' ? ClosingDoubleQuote : ClosingSingleQuote);
    }

    private static readonly string[] ClosingDoubleQuote = ["the closing \" of the string"];
    private static readonly string[] ClosingSingleQuote = ["the closing ' of the string"];

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
