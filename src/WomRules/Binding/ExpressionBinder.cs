using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using WomRules.Diagnostics;
using WomRules.Runtime;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Binding;

/// <summary>Type-checks expressions (spec §3) against a scope, reporting positioned diagnostics at the offending operand.</summary>
internal sealed class ExpressionBinder(DiagnosticBag diagnostics, CompilationOptions options)
{
    private static readonly BoundExpression ErrorNode = new BoundLiteral(ValueType.Error, default, false);

    /// <summary>The markers of <c>discloses(text)</c> and <c>discloses(text, within)</c>: the defaults as the campaign's 'markers' changed them (spec v1.1 §9).</summary>
    public string[] DefaultMarkers { get; set; } = BuiltIns.DefaultMarkers;

    /// <summary>The campaign's named lists (spec v1.1 §11), read as <c>lists.NAME</c>; set by the binder before any expression.</summary>
    public IReadOnlyDictionary<string, string[]> Lists { get; set; } = new Dictionary<string, string[]>();

    /// <summary>The functions of the language (spec §3, spec v1.1 §10), in the order messages list them.</summary>
    internal static readonly string[] Functions = ["len", "lower", "upper", "min", "max", "abs", "round", "discloses", "hours_between", "days_between", "date", "shares_identity"];

    /// <summary>What an expression name may start with, for "did you mean".</summary>
    private static readonly string[] Roots = ["event", "participant", "referrer"];

    private static readonly string[] EventFields = ["type", "actor", "referrer", "at"];

    private static readonly string[] TimeMembers = ["tier_since", "first_seen", "last_seen"];

    public BoundExpression Bind(ExpressionSyntax syntax, BindingScope scope)
    {
        try
        {
            var bound = BindExpression(syntax, scope);
            if (bound.Type != ValueType.Error && StringGrowth.FindExcess(bound, options.MaxStringGrowth) is { } excess)
            {
                // Issue 10, defect 6: a string built from many copies of the event could exhaust memory.
                diagnostics.Report(DiagnosticDescriptors.StringTooLarge, excess.Span, excess.Inputs, options.MaxStringGrowth);
                return ErrorNode with { Span = syntax.Span };
            }

            return bound;
        }
        catch (InsufficientExecutionStackException)
        {
            diagnostics.Report(DiagnosticDescriptors.ExpressionTooComplex, syntax.Span);
            return ErrorNode;
        }
    }

    /// <summary>Binds and requires a type; int converts to decimal when decimal is asked for.</summary>
    public BoundExpression BindAs(ExpressionSyntax syntax, BindingScope scope, ValueType expected, string what, bool allowIntForDecimal = true)
    {
        var bound = Bind(syntax, scope);
        if (bound.Type == ValueType.Error || bound.Type == expected)
        {
            return bound;
        }

        if (expected == ValueType.Decimal && allowIntForDecimal && bound.Type == ValueType.Int)
        {
            return ToDecimal(bound);
        }

        var expectedText = expected == ValueType.Decimal ? "an int or decimal" : expected.WithArticle();
        diagnostics.Report(DiagnosticDescriptors.ExpressionType, syntax.Span, what, expectedText, bound.Type.WithArticle());
        return ErrorNode with { Span = syntax.Span };
    }

    private BoundExpression BindExpression(ExpressionSyntax syntax, BindingScope scope)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return syntax switch
        {
            LiteralExpressionSyntax literal => BindLiteral(literal),
            ListExpressionSyntax list => BindList(list, scope),
            ParenthesizedExpressionSyntax parenthesized => BindExpression(parenthesized.Expression, scope),
            MemberAccessExpressionSyntax member => BindMemberAccess(member, scope),
            NameExpressionSyntax name => ReportUnknownName(name.Identifier, scope),
            UnaryExpressionSyntax unary => BindUnary(unary, scope),
            BinaryExpressionSyntax binary => BindBinary(binary, scope),
            IfExpressionSyntax conditional => BindIf(conditional, scope),
            CallExpressionSyntax call => BindCall(call, scope),
            _ => Fail(DiagnosticDescriptors.ExpressionTooComplex, syntax.Span),
        };
    }

    private static BoundExpression BindLiteral(LiteralExpressionSyntax literal) => literal.Value switch
    {
        long value => new BoundLiteral(ValueType.Int, literal.Span, value),
        decimal value => new BoundLiteral(ValueType.Decimal, literal.Span, value),
        bool value => new BoundLiteral(ValueType.Bool, literal.Span, value),
        string value => new BoundLiteral(ValueType.String, literal.Span, value),
        _ => ErrorNode,
    };

    private BoundExpression BindList(ListExpressionSyntax list, BindingScope scope)
    {
        var elements = ImmutableArray.CreateBuilder<BoundExpression>(list.Elements.Length);
        var ok = true;
        foreach (var element in list.Elements)
        {
            var bound = BindExpression(element, scope);
            if (bound.Type is not (ValueType.String or ValueType.Error))
            {
                diagnostics.Report(DiagnosticDescriptors.ListElementType, element.Span);
                ok = false;
            }

            ok &= bound.Type != ValueType.Error;
            elements.Add(bound);
        }

        if (!ok)
        {
            return ErrorNode with { Span = list.Span };
        }

        if (elements.All(e => e is BoundLiteral))
        {
            return new BoundLiteral(ValueType.List, list.Span, elements.Select(e => (string)((BoundLiteral)e).Value).ToArray());
        }

        return new BoundListExpression(list.Span, elements.ToImmutable());
    }

    private BoundExpression BindMemberAccess(MemberAccessExpressionSyntax syntax, BindingScope scope)
    {
        if (syntax.Target is not NameExpressionSyntax root)
        {
            return Fail(DiagnosticDescriptors.UnknownName, syntax.Span, RenderName(syntax), "");
        }

        var member = syntax.Member.Text;
        switch (root.Identifier.Text)
        {
            case "event":
                if (scope.IsTierCondition || scope.EventType is null)
                {
                    return Fail(DiagnosticDescriptors.NotInTierCondition, syntax.Span, RenderName(syntax));
                }

                switch (member)
                {
                    case "type": return new BoundEventField(syntax.Span, EventField.Type);
                    case "actor": return new BoundEventField(syntax.Span, EventField.Actor);
                    case "referrer": return new BoundEventField(syntax.Span, EventField.Referrer);
                    case "at": return new BoundEventField(syntax.Span, EventField.At);
                }

                if (scope.EventType.ByName.TryGetValue(member, out var attribute))
                {
                    return new BoundEventAttribute(syntax.Span, attribute);
                }

                if (scope.EventType.Unresolved.Contains(member))
                {
                    return ErrorNode with { Span = syntax.Span };
                }

                return Fail(DiagnosticDescriptors.UnknownEventAttribute, syntax.Member.Span, scope.EventType.Name, member,
                    NameSuggestions.DidYouMean(diagnostics, member, [.. scope.EventType.Attributes.Select(a => a.Name), .. EventFields]));

            case "participant":
                return BindParticipantMember(syntax, ParticipantRole.Participant, scope);

            case "lists":
                // Spec v1.1 §11: a named list stands for its literal, so every use of a list literal (the 'in' fast path,
                // discloses' prebuilt matcher) applies to it as well.
                if (Lists.TryGetValue(member, out var list))
                {
                    return new BoundLiteral(ValueType.List, syntax.Span, list);
                }

                var nearest = diagnostics.TrySpendSuggestion() ? NameSuggestions.Nearest(member, Lists.Keys) : null;
                var hint = nearest is not null
                    ? $"the nearest declared list is '{nearest}'"
                    : Lists.Count == 0 ? "the campaign declares none" : $"the declared lists are {string.Join(", ", Lists.Keys.Order(StringComparer.Ordinal))}";
                return Fail(DiagnosticDescriptors.UnknownList, syntax.Member.Span, member, hint);

            case "referrer":
                if (scope.IsTierCondition)
                {
                    return Fail(DiagnosticDescriptors.NotInTierCondition, syntax.Span, RenderName(syntax));
                }

                scope.ReadsReferrer = true;
                return BindParticipantMember(syntax, ParticipantRole.Referrer, scope);

            default:
                return ReportUnknownName(root.Identifier, scope);
        }
    }

    private BoundExpression BindParticipantMember(MemberAccessExpressionSyntax syntax, ParticipantRole role, BindingScope scope)
    {
        var name = syntax.Member.Text;
        var schema = scope.Participant;
        BoundParticipantMember Make(ValueType type, ParticipantMember member, int slot) => new(type, syntax.Span, role, member, slot, name);

        switch (name)
        {
            case "points": return Make(ValueType.Int, ParticipantMember.Points, 0);
            case "lifetime_points": return Make(ValueType.Int, ParticipantMember.LifetimePoints, 0);
            case "credit": return Make(ValueType.Decimal, ParticipantMember.Credit, 0);
            case "tier" when schema.Tiers.IsEmpty: return Fail(DiagnosticDescriptors.NoTiers, syntax.Member.Span);
            case "tier": return Make(ValueType.Tier, ParticipantMember.Tier, 0);
            case "badges": return Make(ValueType.List, ParticipantMember.Badges, 0);
            case "pending_points": return Make(ValueType.Int, ParticipantMember.PendingPoints, 0);
            case "pending_credit": return Make(ValueType.Decimal, ParticipantMember.PendingCredit, 0);
            case "tier_since" when schema.Tiers.IsEmpty: return Fail(DiagnosticDescriptors.NoTiers, syntax.Member.Span);
            case "tier_since": return Make(ValueType.Timestamp, ParticipantMember.TierSince, 0);
            case "first_seen": return Make(ValueType.Timestamp, ParticipantMember.FirstSeen, 0);
            case "last_seen": return Make(ValueType.Timestamp, ParticipantMember.LastSeen, 0);
        }

        if (schema.CounterIndex.TryGetValue(name, out var counter))
        {
            return Make(ValueType.Int, ParticipantMember.Counter, counter);
        }

        if (schema.AttributesByName.TryGetValue(name, out var attribute))
        {
            return Make(attribute.Type, ParticipantMember.Attribute, attribute.Slot);
        }

        if (schema.Unresolved.Contains(name))
        {
            return ErrorNode with { Span = syntax.Span };
        }

        return Fail(DiagnosticDescriptors.UnknownParticipantMember, syntax.Member.Span, name,
            NameSuggestions.DidYouMean(diagnostics, name, [.. ParticipantSchema.BuiltIns, .. TimeMembers, .. schema.Counters, .. schema.Attributes.Select(a => a.Name)]));
    }

    private BoundExpression BindUnary(UnaryExpressionSyntax syntax, BindingScope scope)
    {
        var operand = BindExpression(syntax.Operand, scope);
        if (operand.Type == ValueType.Error)
        {
            return operand;
        }

        if (syntax.OperatorToken.Text == "not")
        {
            return operand.Type == ValueType.Bool
                ? new BoundUnary(ValueType.Bool, syntax.Span, UnaryOperator.Not, operand)
                : OperandError("not", operand, "a bool");
        }

        if (!operand.Type.IsNumeric())
        {
            return OperandError("-", operand, "an int or decimal");
        }

        // Fold a negated literal so that -9223372036854775808-style constants and plain '-5' stay literals.
        if (operand is BoundLiteral { Value: long l } && l != long.MinValue)
        {
            return new BoundLiteral(ValueType.Int, syntax.Span, -l);
        }

        if (operand is BoundLiteral { Value: decimal d })
        {
            return new BoundLiteral(ValueType.Decimal, syntax.Span, -d);
        }

        return new BoundUnary(operand.Type, syntax.Span, UnaryOperator.Negate, operand);
    }

    private BoundExpression BindBinary(BinaryExpressionSyntax syntax, BindingScope scope)
    {
        var op = syntax.OperatorToken.Text;
        var left = BindExpression(syntax.Left, scope);
        if (op == "matches")
        {
            return BindMatches(syntax, left);
        }

        var right = BindExpression(syntax.Right, scope);
        if (left.Type == ValueType.Error || right.Type == ValueType.Error)
        {
            return ErrorNode with { Span = syntax.Span };
        }

        switch (op)
        {
            case "and":
            case "or":
                if (left.Type != ValueType.Bool)
                {
                    return OperandError(op, left, "bool operands");
                }

                if (right.Type != ValueType.Bool)
                {
                    return OperandError(op, right, "bool operands");
                }

                return new BoundBinary(ValueType.Bool, syntax.Span, op == "and" ? BinaryOperator.And : BinaryOperator.Or, ValueType.Bool, left, right);

            case "+" when left.Type == ValueType.String && right.Type == ValueType.String:
                return new BoundBinary(ValueType.String, syntax.Span, BinaryOperator.Concat, ValueType.String, left, right);

            case "+":
            case "-":
            case "*":
            case "/":
            case "%":
                return BindArithmetic(syntax, op, left, right);

            case "==":
            case "!=":
            case "<":
            case "<=":
            case ">":
            case ">=":
                return BindComparison(syntax, op, left, right, scope);

            case "in":
                if (left.Type != ValueType.String)
                {
                    return OperandError(op, left, "a string on the left");
                }

                return right.Type switch
                {
                    ValueType.List => new BoundBinary(ValueType.Bool, syntax.Span, BinaryOperator.InList, ValueType.String, left, right),

                    // 'a in b' on strings is 'b contains a'.
                    ValueType.String => new BoundBinary(ValueType.Bool, syntax.Span, BinaryOperator.Substring, ValueType.String, right, left),
                    _ => OperandError(op, right, "a list or string on the right"),
                };

            case "contains":
                if (right.Type != ValueType.String)
                {
                    return OperandError(op, right, "a string on the right");
                }

                return left.Type switch
                {
                    ValueType.String => new BoundBinary(ValueType.Bool, syntax.Span, BinaryOperator.Substring, ValueType.String, left, right),
                    ValueType.List => new BoundBinary(ValueType.Bool, syntax.Span, BinaryOperator.ListContains, ValueType.List, left, right),
                    _ => OperandError(op, left, "a string or list on the left"),
                };

            case "contains_any":
                if (right.Type != ValueType.List)
                {
                    return OperandError(op, right, "a list on the right");
                }

                return left.Type switch
                {
                    ValueType.String => new BoundBinary(ValueType.Bool, syntax.Span, BinaryOperator.StringContainsAny, ValueType.String, left, right),
                    ValueType.List => new BoundBinary(ValueType.Bool, syntax.Span, BinaryOperator.ListContainsAny, ValueType.List, left, right),
                    _ => OperandError(op, left, "a string or list on the left"),
                };

            case "starts_with":
            case "ends_with":
                if (left.Type != ValueType.String)
                {
                    return OperandError(op, left, "string operands");
                }

                if (right.Type != ValueType.String)
                {
                    return OperandError(op, right, "string operands");
                }

                return new BoundBinary(ValueType.Bool, syntax.Span, op == "starts_with" ? BinaryOperator.StartsWith : BinaryOperator.EndsWith, ValueType.String, left, right);

            default:
                return Fail(DiagnosticDescriptors.ExpressionSyntax, syntax.OperatorToken.Span, $"unknown operator '{op}'");
        }
    }

    private BoundExpression BindMatches(BinaryExpressionSyntax syntax, BoundExpression left)
    {
        if (left.Type == ValueType.Error)
        {
            return left;
        }

        if (left.Type != ValueType.String)
        {
            return OperandError("matches", left, "a string on the left");
        }

        if (Unparenthesize(syntax.Right) is not LiteralExpressionSyntax { Value: string pattern })
        {
            return Fail(DiagnosticDescriptors.PatternNotLiteral, syntax.Right.Span);
        }

        // Checked before the Regex is built: NonBacktracking builds its automaton lazily, while matching, and nested
        // counted repetition makes that automaton huge (issue 10, defect 5; docs/semantics.md, Limits).
        if (pattern.Length > options.MaxPatternLength)
        {
            return Fail(DiagnosticDescriptors.PatternTooLong, syntax.Right.Span, pattern.Length, options.MaxPatternLength);
        }

        if (PatternComplexity.Measure(pattern, options.MaxPatternComplexity) > options.MaxPatternComplexity)
        {
            return Fail(DiagnosticDescriptors.PatternTooComplex, syntax.Right.Span, options.MaxPatternComplexity);
        }

        try
        {
            var regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, options.RegexMatchTimeout);
            return new BoundMatches(syntax.Span, left, regex);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return Fail(DiagnosticDescriptors.InvalidRegex, syntax.Right.Span, ex.Message.TrimEnd('.'));
        }
    }

    private BoundExpression BindArithmetic(BinaryExpressionSyntax syntax, string op, BoundExpression left, BoundExpression right)
    {
        var expected = op == "+" ? "numbers (or two strings)" : "numbers";
        if (!left.Type.IsNumeric())
        {
            return OperandError(op, left, expected);
        }

        if (!right.Type.IsNumeric())
        {
            return OperandError(op, right, expected);
        }

        var type = left.Type == ValueType.Int && right.Type == ValueType.Int ? ValueType.Int : ValueType.Decimal;
        var kind = op switch
        {
            "+" => BinaryOperator.Add,
            "-" => BinaryOperator.Subtract,
            "*" => BinaryOperator.Multiply,
            "/" => BinaryOperator.Divide,
            _ => BinaryOperator.Modulo,
        };
        return new BoundBinary(type, syntax.Span, kind, type, Promote(left, type), Promote(right, type));
    }

    private BoundExpression BindComparison(BinaryExpressionSyntax syntax, string op, BoundExpression left, BoundExpression right, BindingScope scope)
    {
        var kind = op switch
        {
            "==" => BinaryOperator.Equal,
            "!=" => BinaryOperator.NotEqual,
            "<" => BinaryOperator.Less,
            "<=" => BinaryOperator.LessOrEqual,
            ">" => BinaryOperator.Greater,
            _ => BinaryOperator.GreaterOrEqual,
        };
        var isEquality = kind is BinaryOperator.Equal or BinaryOperator.NotEqual;

        // Tiers compare by their order; a string literal beside a tier names a tier.
        if (left.Type == ValueType.Tier || right.Type == ValueType.Tier)
        {
            left = TierOperand(left, right, scope.Participant);
            right = TierOperand(right, left, scope.Participant);
            if (left.Type == ValueType.Error || right.Type == ValueType.Error)
            {
                return ErrorNode with { Span = syntax.Span };
            }

            if (left.Type == ValueType.Tier && right.Type == ValueType.Tier)
            {
                return new BoundBinary(ValueType.Bool, syntax.Span, kind, ValueType.Tier, left, right);
            }

            var (tier, other) = left.Type == ValueType.Tier ? (left, right) : (right, left);
            if (other.Type == ValueType.String && isEquality)
            {
                // A computed string compares with the tier's name.
                var name = new BoundConversion(ValueType.String, tier.Span, Conversion.TierToName, tier);
                return left.Type == ValueType.Tier
                    ? new BoundBinary(ValueType.Bool, syntax.Span, kind, ValueType.String, name, right)
                    : new BoundBinary(ValueType.Bool, syntax.Span, kind, ValueType.String, left, name);
            }

            return OperandError(op, other, "a tier name such as 'gold' beside a tier");
        }

        if (left.Type.IsNumeric() && right.Type.IsNumeric())
        {
            var type = left.Type == ValueType.Int && right.Type == ValueType.Int ? ValueType.Int : ValueType.Decimal;
            return new BoundBinary(ValueType.Bool, syntax.Span, kind, type, Promote(left, type), Promote(right, type));
        }

        if ((left.Type.IsNumeric() && right.Type == ValueType.String) || (left.Type == ValueType.String && right.Type.IsNumeric()))
        {
            // Point at the operand that differs from the one the user most likely meant: a literal, else the right side.
            var offending = left is BoundLiteral && right is not BoundLiteral ? left : right;
            var other = ReferenceEquals(offending, left) ? right : left;
            diagnostics.Report(DiagnosticDescriptors.CompareStringWithNumber, offending.Span, offending.Type.DisplayName(), other.Type.WithArticle());
            return ErrorNode with { Span = syntax.Span };
        }

        if (left.Type == right.Type && left.Type == ValueType.String)
        {
            return new BoundBinary(ValueType.Bool, syntax.Span, kind, ValueType.String, left, right);
        }

        // Spec v1.1 §10: instants compare in time order.
        if (left.Type == right.Type && left.Type == ValueType.Timestamp)
        {
            return new BoundBinary(ValueType.Bool, syntax.Span, kind, ValueType.Timestamp, left, right);
        }

        if (left.Type == right.Type && left.Type == ValueType.Bool && isEquality)
        {
            return new BoundBinary(ValueType.Bool, syntax.Span, kind, ValueType.Bool, left, right);
        }

        var expected = isEquality ? "two values of the same type" : "two numbers, two strings, two tiers or two timestamps";
        var bad = left.Type is ValueType.List or ValueType.Bool ? left : right;
        return OperandError(op, bad, expected);
    }

    private BoundExpression TierOperand(BoundExpression operand, BoundExpression other, ParticipantSchema schema)
    {
        if (operand.Type != ValueType.String || other.Type != ValueType.Tier || operand is not BoundLiteral { Value: string name })
        {
            return operand;
        }

        return ResolveTier(name, operand.Span, schema);
    }

    /// <summary>Turns a tier name into its index, or reports an undeclared tier.</summary>
    public BoundExpression ResolveTier(string name, TextSpan span, ParticipantSchema schema)
    {
        if (schema.TierIndex.TryGetValue(name, out var index))
        {
            return new BoundLiteral(ValueType.Tier, span, index);
        }

        var declared = schema.Tiers.IsEmpty ? "(none declared)" : string.Join(", ", schema.Tiers);
        return Fail(DiagnosticDescriptors.UndeclaredTier, span, name, declared, NameSuggestions.DidYouMean(diagnostics, name, schema.Tiers));
    }

    private BoundExpression BindIf(IfExpressionSyntax syntax, BindingScope scope)
    {
        var condition = BindExpression(syntax.Condition, scope);
        var whenTrue = BindExpression(syntax.WhenTrue, scope);
        var whenFalse = BindExpression(syntax.WhenFalse, scope);
        if (condition.Type == ValueType.Error || whenTrue.Type == ValueType.Error || whenFalse.Type == ValueType.Error)
        {
            return ErrorNode with { Span = syntax.Span };
        }

        if (condition.Type != ValueType.Bool)
        {
            diagnostics.Report(DiagnosticDescriptors.ExpressionType, condition.Span, "The condition of 'if'", "a bool", condition.Type.WithArticle());
            return ErrorNode with { Span = syntax.Span };
        }

        if (whenTrue.Type == whenFalse.Type)
        {
            return new BoundIf(whenTrue.Type, syntax.Span, condition, whenTrue, whenFalse);
        }

        if (whenTrue.Type.IsNumeric() && whenFalse.Type.IsNumeric())
        {
            return new BoundIf(ValueType.Decimal, syntax.Span, condition, Promote(whenTrue, ValueType.Decimal), Promote(whenFalse, ValueType.Decimal));
        }

        diagnostics.Report(DiagnosticDescriptors.BranchTypes, whenFalse.Span, whenTrue.Type.WithArticle(), whenFalse.Type.WithArticle());
        return ErrorNode with { Span = syntax.Span };
    }

    private BoundExpression BindCall(CallExpressionSyntax syntax, BindingScope scope)
    {
        var name = syntax.Function.Text;
        var args = syntax.Arguments.Select(a => BindExpression(a, scope)).ToArray();
        if (!Functions.Contains(name))
        {
            return Fail(DiagnosticDescriptors.UnknownFunction, syntax.Function.Span, name, NameSuggestions.DidYouMean(diagnostics, name, Functions), string.Join(", ", Functions));
        }

        if (args.Any(a => a.Type == ValueType.Error))
        {
            return ErrorNode with { Span = syntax.Span };
        }

        switch (name)
        {
            case "hours_between":
            case "days_between":
                if (!CheckCount(syntax, args, 2, "two arguments"))
                {
                    break;
                }

                for (var i = 0; i < 2; i++)
                {
                    if (args[i].Type != ValueType.Timestamp)
                    {
                        return ArgumentError(i + 1, name, args[i], "a timestamp");
                    }
                }

                return Call(ValueType.Decimal, syntax, name == "hours_between" ? BuiltInFunction.HoursBetween : BuiltInFunction.DaysBetween, args);

            case "shares_identity":
                // Spec v1.1 §8: two participant ids.
                if (!CheckCount(syntax, args, 2, "two arguments, two participant ids such as (event.actor, event.referrer)"))
                {
                    break;
                }

                for (var i = 0; i < 2; i++)
                {
                    if (args[i].Type != ValueType.String)
                    {
                        return ArgumentError(i + 1, name, args[i], "a string (a participant id, such as event.actor)");
                    }
                }

                return Call(ValueType.Bool, syntax, BuiltInFunction.SharesIdentity, args);

            case "date":
                // Spec v1.1 §10: a literal, checked here, so that no event can meet a bad date.
                if (!CheckCount(syntax, args, 1, "one argument"))
                {
                    break;
                }

                if (args[0] is not BoundLiteral { Value: string text } || !(Runtime.TimestampText.TryParseDate(text, out var instant) || Runtime.TimestampText.TryParse(text, out instant)))
                {
                    diagnostics.Report(DiagnosticDescriptors.InvalidDateLiteral, args[0].Span);
                    return ErrorNode with { Span = syntax.Span };
                }

                return new BoundLiteral(ValueType.Timestamp, syntax.Span, instant);

            case "len":
                if (!CheckCount(syntax, args, 1, "one argument"))
                {
                    break;
                }

                return args[0].Type switch
                {
                    ValueType.String => Call(ValueType.Int, syntax, BuiltInFunction.LenString, args),
                    ValueType.List => Call(ValueType.Int, syntax, BuiltInFunction.LenList, args),
                    _ => ArgumentError(1, name, args[0], "a string or list"),
                };

            case "lower":
            case "upper":
                if (!CheckCount(syntax, args, 1, "one argument"))
                {
                    break;
                }

                return args[0].Type == ValueType.String
                    ? Call(ValueType.String, syntax, name == "lower" ? BuiltInFunction.Lower : BuiltInFunction.Upper, args)
                    : ArgumentError(1, name, args[0], "a string");

            case "min":
            case "max":
                if (!CheckCount(syntax, args, 2, "two arguments"))
                {
                    break;
                }

                for (var i = 0; i < 2; i++)
                {
                    if (!args[i].Type.IsNumeric())
                    {
                        return ArgumentError(i + 1, name, args[i], "an int or decimal");
                    }
                }

                var type = args[0].Type == ValueType.Int && args[1].Type == ValueType.Int ? ValueType.Int : ValueType.Decimal;
                var function = (name, type) switch
                {
                    ("min", ValueType.Int) => BuiltInFunction.MinInt,
                    ("min", _) => BuiltInFunction.MinDecimal,
                    (_, ValueType.Int) => BuiltInFunction.MaxInt,
                    _ => BuiltInFunction.MaxDecimal,
                };
                return Call(type, syntax, function, [Promote(args[0], type), Promote(args[1], type)]);

            case "abs":
            case "round":
                if (!CheckCount(syntax, args, 1, "one argument"))
                {
                    break;
                }

                if (!args[0].Type.IsNumeric())
                {
                    return ArgumentError(1, name, args[0], "an int or decimal");
                }

                var isInt = args[0].Type == ValueType.Int;
                return name == "abs"
                    ? Call(args[0].Type, syntax, isInt ? BuiltInFunction.AbsInt : BuiltInFunction.AbsDecimal, args)
                    : Call(ValueType.Int, syntax, isInt ? BuiltInFunction.RoundInt : BuiltInFunction.RoundDecimal, args);

            case "discloses":
                return BindDiscloses(syntax, args);
        }

        return ErrorNode with { Span = syntax.Span };
    }

    private BoundExpression BindDiscloses(CallExpressionSyntax syntax, BoundExpression[] args)
    {
        if (args.Length is < 1 or > 3)
        {
            return Fail(DiagnosticDescriptors.WrongArgumentCount, syntax.Span, "discloses", "one to three arguments: (text), (text, markers), (text, within) or (text, markers, within)");
        }

        if (args[0].Type != ValueType.String)
        {
            return ArgumentError(1, "discloses", args[0], "a string");
        }

        BoundExpression markers = new BoundLiteral(ValueType.List, syntax.Span, DefaultMarkers);
        BoundExpression within = new BoundLiteral(ValueType.Int, syntax.Span, long.MaxValue);
        if (args.Length == 2)
        {
            switch (args[1].Type)
            {
                case ValueType.List: markers = args[1]; break;
                case ValueType.Int: within = args[1]; break;
                default: return ArgumentError(2, "discloses", args[1], "a list of markers or an int 'within'");
            }
        }
        else if (args.Length == 3)
        {
            if (args[1].Type != ValueType.List)
            {
                return ArgumentError(2, "discloses", args[1], "a list of markers");
            }

            if (args[2].Type != ValueType.Int)
            {
                return ArgumentError(3, "discloses", args[2], "an int 'within'");
            }

            markers = args[1];
            within = args[2];
        }

        // Only a list written in the call: the campaign's own 'markers' were checked where they are written.
        if (args.Length >= 2 && args[1].Type == ValueType.List && markers is BoundLiteral { Value: string[] list })
        {
            WarnAmbiguousMarkers(list, syntax.Arguments[1]);
        }

        return Call(ValueType.Bool, syntax, BuiltInFunction.Discloses, [args[0], markers, within]);
    }

    private void WarnAmbiguousMarkers(string[] markers, ExpressionSyntax listSyntax)
    {
        var elements = Unparenthesize(listSyntax) is ListExpressionSyntax l ? l.Elements : [];
        for (var i = 0; i < markers.Length; i++)
        {
            if (BuiltIns.AmbiguousMarkers.Contains(markers[i].ToLowerInvariant()))
            {
                var span = i < elements.Length ? elements[i].Span : listSyntax.Span;
                diagnostics.Report(DiagnosticDescriptors.AmbiguousMarker, span, markers[i]);
            }
        }
    }

    private bool CheckCount(CallExpressionSyntax syntax, BoundExpression[] args, int count, string description)
    {
        if (args.Length == count)
        {
            return true;
        }

        diagnostics.Report(DiagnosticDescriptors.WrongArgumentCount, syntax.Span, syntax.Function.Text, description);
        return false;
    }

    private static BoundCall Call(ValueType type, CallExpressionSyntax syntax, BuiltInFunction function, BoundExpression[] args) =>
        new(type, syntax.Span, function, [.. args]);

    private BoundExpression ArgumentError(int position, string function, BoundExpression arg, string expected) =>
        Fail(DiagnosticDescriptors.ArgumentType, arg.Span, position, function, arg.Type.WithArticle(), expected);

    private BoundExpression OperandError(string op, BoundExpression operand, string expected) =>
        Fail(DiagnosticDescriptors.OperandType, operand.Span, op, operand.Type.WithArticle(), expected);

    /// <summary>An unknown name; a bare attribute, counter or built-in suggests where it lives ('event.rating'), anything else the nearest root.</summary>
    private BoundExpression ReportUnknownName(SyntaxToken identifier, BindingScope scope)
    {
        var name = identifier.Text;
        var schema = scope.Participant;
        var suggestion = !scope.IsTierCondition && scope.EventType is { } eventType && (eventType.ByName.ContainsKey(name) || EventFields.Contains(name))
            ? $" (did you mean 'event.{name}'?)"
            : ParticipantSchema.BuiltIns.Contains(name) || TimeMembers.Contains(name) || schema.CounterIndex.ContainsKey(name) || schema.AttributesByName.ContainsKey(name)
                ? $" (did you mean 'participant.{name}'?)"
                : NameSuggestions.DidYouMean(diagnostics, name, Roots);
        return Fail(DiagnosticDescriptors.UnknownName, identifier.Span, name, suggestion);
    }

    private BoundExpression Fail(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        diagnostics.Report(descriptor, span, args);
        return ErrorNode with { Span = span };
    }

    private static BoundExpression Promote(BoundExpression expression, ValueType type) =>
        type == ValueType.Decimal && expression.Type == ValueType.Int ? ToDecimal(expression) : expression;

    private static BoundExpression ToDecimal(BoundExpression expression) => expression is BoundLiteral { Value: long l }
        ? new BoundLiteral(ValueType.Decimal, expression.Span, (decimal)l)
        : new BoundConversion(ValueType.Decimal, expression.Span, Conversion.IntToDecimal, expression);

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax syntax)
    {
        while (syntax is ParenthesizedExpressionSyntax p)
        {
            syntax = p.Expression;
        }

        return syntax;
    }

    private static string RenderName(ExpressionSyntax syntax) => syntax switch
    {
        NameExpressionSyntax n => n.Identifier.Text,
        MemberAccessExpressionSyntax m => RenderName(m.Target) + "." + m.Member.Text,
        _ => "expression",
    };
}
