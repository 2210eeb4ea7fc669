using WomRules.Diagnostics;
using WomRules.Parsing;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Formatting;

/// <summary>Prints a syntax tree in the canonical DSL layout (docs/dsl.md): one clause a line, two-space indentation.</summary>
internal static class DslWriter
{
    public static string Write(CampaignSyntax c, CommentMap comments, DiagnosticBag diagnostics)
    {
        var w = new LineWriter(comments);
        CheckExpressions(c, diagnostics);
        if (c.Version is { } version)
        {
            if (version.Text == "1")
            {
                w.LeadingOf(0, version); // implied in the DSL; keep the file's opening comments
            }
            else
            {
                w.Line(0, "womrules " + Value(version.Text), version);
            }
        }

        if (c.Id is { } id)
        {
            w.Line(0, "campaign " + Name(id.Text), id);
        }

        if (c.Description is { } description)
        {
            w.Line(0, "description " + DslStrings.Quote(description.Text), description);
        }

        if (c.Active is { } active)
        {
            w.Line(0, "active" + (active.From is { } f ? " from " + Value(f.Text) : "") + (active.Until is { } u ? " until " + Value(u.Text) : ""), active);
        }

        if (c.Ids is { } ids)
        {
            w.Line(
                0,
                "ids" + (ids.Normalize is { } n ? " normalize " + Name(n.Text) : "") + (ids.Case is { } k ? " case " + Name(k.Text) : "")
                    + (ids.Strip.IsEmpty ? "" : " strip " + Names(ids.Strip)),
                ids);
        }

        if (c.ReversibleFor is { } reversibleFor)
        {
            w.Line(0, "reversible for " + Value(reversibleFor.Text), reversibleFor);
        }

        if (c.AcceptLate is { } acceptLate)
        {
            w.Line(0, "accept late " + Value(acceptLate.Text), acceptLate);
        }

        if (c.TiersPolicy is { } tiersPolicy && (tiersPolicy.Downgrade is not null || tiersPolicy.Keep is not null))
        {
            var downgrade = tiersPolicy.Downgrade switch
            {
                null => "",
                { Text: "true" } => " downgrade",
                { } other => " downgrade " + Value(other.Text),
            };
            w.Line(0, "tiers" + downgrade + (tiersPolicy.Keep is { } keep ? " keep " + Value(keep.Text) : ""), tiersPolicy);
        }

        if (c.Expiry is { } expiry)
        {
            // One line a unit; a credit line is an error the binder reports, kept so convert loses nothing.
            foreach (var (unit, duration) in new[] { ("points", expiry.Points), ("credit", expiry.Credit) })
            {
                if (duration is not null)
                {
                    w.Line(0, $"expire {unit} after " + Value(duration.Text), expiry);
                }
            }
        }

        if (c.Markers is { } markers)
        {
            w.Line(
                0,
                "markers" + (markers.Add.IsEmpty ? "" : " add " + Names(markers.Add)) + (markers.Remove.IsEmpty ? "" : " remove " + Names(markers.Remove)),
                markers);
        }

        w.Blank();
        foreach (var e in c.Events)
        {
            w.Line(0, "event " + Name(e.Name.Text), e.Name);
            foreach (var a in e.Attributes)
            {
                w.Line(1, Attribute(a), a);
            }
        }

        w.Blank();
        if (!c.Participant.IsEmpty)
        {
            w.LeadingOf(0, c.Participant[0]);
            w.Line(0, "participant");
            foreach (var a in c.Participant)
            {
                w.Line(1, Attribute(a), a);
            }

            w.Blank();
        }

        if (!c.Counters.IsEmpty)
        {
            w.Line(0, "counters " + Names(c.Counters), c.Counters[0]);
            w.Blank();
        }

        // Spec v1.1 §11: one line a list, its strings always quoted (they are text to match, never names).
        foreach (var list in c.Lists)
        {
            w.Line(0, "list " + Name(list.Name.Text) + " = [" + string.Join(", ", list.Items.Select(i => DslStrings.Quote(i.Text))) + "]", list.Name);
        }

        if (!c.Lists.IsEmpty)
        {
            w.Blank();
        }

        foreach (var t in c.Tiers)
        {
            w.Line(0, "tier " + Name(t.Name.Text), t.Name);
            if (t.When is { } when)
            {
                w.Line(1, "when " + Expression(when), when);
            }

            if (!t.Privileges.IsEmpty)
            {
                w.Line(1, "privileges " + Names(t.Privileges), t.Privileges[0]);
            }
        }

        w.Blank();
        if (c.Budget is { } budget)
        {
            var parts = new List<string>();
            if (budget.Points is { } points)
            {
                parts.Add(Value(points.Text) + " points");
            }

            if (budget.Credit is { } credit)
            {
                parts.Add(Value(credit.Text) + " credit");
            }

            if (parts.Count > 0)
            {
                w.Line(0, "budget " + string.Join(", ", parts), budget);
                w.Blank();
            }
        }

        if (!c.Caps.IsEmpty)
        {
            foreach (var cap in c.Caps)
            {
                w.Line(0, "cap " + Name(cap.Name.Text) + " " + Limit(cap.Limit), cap.Name);
            }

            w.Blank();
        }

        foreach (var d in c.Disclosures)
        {
            w.Line(0, "disclosure " + Name(d.Name.Text), d.Name);
            if (!d.On.IsEmpty)
            {
                w.Line(1, "on " + Names(d.On), d.On[0]);
            }

            if (d.Applies is { } applies)
            {
                w.Line(1, "applies " + Expression(applies), applies);
            }

            if (d.Require is { } require)
            {
                w.Line(1, "require " + Expression(require), require);
            }

            if (d.Action is { } action)
            {
                w.Line(1, "action " + Name(action.Text), action);
            }

            if (d.Message is { } message)
            {
                w.Line(1, "message " + DslStrings.Quote(message.Text), message);
            }

            w.Blank();
        }

        foreach (var r in c.Rules)
        {
            w.Line(0, "rule " + Name(r.Name.Text) + (r.On is { } on ? " on " + Name(on.Text) : ""), r.Name, r.On);
            if (r.Language is { } language)
            {
                w.Line(1, "lang " + Name(language.Text), language);
            }

            if (r.Priority is { } priority)
            {
                w.Line(1, "priority " + Value(priority.Text), priority);
            }

            if (r.Stop is { } stop)
            {
                w.Line(1, stop.Text == "true" ? "stop" : "stop " + Value(stop.Text), stop);
            }

            if (r.When is { } when)
            {
                w.Line(1, "when " + Expression(when), when);
            }

            foreach (var reward in r.Rewards)
            {
                w.Line(1, Reward(reward), reward);
            }

            if (r.Limit is { } limit)
            {
                w.Line(1, "limit " + (limit.Cap is { } cap ? Name(cap.Text) : Limit(limit)), limit);
            }

            w.Blank();
        }

        return w.ToString();
    }

    /// <summary>
    /// Names and values are quoted with escapes, but an expression is printed as written, and its string literals
    /// have no escape for a line break other than \n, a control or a bidi control. A string that holds one (from a
    /// YAML escape) cannot be written in the DSL at all: refused at the expression rather than printed raw, where it
    /// would end the line, make the file "not text", or be refused on reading. C# code may span lines, so only the rest counts there.
    /// </summary>
    private static void CheckExpressions(CampaignSyntax c, DiagnosticBag diagnostics)
    {
        foreach (var (e, text) in PrintedExpressions.Of(c))
        {
            var csharp = e is CSharpExpressionSyntax;
            foreach (var ch in text)
            {
                if (TextHazards.MustEscapeInOutput(ch) && ch != '\t' && !(csharp && ch is '\n' or '\r'))
                {
                    diagnostics.Report(DiagnosticDescriptors.DslCannotHold, e.Span, csharp ? "C# code" : "expression", TextHazards.Describe(ch));
                    break;
                }
            }
        }
    }

    private static string Reward(RewardSyntax r)
    {
        var effects = new List<string>();
        if (r.Points is { } points)
        {
            effects.Add(Amount(points, "points"));
        }

        if (r.Credit is { } credit)
        {
            effects.Add(Amount(credit, "credit"));
        }

        if (r.Badge is { } badge)
        {
            effects.Add("badge " + Name(badge.Text));
        }

        if (r.Counter is { } counter)
        {
            effects.Add("counter " + Name(counter.Text) + (r.By is { } by ? " by " + Expression(by) : ""));
        }
        else if (r.By is { } by)
        {
            effects.Add("by " + Expression(by));
        }

        if (r.Alert is { } alert)
        {
            effects.Add("alert " + Name(alert.Text) + (r.AlertSeverity is { } severity ? " severity " + Name(severity.Text) : ""));
            effects.AddRange(r.AlertData.Select(d => "data " + Name(d.Key.Text) + " = " + Expression(d.Value)));
        }

        if (r.Pending is { } pending)
        {
            effects.Add("pending " + Value(pending.Text));
        }

        var to = r.To is null ? "" : r.To.Text is "actor" or "referrer" ? r.To.Text + " " : "to " + Name(r.To.Text) + " ";
        return "reward " + to + string.Join(", ", effects);
    }

    /// <summary><c>500 points</c>; but <c>points if … then 60 else 40</c>, where a trailing unit would read as part of the else branch.</summary>
    private static string Amount(ExpressionSyntax amount, string unit) =>
        amount is IfExpressionSyntax ? unit + " " + Expression(amount) : Expression(amount) + " " + unit;

    private static string Attribute(AttributeSyntax a)
    {
        // Spec v1.1 §8: 'identity' after the type; YAML's 'identity: false' says nothing the DSL needs to keep.
        var text = Name(a.Name.Text) + ": " + Name(a.Type?.Text ?? "") + (a.Identity is { Text: not "false" } ? " identity" : "");
        return a.DefaultValue switch
        {
            null => text,
            { List: { } items } => text + " = [" + string.Join(", ", items.Select(i => Value(i.Text))) + "]",
            var d => text + " = " + Value(d.Scalar?.Text ?? ""),
        };
    }

    private static string Expression(ExpressionSyntax e) => e is CSharpExpressionSyntax csharp ? Code(csharp.Code.Text) : ExpressionWriter.Write(e);

    /// <summary>C# in backticks; a fence one longer than any backtick run inside, padded with spaces when longer than one.</summary>
    private static string Code(string code)
    {
        var longest = 0;
        for (var i = 0; i < code.Length;)
        {
            var run = DslScanner.Run(code, i, '`');
            longest = Math.Max(longest, run);
            i += Math.Max(1, run);
        }

        var fence = new string('`', longest + 1);
        return longest == 0 ? fence + code + fence : fence + " " + code + " " + fence;
    }

    private static string Names(IEnumerable<SyntaxToken> tokens) => string.Join(", ", tokens.Select(t => Name(t.Text)));

    private static string Name(string text) => IsBare(text, DslGrammar.IsNameStart, DslGrammar.IsNameChar) ? text : DslStrings.Quote(text);

    private static string Limit(LimitSyntax limit) =>
        Value(limit.Count?.Text ?? "") + (limit.Per is { } per ? " per " + Name(per.Text) : "") + (limit.Of is { } of ? " of " + Name(of.Text) : "");

    private static string Value(string text) => IsBare(text, DslGrammar.IsValueStart, DslGrammar.IsValueChar) ? text : DslStrings.Quote(text);

    private static bool IsBare(string text, Func<char, bool> first, Func<char, bool> rest) =>
        text.Length > 0 && first(text[0]) && text.Skip(1).All(rest);
}
