using System.Collections.Immutable;
using Sprache;

namespace WomRules.Parsing;

/// <summary>
/// The Sprache grammar of one DSL declaration (docs/dsl.md). Lines matter: a declaration starts at column 1, each
/// clause is one indented line, and an expression runs to the end of its line plus any lines indented deeper.
/// Expressions are taken as raw extents here and parsed by <see cref="ExpressionParser"/> afterwards. Every token
/// skips the spaces after it, never before, so a failing alternative fails exactly where it starts and Sprache
/// merges the alternatives' names into one "expected 'when', 'reward' or 'limit'".
/// </summary>
internal static class DslGrammar
{
    public static readonly string[] DeclarationKeywords =
        ["womrules", "campaign", "description", "active", "ids", "reversible", "accept", "tiers", "expire", "markers", "list", "event", "participant", "counters", "tier", "budget", "disclosure", "rule"];

    public static readonly Parser<DslDeclaration> Declaration = BuildDeclaration();

    public static bool IsNameStart(char c) => char.IsLetterOrDigit(c) || c == '_';

    public static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    public static bool IsValueStart(char c) => IsNameStart(c) || c is '-' or '+';

    public static bool IsValueChar(char c) => IsNameChar(c) || c is ':' or '+';

    private static Parser<DslDeclaration> BuildDeclaration()
    {
        var name = Bare(IsNameStart, IsNameChar).Or(Quoted()).Named("a name");
        var value = Bare(IsValueStart, IsValueChar).Or(Quoted()).Named("a value");
        var comma = Symbol(',');
        var names = from first in name from rest in (from c in comma from n in name select n).XMany() select (object)ImmutableArray.Create([first, .. rest]);

        var womrules = from k in Keyword("womrules") from v in value from e in EndOfLine() select new DslDeclaration(k, v, []);
        var campaign = from k in Keyword("campaign") from n in name from e in EndOfLine() select new DslDeclaration(k, n, []);
        var description = from k in Keyword("description") from v in value from e in EndOfLine() select new DslDeclaration(k, v, []);

        var activeFrom = from k in Keyword("from") from v in value select new DslClause(k, v);
        var activeUntil = from k in Keyword("until") from v in value select new DslClause(k, v);
        var active =
            from k in Keyword("active")
            from f in activeFrom.XOptional()
            from u in activeUntil.XOptional()
            from e in EndOfLine([.. f.IsDefined || u.IsDefined ? [] : new[] { "'from'" }, .. u.IsDefined ? [] : new[] { "'until'" }])
            select new DslDeclaration(k, null, [.. f.Items(), .. u.Items()]);

        // ids [normalize NAME] [case NAME] [strip NAME, NAME…], in that order.
        var idsNormalize = from k in Keyword("normalize") from v in name select new DslClause(k, v);
        var idsCase = from k in Keyword("case") from v in name select new DslClause(k, v);
        var idsStrip = from k in Keyword("strip") from n in names select new DslClause(k, n);
        var ids =
            from k in Keyword("ids")
            from n in idsNormalize.XOptional()
            from c in idsCase.XOptional()
            from s in idsStrip.XOptional()
            from e in EndOfLine([
                .. n.IsDefined || c.IsDefined || s.IsDefined ? [] : new[] { "'normalize'" },
                .. c.IsDefined || s.IsDefined ? [] : new[] { "'case'" },
                .. s.IsDefined ? new[] { "','" } : new[] { "'strip'" }])
            select new DslDeclaration(k, null, [.. n.Items(), .. c.Items(), .. s.Items()]);

        // reversible for DURATION (spec v1.1 §2).
        var reversible = from k in Keyword("reversible") from f in Keyword("for") from v in value from e in EndOfLine() select new DslDeclaration(k, v, []);

        // tiers [downgrade [true | false]] [keep DURATION] (spec v1.1 §5), at least one; a bare 'downgrade' means true,
        // and 'keep' is never taken for its value.
        var tiersDowngrade =
            from d in Keyword("downgrade")
            from v in value.Where(w => w.Text != "keep").XOptional()
            select new DslClause(d, v.GetOrDefault());
        var tiersKeep = from k in Keyword("keep") from v in value select new DslClause(k, v);
        var tiersPolicy =
            from k in Keyword("tiers")
            from clauses in (from d in tiersDowngrade from keep in tiersKeep.XOptional() select (ImmutableArray<DslClause>)[d, .. keep.Items()])
                .Or(from keep in tiersKeep select ImmutableArray.Create(keep))
            from e in EndOfLine(clauses[^1].Keyword.Text == "keep" ? [] : ["'keep'"])
            select new DslDeclaration(k, null, clauses);

        // expire points after DURATION (spec v1.1 §4); 'credit' parses, for the binder to refuse with its place.
        var expire =
            from k in Keyword("expire")
            from unit in Keyword("points").Or(Keyword("credit"))
            from a in Keyword("after")
            from v in value
            from e in EndOfLine()
            select new DslDeclaration(k, null, [new DslClause(unit, v)]);

        // markers [add M, M…] [remove M, M…] (spec v1.1 §9), in that order; markers holding '#' or spaces are quoted.
        var markersAdd = from k in Keyword("add") from n in names select new DslClause(k, n);
        var markersRemove = from k in Keyword("remove") from n in names select new DslClause(k, n);
        var markers =
            from k in Keyword("markers")
            from a in markersAdd.XOptional()
            from r in markersRemove.XOptional()
            from e in EndOfLine([
                .. a.IsDefined || r.IsDefined ? [] : new[] { "'add'" },
                .. r.IsDefined ? new[] { "','" } : a.IsDefined ? new[] { "','", "'remove'" } : new[] { "'remove'" }])
            select new DslDeclaration(k, null, [.. a.Items(), .. r.Items()]);

        // accept late DURATION (spec v1.1 §13).
        var accept = from k in Keyword("accept") from l in Keyword("late") from v in value from e in EndOfLine() select new DslDeclaration(k, v, []);

        // cap NAME COUNT [per WINDOW] [of WHO] (spec v1.1 §7): a rule's limit line, named, for rules to share.
        var cap =
            from k in Keyword("cap")
            from n in name
            from limit in LimitBody(value, name)
            select new DslDeclaration(k, n, [new DslClause(k, limit)]);

        var counters = from k in Keyword("counters") from n in names from e in EndOfLine("','") select new DslDeclaration(k, null, [new DslClause(k, n)]);

        var budgetAmount = from v in value from unit in Keyword("points").Or(Keyword("credit")) select new DslClause(unit, v);
        var budget =
            from k in Keyword("budget")
            from first in budgetAmount
            from rest in (from c in comma from a in budgetAmount select a).XOptional()
            from e in EndOfLine("','")
            select new DslDeclaration(k, null, [first, .. rest.Items()]);

        var defaultList =
            from open in Symbol('[')
            from items in (from first in value from rest in (from c in comma from v in value select v).XMany() select (IEnumerable<DslWord>)[first, .. rest]).XOptional()
            from close in Symbol(']')
            select new DslDefault(null, [.. items.GetOrElse([])], open.Start, close.End);
        var defaultValue = defaultList.Or(from v in value select new DslDefault(v, null, v.Start, v.End));
        var attribute =
            from n in name
            from colon in Symbol(':')
            from type in name
            from identity in Keyword("identity").XOptional()
            from d in (from eq in Symbol('=') from v in defaultValue select v).XOptional()
            from e in EndOfLine(identity.IsDefined ? ["'='"] : ["'identity'", "'='"])
            select new DslClause(n, new DslAttribute(n, type, d.GetOrDefault(), identity.GetOrDefault()));

        // list NAME = [VALUE, …] (spec v1.1 §11), written as a list default is.
        var namedList =
            from k in Keyword("list")
            from n in name
            from eq in Symbol('=')
            from l in defaultList
            from e in EndOfLine()
            select new DslDeclaration(k, n, [new DslClause(k, l)]);

        var @event = from k in Keyword("event") from n in name from e in EndOfLine() from body in Lines(attribute) select new DslDeclaration(k, n, body);
        var participant = from k in Keyword("participant") from e in EndOfLine() from body in Lines(attribute) select new DslDeclaration(k, null, body);

        var tierClause = ExpressionClause("when").Or(WordsClause("privileges", names, comma));
        var tier = from k in Keyword("tier") from n in name from e in EndOfLine() from body in Lines(tierClause) select new DslDeclaration(k, n, body);

        var disclosureClause =
            WordsClause("on", names, comma)
                .Or(ExpressionClause("applies"))
                .Or(ExpressionClause("require"))
                .Or(from k in Keyword("action") from v in name from e in EndOfLine() select new DslClause(k, v))
                .Or(from k in Keyword("message") from v in value from e in EndOfLine() select new DslClause(k, v));
        var disclosure = from k in Keyword("disclosure") from n in name from e in EndOfLine() from body in Lines(disclosureClause) select new DslDeclaration(k, n, body);

        var ruleOn = from k in Keyword("on") from v in name select new DslClause(k, v);
        var rewardClause = RewardClause(name, value, comma);
        // 'limit COUNT [per WINDOW] [of WHO]', or 'limit NAME' naming a cap (spec v1.1 §7; the binder tells them apart).
        var limitClause = from k in Keyword("limit") from limit in LimitBody(value, name) select new DslClause(k, limit);
        var onLine = from o in ruleOn from e in EndOfLine() select o;
        var langLine = from k in Keyword("lang") from v in name from e in EndOfLine() select new DslClause(k, v);
        var priorityLine = from k in Keyword("priority") from v in value from e in EndOfLine() select new DslClause(k, v);
        var stopLine = from k in Keyword("stop") from v in value.XOptional() from e in EndOfLine() select new DslClause(k, v.GetOrDefault());
        var whenLine = ExpressionClause("when");
        var ruleClause = Dispatch(
            onLine.Or(langLine).Or(priorityLine).Or(stopLine).Or(whenLine).Or(rewardClause).Or(limitClause),
            ("on", onLine), ("lang", langLine), ("priority", priorityLine), ("stop", stopLine), ("when", whenLine), ("reward", rewardClause), ("limit", limitClause));
        var rule =
            from k in Keyword("rule")
            from n in name
            from onClause in ruleOn.XOptional()
            from e in EndOfLine("'on'")
            from body in Lines(ruleClause)
            select new DslDeclaration(k, n, [.. onClause.Items(), .. body]);

        var withBody = @event.Or(participant).Or(tier).Or(disclosure).Or(rule);
        var oneLine =
            from d in womrules.Or(campaign).Or(description).Or(active).Or(ids).Or(reversible).Or(accept).Or(cap).Or(tiersPolicy).Or(expire).Or(markers).Or(namedList).Or(counters).Or(budget)
            from rest in NothingIndented()
            select d;
        return Dispatch(oneLine.Or(withBody), ("event", @event), ("participant", participant), ("tier", tier), ("disclosure", disclosure), ("rule", rule)).End();
    }

    /// <summary>What follows 'limit' (and a cap's name): <c>COUNT [per WINDOW] [of WHO]</c> to the end of the line.</summary>
    private static Parser<DslLimit> LimitBody(Parser<DslWord> value, Parser<DslWord> name) =>
        from count in value
        from per in (from p in Keyword("per") from v in name select v).XOptional()
        from of in (from o in Keyword("of") from v in name select v).XOptional()
        from e in EndOfLine([.. per.IsDefined || of.IsDefined ? [] : new[] { "'per'" }, .. of.IsDefined ? [] : new[] { "'of'" }])
        select new DslLimit(count, per.GetOrDefault(), of.GetOrDefault(), e);

    /// <summary><c>reward [actor | referrer | to NAME] EFFECT, EFFECT…</c>; amounts are written <c>500 points</c> or <c>points 500</c>.</summary>
    private static Parser<DslClause> RewardClause(Parser<DslWord> name, Parser<DslWord> value, Parser<DslWord> comma)
    {
        var recipient =
            (from to in Keyword("to") from n in name select n)
                .Or(Keyword("actor"))
                .Or(Keyword("referrer"));
        var segment = Expression(segment: true);
        var points = Effect("points", segment);
        var credit = Effect("credit", segment);
        var by = Effect("by", segment);
        var prefixed = points.Or(credit).Or(by);
        var counter =
            from k in Keyword("counter")
            from n in name
            from step in (from b in Keyword("by") from amount in segment select amount).XOptional()
            select new DslEffect(k, n, null, step.GetOrDefault());
        var badge = Named("badge", name);

        // Spec v1.1 §6: 'alert NAME [severity LEVEL]', and its data as 'data KEY = EXPR' effects, one per key.
        var alert =
            from k in Keyword("alert")
            from n in name
            from level in (from sk in Keyword("severity") from w in name select w).XOptional()
            select new DslEffect(k, n, null, null) { Severity = level.GetOrDefault() };
        var data =
            from k in Keyword("data")
            from key in name
            from eq in Symbol('=')
            from expression in segment
            select new DslEffect(k, key, expression, null);
        // 'pending 14d' (spec v1.1 §3): not an effect but a modifier of the entry, written among its effects.
        var pending = Named("pending", value);
        var named = badge.Or(alert).Or(pending);
        var effect = Dispatch(
            prefixed.Or(counter).Or(named).Or(data).Or(AmountWithUnit()),
            ("points", points), ("credit", credit), ("by", by), ("counter", counter), ("badge", badge), ("alert", alert), ("data", data), ("pending", pending));
        return
            from k in Keyword("reward")
            from to in recipient.XOptional()
            from first in effect.XOptional()
            from rest in first.IsDefined ? (from c in comma from e in effect select e).XMany() : Parse.Return(Enumerable.Empty<DslEffect>())
            from end in EndOfLine(first.IsDefined ? ["','"] : ["an effect such as '10 points' or 'badge NAME'"])
            select new DslClause(k, new DslReward(to.GetOrDefault(), [.. first.Items(), .. rest], end));
    }

    /// <summary>
    /// <paramref name="all"/>, an <c>a.Or(b).Or(c)…</c> whose alternatives each start with their own keyword (the
    /// <paramref name="led"/> ones, with that keyword; any others come after them), taking a short cut: where one of
    /// the keywords is at the input, the others before it fail there without consuming it, so that alternative's
    /// success is the result. Anything else (no keyword there, or that alternative failed, when a later one may still
    /// match or get further) is left to <paramref name="all"/>, which gives the same result as before, with every
    /// alternative's expected names. Sprache's Or tried them all in turn, building a failure for each, on every line.
    /// </summary>
    private static Parser<T> Dispatch<T>(Parser<T> all, params (string Keyword, Parser<T> Alternative)[] led) => input =>
    {
        var s = input.Source;
        var p = input.Position;
        foreach (var (keyword, alternative) in led)
        {
            var end = p + keyword.Length;
            if (end <= s.Length && string.CompareOrdinal(s, p, keyword, 0, keyword.Length) == 0 && (end == s.Length || !IsNameChar(s[end])))
            {
                var r = alternative(input);
                return r.WasSuccessful ? r : all(input);
            }
        }

        return all(input);
    };

    private static Parser<DslEffect> Effect(string keyword, Parser<DslExtent> amount) =>
        from k in Keyword(keyword) from a in amount select new DslEffect(k, null, a, null);

    private static Parser<DslEffect> Named(string keyword, Parser<DslWord> name) =>
        from k in Keyword(keyword) from n in name select new DslEffect(k, n, null, null);

    /// <summary><c>EXPR points</c> or <c>EXPR credit</c>: the unit is the last word of the effect.</summary>
    private static Parser<DslEffect> AmountWithUnit()
    {
        var segment = Expression(segment: true);
        var unitKeyword = Keyword("points").Or(Keyword("credit"));
        return input => AmountWithUnit(input, segment, unitKeyword);
    }

    private static IResult<DslEffect> AmountWithUnit(IInput input, Parser<DslExtent> segment, Parser<DslWord> unitKeyword)
    {
        var extent = segment(input);
        if (!extent.WasSuccessful)
        {
            return Result.Failure<DslEffect>(extent.Remainder, extent.Message, extent.Expectations);
        }

        var d = (OffsetInput)input;
        var s = d.Source;
        var e = extent.Value;
        if (e.IsCode)
        {
            var unit = unitKeyword(extent.Remainder);
            return unit.WasSuccessful
                ? Result.Success(new DslEffect(unit.Value, null, e, null), unit.Remainder)
                : Result.Failure<DslEffect>(unit.Remainder, unit.Message, unit.Expectations);
        }

        var wordStart = e.End;
        while (wordStart > e.Start && (char.IsLetterOrDigit(s[wordStart - 1]) || s[wordStart - 1] == '_'))
        {
            wordStart--;
        }

        var word = s[wordStart..e.End];
        var amountEnd = wordStart;
        while (amountEnd > e.Start && char.IsWhiteSpace(s[amountEnd - 1]))
        {
            amountEnd--;
        }

        if (word is "points" or "credit" && amountEnd > e.Start && amountEnd < wordStart)
        {
            return Result.Success(new DslEffect(new DslWord(word, wordStart, e.End), null, e with { End = amountEnd, CodeEnd = amountEnd }, null), extent.Remainder);
        }

        // A lone word (say 'badge' without its name) is not an amount: let the alternative that got further explain.
        var at = wordStart > e.Start ? wordStart : word.Length == e.End - e.Start ? e.Start : e.End;
        return Result.Failure<DslEffect>(d.At(at), "expected a unit", ["'points' or 'credit' after the amount"]);
    }

    private static Parser<DslClause> ExpressionClause(string keyword) =>
        from k in Keyword(keyword) from x in Expression(segment: false) from e in EndOfLine() select new DslClause(k, x);

    private static Parser<DslClause> WordsClause(string keyword, Parser<object> names, Parser<DslWord> comma) =>
        from k in Keyword(keyword) from n in names from e in EndOfLine("','") select new DslClause(k, n);

    /// <summary>
    /// The raw extent of an expression: to the end of the line, continued on lines indented deeper than the clause's;
    /// in a reward (<paramref name="segment"/>) also to a comma outside brackets. Strings and backticks are skipped whole.
    /// </summary>
    private static Parser<DslExtent> Expression(bool segment) => input =>
    {
        var d = (OffsetInput)input;
        var s = d.Source;
        var p = d.Position;
        if (p < s.Length && s[p] == '`')
        {
            var fence = DslScanner.Run(s, p, '`');
            var close = DslScanner.CodeEnd(s, p + fence, fence);
            if (close < 0)
            {
                return Result.Failure<DslExtent>(d, "unterminated code", ["the closing backticks"]);
            }

            var (codeStart, codeEnd) = (p + fence, close);
            if (fence > 1 && codeEnd - codeStart >= 2 && s[codeStart] == ' ' && s[codeEnd - 1] == ' ')
            {
                // Like Markdown: a longer fence pads its code with one space on each side, so code may begin or end with a backtick.
                (codeStart, codeEnd) = (codeStart + 1, codeEnd - 1);
            }

            return Result.Success(new DslExtent(p, close + fence, true, codeStart, codeEnd), Spaces(d.At(close + fence)));
        }

        var indent = IndentOf(s, p);
        var i = p;
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is '\n' or '\r')
            {
                var next = NextContentLine(s, i);
                if (next >= 0 && IndentOf(s, next) > indent)
                {
                    i = next;
                    continue;
                }

                break;
            }

            if (c is '"' or '\'')
            {
                var close = DslScanner.StringEnd(s, i);
                i = close < 0 ? DslScanner.LineEnd(s, i) : close + 1;
                continue;
            }

            if (c == '`')
            {
                var fence = DslScanner.Run(s, i, '`');
                var close = DslScanner.CodeEnd(s, i + fence, fence);
                i = close < 0 ? s.Length : close + fence;
                continue;
            }

            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == ',' && depth == 0 && segment)
            {
                break;
            }

            i++;
        }

        var end = i;
        while (end > p && char.IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return end == p
            ? Result.Failure<DslExtent>(d, "expected an expression", ["an expression"])
            : Result.Success(new DslExtent(p, end, false, p, end), d.At(i));
    };

    private static int IndentOf(string s, int offset)
    {
        var lineStart = offset;
        while (lineStart > 0 && s[lineStart - 1] is not ('\n' or '\r'))
        {
            lineStart--;
        }

        var i = lineStart;
        while (i < s.Length && s[i] is ' ' or '\t')
        {
            i++;
        }

        return i - lineStart;
    }

    /// <summary>The first non-blank character of the next line that has any, or -1.</summary>
    private static int NextContentLine(string s, int newline)
    {
        for (var i = newline; i < s.Length; i++)
        {
            if (!char.IsWhiteSpace(s[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Clause lines until the end of the declaration; a line that is no clause fails with what was expected there.</summary>
    private static Parser<ImmutableArray<DslClause>> Lines(Parser<DslClause> clause) => input =>
    {
        var list = ImmutableArray.CreateBuilder<DslClause>();
        var i = SkipBlank((OffsetInput)input);
        while (!i.AtEnd)
        {
            var r = clause(i);
            if (!r.WasSuccessful)
            {
                return Result.Failure<ImmutableArray<DslClause>>(r.Remainder, r.Message, r.Expectations);
            }

            list.Add(r.Value);
            i = SkipBlank((OffsetInput)r.Remainder);
        }

        return Result.Success(list.ToImmutable(), i);
    };

    /// <summary>After a one-line declaration, only blank lines may follow before the next declaration.</summary>
    private static Parser<object?> NothingIndented() => input =>
    {
        var i = SkipBlank((OffsetInput)input);
        return i.AtEnd
            ? Result.Success<object?>(null, i)
            : Result.Failure<object?>(i, "expected a declaration", ["a new declaration at the start of a line"]);
    };

    private static OffsetInput SkipBlank(OffsetInput input)
    {
        var s = input.Source;
        var p = input.Position;
        while (p < s.Length && char.IsWhiteSpace(s[p]))
        {
            p++;
        }

        return input.At(p);
    }

    private static OffsetInput Spaces(OffsetInput input)
    {
        var s = input.Source;
        var p = input.Position;
        while (p < s.Length && s[p] is ' ' or '\t')
        {
            p++;
        }

        return input.At(p);
    }

    /// <summary>The end of a clause: spaces, then a line break or the end of the declaration. Yields the offset where the line's content ended.</summary>
    private static Parser<int> EndOfLine(params string[] alsoExpected) => input =>
    {
        var d = (OffsetInput)input;
        var end = d.Position;
        while (end > 0 && d.Source[end - 1] is ' ' or '\t')
        {
            end--;
        }

        var i = Spaces(d);
        if (i.AtEnd)
        {
            return Result.Success(end, i);
        }

        return i.Current switch
        {
            '\n' => Result.Success(end, i.At(i.Position + 1)),
            '\r' => Result.Success(end, i.At(i.Position + (i.Position + 1 < i.Source.Length && i.Source[i.Position + 1] == '\n' ? 2 : 1))),
            _ => Result.Failure<int>(i, "expected end of line", [.. alsoExpected, "end of line"]),
        };
    };

    // Keywords and symbols fail often (every clause tries the alternatives in turn), so their failure texts are built once per parser.
    private static Parser<DslWord> Keyword(string keyword)
    {
        var message = $"expected '{keyword}'";
        string[] expected = [$"'{keyword}'"];
        return input =>
        {
            var d = (OffsetInput)input;
            var s = d.Source;
            var p = d.Position;
            var end = p + keyword.Length;
            if (end <= s.Length && string.CompareOrdinal(s, p, keyword, 0, keyword.Length) == 0 && (end == s.Length || !IsNameChar(s[end])))
            {
                return Result.Success(new DslWord(keyword, p, end), Spaces(d.At(end)));
            }

            return Result.Failure<DslWord>(d, message, expected);
        };
    }

    private static Parser<DslWord> Symbol(char symbol)
    {
        var text = symbol.ToString();
        var message = $"expected '{symbol}'";
        string[] expected = [$"'{symbol}'"];
        return input =>
        {
            var d = (OffsetInput)input;
            return !d.AtEnd && d.Current == symbol
                ? Result.Success(new DslWord(text, d.Position, d.Position + 1), Spaces(d.At(d.Position + 1)))
                : Result.Failure<DslWord>(d, message, expected);
        };
    }

    private static Parser<DslWord> Bare(Func<char, bool> first, Func<char, bool> rest) => input =>
    {
        var d = (OffsetInput)input;
        var s = d.Source;
        var p = d.Position;
        if (p >= s.Length || !first(s[p]))
        {
            return Result.Failure<DslWord>(d, "expected a word", []);
        }

        var end = p + 1;
        while (end < s.Length && rest(s[end]))
        {
            end++;
        }

        return Result.Success(new DslWord(s[p..end], p, end), Spaces(d.At(end)));
    };

    private static Parser<DslWord> Quoted() => input =>
    {
        var d = (OffsetInput)input;
        var s = d.Source;
        var p = d.Position;
        if (p >= s.Length || s[p] is not ('"' or '\''))
        {
            return Result.Failure<DslWord>(d, "expected a string", []);
        }

        var close = DslScanner.StringEnd(s, p);
        if (close < 0)
        {
            return Result.Failure<DslWord>(d, "unterminated string", ["a closing quote"]);
        }

        return Result.Success(new DslWord(DslStrings.Unquote(s[p..(close + 1)]), p, close + 1), Spaces(d.At(close + 1)));
    };
}
