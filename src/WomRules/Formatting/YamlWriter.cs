using WomRules.Syntax;

namespace WomRules.Formatting;

/// <summary>
/// Prints a syntax tree in the canonical YAML layout, the one the examples use: sections separated by blank lines,
/// tiers, disclosures and rules as block lists, small mappings (active, budget, limit, rewards) in flow style.
/// A section's first item's comments go before the section's key.
/// </summary>
internal static class YamlWriter
{
    private const int FlowWidth = 100;

    public static string Write(CampaignSyntax c, CommentMap comments)
    {
        var w = new LineWriter(comments);
        if (c.Version is { } version)
        {
            w.Line(0, "womrules: " + Scalar(version.Text), version);
        }

        if (c.Id is { } id)
        {
            w.Line(0, "campaign: " + Scalar(id.Text), id);
        }

        if (c.Description is { } description)
        {
            w.Line(0, "description: " + Scalar(description.Text), description);
        }

        if (c.Active is { } active)
        {
            w.Line(0, "active: " + Flow(("from", active.From?.Text), ("until", active.Until?.Text)), active);
        }

        if (c.Ids is { } ids)
        {
            w.Line(0, "ids: " + Ids(ids), ids);
        }

        if (c.ReversibleFor is { } reversibleFor)
        {
            w.Line(0, "reversible_for: " + Scalar(reversibleFor.Text), reversibleFor);
        }

        if (c.AcceptLate is { } acceptLate)
        {
            w.Line(0, "accept_late: " + Scalar(acceptLate.Text), acceptLate);
        }

        if (c.TiersPolicy is { } tiersPolicy)
        {
            w.Line(0, "tiers_policy: " + Flow(("downgrade", tiersPolicy.Downgrade?.Text), ("keep", tiersPolicy.Keep?.Text)), tiersPolicy);
        }

        if (c.Expiry is { } expiry)
        {
            w.Line(0, "expiry: " + Flow(("points", expiry.Points?.Text), ("credit", expiry.Credit?.Text)), expiry);
        }

        if (c.Markers is { } markers)
        {
            var entries = (markers.Add.IsEmpty ? "" : "add: " + List(markers.Add)) + (markers.Add.IsEmpty || markers.Remove.IsEmpty ? "" : ", ")
                + (markers.Remove.IsEmpty ? "" : "remove: " + List(markers.Remove));
            w.Line(0, "markers: " + (entries.Length == 0 ? "{}" : "{ " + entries + " }"), markers);
        }

        if (!c.Events.IsEmpty)
        {
            Section(w, "events:", c.Events[0].Name);
            foreach (var e in c.Events)
            {
                w.Line(1, Scalar(e.Name.Text) + ":" + (e.Attributes.IsEmpty ? " {}" : ""), e.Name);
                foreach (var a in e.Attributes)
                {
                    w.Line(2, Attribute(a), a);
                }
            }
        }

        if (!c.Participant.IsEmpty)
        {
            Section(w, "participant:", c.Participant[0]);
            foreach (var a in c.Participant)
            {
                w.Line(1, Attribute(a), a);
            }
        }

        if (!c.Counters.IsEmpty)
        {
            w.Blank();
            w.Line(0, "counters: " + List(c.Counters), c.Counters[0]);
        }

        if (!c.Lists.IsEmpty)
        {
            Section(w, "lists:", c.Lists[0].Name);
            foreach (var list in c.Lists)
            {
                w.Line(1, Scalar(list.Name.Text) + ": " + List(list.Items), list.Name);
            }
        }

        if (!c.Tiers.IsEmpty)
        {
            Section(w, "tiers:", c.Tiers[0].Name);
            foreach (var t in c.Tiers)
            {
                w.Line(1, "- name: " + Scalar(t.Name.Text), t.Name);
                if (t.When is { } when)
                {
                    w.Line(2, "when: " + Expression(when), when);
                }

                if (!t.Privileges.IsEmpty)
                {
                    w.Line(2, "privileges: " + List(t.Privileges), t.Privileges[0]);
                }
            }
        }

        if (c.Budget is { } budget)
        {
            w.Blank();
            w.Line(0, "budget: " + Flow(("points", budget.Points?.Text), ("credit", budget.Credit?.Text)), budget);
        }

        if (!c.Caps.IsEmpty)
        {
            Section(w, "caps:", c.Caps[0].Name);
            foreach (var cap in c.Caps)
            {
                w.Line(1, Scalar(cap.Name.Text) + ": " + Limit(cap.Limit), cap.Name);
            }
        }

        if (!c.Disclosures.IsEmpty)
        {
            Section(w, "disclosures:", c.Disclosures[0].Name);
            for (var i = 0; i < c.Disclosures.Length; i++)
            {
                var d = c.Disclosures[i];
                if (i > 0)
                {
                    w.Blank();
                }

                w.Line(1, "- name: " + Scalar(d.Name.Text), d.Name);
                if (!d.On.IsEmpty)
                {
                    w.Line(2, "on: " + List(d.On), d.On[0]);
                }

                Optional(w, "applies", d.Applies);
                Optional(w, "require", d.Require);
                Optional(w, "action", d.Action);
                Optional(w, "message", d.Message);
            }
        }

        if (!c.Rules.IsEmpty)
        {
            Section(w, "rules:", c.Rules[0].Name);
            for (var i = 0; i < c.Rules.Length; i++)
            {
                var r = c.Rules[i];
                if (i > 0)
                {
                    w.Blank();
                }

                w.Line(1, "- name: " + Scalar(r.Name.Text), r.Name);
                Optional(w, "on", r.On);
                Optional(w, "lang", r.Language);
                Optional(w, "priority", r.Priority);
                Optional(w, "stop", r.Stop);
                Optional(w, "when", r.When);
                if (!r.Rewards.IsEmpty)
                {
                    w.LeadingOf(2, r.Rewards[0], aboveKeyOnly: true);
                    w.Line(2, "rewards:");
                    foreach (var reward in r.Rewards)
                    {
                        Reward(w, reward);
                    }
                }

                if (r.Limit is { } limit)
                {
                    w.Line(2, "limit: " + (limit.Cap is { } cap ? Scalar(cap.Text) : Limit(limit)), limit);
                }
            }
        }

        return w.ToString();
    }

    private static void Section(LineWriter w, string key, SyntaxNode first)
    {
        w.Blank();
        w.LeadingOf(0, first, aboveKeyOnly: true);
        w.Line(0, key);
    }

    private static void Optional(LineWriter w, string key, SyntaxNode? value)
    {
        switch (value)
        {
            case SyntaxToken token:
                w.Line(2, key + ": " + Scalar(token.Text), token);
                break;
            case ExpressionSyntax expression:
                w.Line(2, key + ": " + Expression(expression), expression);
                break;
        }
    }

    /// <summary>One effect: <c>- key: value</c>; several: a flow mapping when it fits on a line, else a block mapping.</summary>
    private static void Reward(LineWriter w, RewardSyntax r)
    {
        var entries = new List<(string Key, string Text)>();
        void Add(string key, string? text)
        {
            if (text is not null)
            {
                entries.Add((key, text));
            }
        }

        Add("to", r.To?.Text);
        Add("points", ExpressionText(r.Points));
        Add("credit", ExpressionText(r.Credit));
        Add("badge", r.Badge?.Text);
        Add("counter", r.Counter?.Text);
        Add("by", ExpressionText(r.By));
        // Spec v1.1 §6: the shorthand when the alert is a name alone, else { name, severity, data }, written last.
        var alert = r.Alert is { } name && (r.AlertSeverity is not null || r.AlertData.Length > 0) ? name : null;
        if (alert is not null)
        {
            Add("pending", r.Pending?.Text);
            AlertEntry(w, r, alert, entries);
            return;
        }

        Add("alert", r.Alert?.Text);
        Add("pending", r.Pending?.Text);

        if (entries.Count == 0)
        {
            w.Line(3, "- {}", r);
            return;
        }

        if (entries.Count == 1)
        {
            w.Line(3, $"- {entries[0].Key}: {Scalar(entries[0].Text)}", r);
            return;
        }

        var flow = Flow([.. entries.Select(e => (e.Key, (string?)e.Text))]);
        if (flow.Length <= FlowWidth && entries.All(e => Scalar(e.Text, flow: true) == e.Text))
        {
            w.Line(3, "- " + flow, r);
            return;
        }

        w.Line(3, $"- {entries[0].Key}: {Scalar(entries[0].Text)}", r);
        foreach (var (key, text) in entries.Skip(1))
        {
            w.Line(4, $"{key}: {Scalar(text)}");
        }
    }

    /// <summary>A reward whose alert has a severity or data: its other effects as a block, then the alert, in flow when it fits.</summary>
    private static void AlertEntry(LineWriter w, RewardSyntax r, SyntaxToken name, List<(string Key, string Text)> entries)
    {
        var data = r.AlertData.Select(d => (Key: d.Key.Text, Text: ExpressionText(d.Value)!)).ToArray();
        var parts = new List<(string Key, string Text)> { ("name", name.Text) };
        if (r.AlertSeverity is { } severity)
        {
            parts.Add(("severity", severity.Text));
        }

        var plain = parts.Concat(data).All(p => Scalar(p.Text, flow: true) == p.Text && Scalar(p.Key, flow: true) == p.Key);
        var flow = "{ " + string.Join(", ", parts.Select(p => p.Key + ": " + p.Text))
            + (data.Length > 0 ? ", data: " + Flow([.. data.Select(d => (d.Key, (string?)d.Text))]) : "") + " }";
        var prefix = entries.Count == 0 ? 3 : 4;
        foreach (var (i, (key, text)) in entries.Index())
        {
            w.Line(i == 0 ? 3 : 4, (i == 0 ? "- " : "") + key + ": " + Scalar(text), i == 0 ? r : null);
        }

        var lead = entries.Count == 0 ? "- alert:" : "alert:";
        if (plain && (new string(' ', prefix * 2) + lead + " " + flow).Length <= FlowWidth)
        {
            w.Line(prefix, lead + " " + flow, entries.Count == 0 ? r : null);
            return;
        }

        w.Line(prefix, lead, entries.Count == 0 ? r : null);
        var inner = prefix + (entries.Count == 0 ? 2 : 1);
        foreach (var (key, text) in parts)
        {
            w.Line(inner, key + ": " + Scalar(text));
        }

        if (data.Length > 0)
        {
            w.Line(inner, "data:");
            foreach (var (d, syntax) in data.Zip(r.AlertData))
            {
                w.Line(inner + 1, Scalar(d.Key) + ": " + Scalar(d.Text), syntax.Value);
            }
        }
    }

    private static string Attribute(AttributeSyntax a)
    {
        var key = Scalar(a.Name.Text) + ": ";
        if (a.DefaultValue is null && a.Identity is null)
        {
            return key + Scalar(a.Type?.Text ?? "");
        }

        var entries = new List<string>();
        if (a.Type is { } type)
        {
            entries.Add("type: " + Scalar(type.Text, flow: true));
        }

        if (a.DefaultValue is { } d)
        {
            entries.Add("default: " + (d.List is { } items ? List(items) : Scalar(d.Scalar?.Text ?? "", flow: true)));
        }

        // Spec v1.1 §8.
        if (a.Identity is { } identity)
        {
            entries.Add("identity: " + Scalar(identity.Text, flow: true));
        }

        return key + "{ " + string.Join(", ", entries) + " }";
    }

    private static string Ids(IdsSyntax ids)
    {
        var entries = new List<string>();
        if (ids.Normalize is { } normalize)
        {
            entries.Add("normalize: " + Scalar(normalize.Text, flow: true));
        }

        if (ids.Case is { } @case)
        {
            entries.Add("case: " + Scalar(@case.Text, flow: true));
        }

        if (!ids.Strip.IsEmpty)
        {
            entries.Add("strip: " + List(ids.Strip));
        }

        return entries.Count == 0 ? "{}" : "{ " + string.Join(", ", entries) + " }";
    }

    private static string Limit(LimitSyntax limit) => Flow(("count", limit.Count?.Text), ("per", limit.Per?.Text), ("of", limit.Of?.Text));

    private static string Flow(params (string Key, string? Text)[] entries) =>
        "{ " + string.Join(", ", entries.Where(e => e.Text is not null).Select(e => e.Key + ": " + Scalar(e.Text!, flow: true))) + " }";

    private static string List(IEnumerable<SyntaxToken> items) => "[" + string.Join(", ", items.Select(i => Scalar(i.Text, flow: true))) + "]";

    private static string Expression(ExpressionSyntax e) => Scalar(ExpressionText(e)!);

    private static string? ExpressionText(ExpressionSyntax? e) => e switch
    {
        null => null,
        CSharpExpressionSyntax csharp => csharp.Code.Text,
        _ => ExpressionWriter.Write(e),
    };

    private static string Scalar(string text, bool flow = false) => YamlScalars.Write(text, flow);
}
