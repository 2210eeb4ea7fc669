using System.Collections.Immutable;
using WomRules.Diagnostics;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Parsing;

/// <summary>
/// Reads a DSL campaign file (docs/dsl.md) into the syntax tree shared with YAML. The file is split into declarations
/// (each starts at column 1) and each is parsed on its own, so a broken rule is reported and the next one still
/// parses: several errors come out of one run. Expressions go through the same <see cref="ExpressionParser"/> as YAML.
/// </summary>
internal sealed class DslCampaignParser
{
    private readonly SourceText source;
    private readonly string masked;
    private readonly ReaderLimits limits;
    private readonly DiagnosticBag diagnostics;

    private readonly List<EventTypeSyntax> events = [];
    private readonly List<AttributeSyntax> participant = [];
    private readonly List<NamedListSyntax> lists = [];
    private readonly List<SyntaxToken> counters = [];
    private readonly List<TierSyntax> tiers = [];
    private readonly List<DisclosureSyntax> disclosures = [];
    private readonly List<RuleSyntax> rules = [];
    private readonly Dictionary<string, SyntaxToken> seen = new(StringComparer.Ordinal);
    private SyntaxToken? version;
    private SyntaxToken? id;
    private SyntaxToken? description;
    private ActiveWindowSyntax? active;
    private BudgetSyntax? budget;
    private ExpirySyntax? expiry;
    private IdsSyntax? ids;
    private MarkersSyntax? markers;
    private SyntaxToken? reversibleFor;
    private SyntaxToken? acceptLate;
    private readonly List<CapSyntax> caps = [];
    private TiersPolicySyntax? tiersPolicy;
    private int offset;

    private DslCampaignParser(SourceText source, string masked, ReaderLimits limits, DiagnosticBag diagnostics)
    {
        this.source = source;
        this.masked = masked;
        this.limits = limits;
        this.diagnostics = diagnostics;
    }

    public static CampaignSyntax? Parse(SourceText source, ReaderLimits limits, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        if (YamlTreeReader.FirstControlCharacter(text) is { } control)
        {
            diagnostics.Report(DiagnosticDescriptors.FileNotText, new TextSpan(control, 1));
            return null;
        }

        // What the DSL scanner reads as a line break (\n, \r) and what YAML and editors do must agree, or a conversion
        // or a review could see a line the DSL does not: the other breaks, and bidi controls, are refused raw.
        if (TextHazards.FirstSourceHazard(text) is var hazard and >= 0)
        {
            diagnostics.Report(DiagnosticDescriptors.DslHiddenBreak, new TextSpan(hazard, 1), TextHazards.Describe(text[hazard]));
            return null;
        }

        var scan = DslScanner.Scan(text, limits, diagnostics);
        if (string.IsNullOrWhiteSpace(scan.Masked))
        {
            diagnostics.Report(DiagnosticDescriptors.FileEmpty, default);
            return null;
        }

        var parser = new DslCampaignParser(source, scan.Masked, limits, diagnostics);
        foreach (var (start, end) in Declarations(scan.Masked))
        {
            if (scan.ErrorOffsets.Any(e => e >= start && e < end))
            {
                continue; // the scanner already reported this declaration's lexical error
            }

            parser.ParseDeclaration(start, end);
        }

        return parser.Build();
    }

    /// <summary>The declarations' extents: each starts at a line whose first character is not blank; text before the first is its own extent.</summary>
    internal static IEnumerable<(int Start, int End)> Declarations(string masked)
    {
        var start = 0;
        var lineStart = 0;
        while (lineStart < masked.Length)
        {
            if (lineStart > start && !char.IsWhiteSpace(masked[lineStart]))
            {
                yield return (start, lineStart);
                start = lineStart;
            }

            // A lone '\r' ends a line too, as it does for the scanner, SourceText and YAML; "\r\n" ends one line,
            // since the '\n' after the '\r' starts a blank line, which starts no declaration.
            var newline = masked.IndexOfAny(['\n', '\r'], lineStart);
            lineStart = newline < 0 ? masked.Length : newline + 1;
        }

        yield return (start, masked.Length);
    }

    private void ParseDeclaration(int start, int end)
    {
        var chunk = masked[start..end];
        if (string.IsNullOrWhiteSpace(chunk))
        {
            return;
        }

        offset = start;
        var first = chunk.Length - chunk.TrimStart().Length;
        if (first > 0 && chunk[first - 1] is not ('\n' or '\r'))
        {
            // Only the text before the first declaration can start indented.
            diagnostics.Report(DiagnosticDescriptors.DslSyntax, Span(first, first + 1), "unexpected indentation; expected a declaration at the start of a line");
            return;
        }

        var result = DslGrammar.Declaration(new OffsetInput(chunk, first));
        if (!result.WasSuccessful)
        {
            var at = result.Remainder.Position;
            diagnostics.Report(DiagnosticDescriptors.DslSyntax, Span(at, Math.Min(chunk.Length, at + 1)), Describe(chunk, at, result.Expectations));
            return;
        }

        var d = result.Value;
        switch (d.Keyword.Text)
        {
            case "womrules": Once(d.Keyword, "the file", () => version = Token(d.Name!)); break;
            case "campaign": Once(d.Keyword, "the file", () => id = Token(d.Name!)); break;
            case "description": Once(d.Keyword, "the file", () => description = Token(d.Name!)); break;
            case "active":
                Once(d.Keyword, "the file", () => active = new ActiveWindowSyntax(Word(d, "from"), Word(d, "until"), DeclarationSpan(d)));
                break;
            case "ids":
                Once(d.Keyword, "the file", () => ids = new IdsSyntax(
                    Word(d, "normalize"),
                    Word(d, "case"),
                    d.Clauses.FirstOrDefault(c => c.Keyword.Text == "strip") is { } strip ? Tokens(strip) : [],
                    Span(d.Keyword.Start, d.Clauses.Select(ClauseEnd).DefaultIfEmpty(d.Keyword.End).Max())));
                break;
            case "reversible": Once(d.Keyword, "the file", () => reversibleFor = Token(d.Name!)); break;
            case "accept": Once(d.Keyword, "the file", () => acceptLate = Token(d.Name!)); break;
            case "cap": caps.Add(new CapSyntax(Token(d.Name!), Limit(d.Keyword, (DslLimit)d.Clauses[0].Value!, capReference: false))); break;
            case "tiers": Once(d.Keyword, "the file", () => tiersPolicy = TiersPolicy(d)); break;
            case "expire": Once(d.Keyword, "the file", () => expiry = new ExpirySyntax(Word(d, "points"), Word(d, "credit"), DeclarationSpan(d))); break;
            case "markers":
                Once(d.Keyword, "the file", () => markers = new MarkersSyntax(
                    d.Clauses.FirstOrDefault(c => c.Keyword.Text == "add") is { } add ? Tokens(add) : [],
                    d.Clauses.FirstOrDefault(c => c.Keyword.Text == "remove") is { } remove ? Tokens(remove) : [],
                    Span(d.Keyword.Start, d.Clauses.Select(ClauseEnd).DefaultIfEmpty(d.Keyword.End).Max())));
                break;
            case "budget":
                Once(d.Keyword, "the file", () => budget = new BudgetSyntax(Word(d, "points"), Word(d, "credit"), DeclarationSpan(d)));
                break;
            case "counters": Once(d.Keyword, "the file", () => counters.AddRange(((ImmutableArray<DslWord>)d.Clauses[0].Value!).Select(Token))); break;
            case "participant": Once(d.Keyword, "the file", () => participant.AddRange(d.Clauses.Select(c => Attribute((DslAttribute)c.Value!)))); break;
            case "event": events.Add(new EventTypeSyntax(Token(d.Name!), [.. d.Clauses.Select(c => Attribute((DslAttribute)c.Value!))])); break;
            case "tier": tiers.Add(Tier(d)); break;
            case "list":
                var items = (DslDefault)d.Clauses[0].Value!;
                lists.Add(new NamedListSyntax(Token(d.Name!), [.. items.List!.Value.Select(Token)], Span(d.Keyword.Start, items.End)));
                break;
            case "disclosure": disclosures.Add(Disclosure(d)); break;
            case "rule": rules.Add(Rule(d)); break;
        }
    }

    private CampaignSyntax Build()
    {
        if (id is null)
        {
            diagnostics.Report(DiagnosticDescriptors.DslMissingCampaign, default);
        }

        // The DSL is version 1 by construction; a 'womrules' line is only needed to say otherwise.
        version ??= new SyntaxToken("1", new TextSpan(id?.Span.Start ?? 0, 0));
        if (version.Text != "1")
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedVersion, version.Span, version.Text);
        }

        return new CampaignSyntax(version, id, description, active, [.. events], [.. participant], [.. counters], [.. tiers], budget, [.. disclosures], [.. rules], ids, reversibleFor, tiersPolicy, expiry, markers, [.. lists], [.. caps], acceptLate);
    }

    private TiersPolicySyntax TiersPolicy(DslDeclaration d)
    {
        // A bare 'downgrade' means 'downgrade true'.
        SyntaxToken? value = null;
        if (d.Clauses.FirstOrDefault(c => c.Keyword.Text == "downgrade") is { } downgrade)
        {
            value = downgrade.Value is DslWord word ? Token(word) : new SyntaxToken("true", Span(downgrade.Keyword.Start, downgrade.Keyword.End));
        }

        return new TiersPolicySyntax(value, Word(d, "keep"), DeclarationSpan(d));
    }

    private void Once(DslWord keyword, string where, Action add)
    {
        if (seen.TryAdd(keyword.Text, Token(keyword)))
        {
            add();
        }
        else
        {
            diagnostics.Report(DiagnosticDescriptors.DslDuplicateClause, Span(keyword.Start, keyword.End), keyword.Text, where);
        }
    }

    private TierSyntax Tier(DslDeclaration d)
    {
        var clauses = Single(d, "tier");
        var when = clauses.TryGetValue("when", out var w) ? Expression((DslExtent)w.Value!, "when", csharp: false) : null;
        return new TierSyntax(Token(d.Name!), when, clauses.TryGetValue("privileges", out var p) ? Tokens(p) : []);
    }

    private DisclosureSyntax Disclosure(DslDeclaration d)
    {
        var clauses = Single(d, "disclosure");
        return new DisclosureSyntax(
            Token(d.Name!),
            clauses.TryGetValue("on", out var on) ? Tokens(on) : [],
            clauses.TryGetValue("applies", out var applies) ? Expression((DslExtent)applies.Value!, "applies", csharp: false) : null,
            clauses.TryGetValue("require", out var require) ? Expression((DslExtent)require.Value!, "require", csharp: false) : null,
            clauses.TryGetValue("action", out var action) ? Token((DslWord)action.Value!) : null,
            clauses.TryGetValue("message", out var message) ? Token((DslWord)message.Value!) : null);
    }

    private RuleSyntax Rule(DslDeclaration d)
    {
        var clauses = Single(d, "rule", "reward");
        var language = clauses.TryGetValue("lang", out var lang) ? Token((DslWord)lang.Value!) : null;
        var csharp = language?.Text == "csharp";
        var rewards = d.Clauses.Where(c => c.Keyword.Text == "reward").Select(c => Reward(c, csharp)).ToImmutableArray();
        var name = Token(d.Name!);
        if (rewards.IsEmpty)
        {
            diagnostics.Report(DiagnosticDescriptors.DslRuleWithoutReward, name.Span, name.Text);
        }

        LimitSyntax? limit = null;
        if (clauses.TryGetValue("limit", out var l) && l.Value is DslLimit raw)
        {
            limit = Limit(l.Keyword, raw, capReference: true);
        }

        SyntaxToken? stop = null;
        if (clauses.TryGetValue("stop", out var s))
        {
            // A bare 'stop' means 'stop true'.
            stop = s.Value is DslWord value ? Token(value) : new SyntaxToken("true", Span(s.Keyword.Start, s.Keyword.End));
        }

        return new RuleSyntax(
            name,
            clauses.TryGetValue("on", out var on) ? Token((DslWord)on.Value!) : null,
            clauses.TryGetValue("when", out var when) ? Expression((DslExtent)when.Value!, "when", csharp) : null,
            clauses.TryGetValue("priority", out var priority) ? Token((DslWord)priority.Value!) : null,
            stop,
            limit,
            rewards,
            language);
    }

    /// <summary>
    /// A limit line. In a rule, a lone word that starts with a letter ('limit referral-cap') names a cap (spec v1.1 §7);
    /// a count is a number, so the two cannot be confused.
    /// </summary>
    private LimitSyntax Limit(DslWord keyword, DslLimit raw, bool capReference)
    {
        var span = Span(keyword.Start, raw.End);
        if (capReference && raw.Per is null && raw.Of is null && raw.Count.Text.Length > 0 && char.IsLetter(raw.Count.Text[0]))
        {
            return new LimitSyntax(null, null, null, span, Token(raw.Count));
        }

        return new LimitSyntax(Token(raw.Count), Optional(raw.Per), Optional(raw.Of), span);
    }

    private RewardSyntax Reward(DslClause clause, bool csharp)
    {
        var raw = (DslReward)clause.Value!;
        var effects = new Dictionary<string, DslEffect>(StringComparer.Ordinal);
        var data = ImmutableArray.CreateBuilder<AlertDataSyntax>();
        var dataKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var effect in raw.Effects)
        {
            if (effect.Kind.Text == "data")
            {
                // Data entries repeat, one per key, in the order written; a key given twice is the duplicate.
                if (!dataKeys.Add(effect.Name!.Text))
                {
                    diagnostics.Report(DiagnosticDescriptors.DslDuplicateClause, Span(effect.Name.Start, effect.Name.End), "data " + effect.Name.Text, "this alert");
                }
                else if (Expression(effect.Amount!, "data", csharp: false) is { } value)
                {
                    data.Add(new AlertDataSyntax(Token(effect.Name), value));
                }

                continue;
            }

            if (!effects.TryAdd(effect.Kind.Text, effect))
            {
                diagnostics.Report(DiagnosticDescriptors.DslDuplicateClause, Span(effect.Kind.Start, effect.Kind.End), effect.Kind.Text, "this reward");
            }

            if (effect.By is not null && !effects.TryAdd("by", effect with { Amount = effect.By }))
            {
                diagnostics.Report(DiagnosticDescriptors.DslDuplicateClause, Span(effect.By.Start, effect.By.End), "by", "this reward");
            }
        }

        ExpressionSyntax? Amount(string kind) =>
            effects.TryGetValue(kind, out var e) && e.Amount is { } amount ? Expression(amount, kind, csharp) : null;

        SyntaxToken? Name(string kind) => effects.TryGetValue(kind, out var e) && e.Name is { } name ? Token(name) : null;

        if (data.Count > 0 && !effects.ContainsKey("alert"))
        {
            var first = raw.Effects.First(e => e.Kind.Text == "data");
            diagnostics.Report(DiagnosticDescriptors.AlertDataWithoutAlert, Span(first.Kind.Start, first.Kind.End));
        }

        return new RewardSyntax(
            Optional(raw.To), Amount("points"), Amount("credit"), Name("badge"), Name("counter"), Amount("by"), Name("alert"),
            Span(clause.Keyword.Start, raw.End),
            Name("pending"),
            effects.TryGetValue("alert", out var alert) && alert.Severity is { } severity ? Token(severity) : null,
            data.ToImmutable());
    }

    /// <summary>The declaration's clauses by keyword, reporting a clause given twice (except <paramref name="repeatable"/> ones).</summary>
    private Dictionary<string, DslClause> Single(DslDeclaration d, string what, string? repeatable = null)
    {
        var result = new Dictionary<string, DslClause>(StringComparer.Ordinal);
        foreach (var clause in d.Clauses)
        {
            if (clause.Keyword.Text == repeatable)
            {
                continue;
            }

            if (!result.TryAdd(clause.Keyword.Text, clause))
            {
                diagnostics.Report(DiagnosticDescriptors.DslDuplicateClause, Span(clause.Keyword.Start, clause.Keyword.End), clause.Keyword.Text, $"the {what} '{d.Name?.Text}'");
            }
        }

        return result;
    }

    private ExpressionSyntax? Expression(DslExtent extent, string what, bool csharp)
    {
        var span = Span(extent.Start, extent.End);
        if (extent.IsCode)
        {
            if (!csharp)
            {
                diagnostics.Report(DiagnosticDescriptors.DslCodeWithoutCSharp, span);
                return null;
            }

            return new CSharpExpressionSyntax(new SyntaxToken(source.Text[(offset + extent.CodeStart)..(offset + extent.CodeEnd)], Span(extent.CodeStart, extent.CodeEnd)));
        }

        if (csharp)
        {
            diagnostics.Report(DiagnosticDescriptors.DslCSharpWithoutCode, span);
            return null;
        }

        if (extent.End - extent.Start > limits.MaxScalarLength)
        {
            diagnostics.Report(DiagnosticDescriptors.DslValueTooLong, new TextSpan(span.Start, 0), "expression", extent.End - extent.Start, limits.MaxScalarLength);
            return null;
        }

        var text = masked.Substring(offset + extent.Start, extent.End - extent.Start);
        return ExpressionParser.Parse(text, ScalarOffsetMap.Verbatim(offset + extent.Start), limits.MaxNestingDepth, diagnostics, what);
    }

    // The word 'identity' is the DSL's 'identity: true' (spec v1.1 §8): the same tree as the YAML, at the word.
    private AttributeSyntax Attribute(DslAttribute a)
    {
        ValueSyntax? value = a.Default switch
        {
            null => null,
            { Scalar: { } scalar } d => new ValueSyntax(Token(scalar), null, Span(d.Start, d.End)),
            var d => new ValueSyntax(null, [.. d.List!.Value.Select(Token)], Span(d.Start, d.End)),
        };
        return new AttributeSyntax(Token(a.Name), Token(a.Type), value, a.Identity is { } identity ? new SyntaxToken("true", Token(identity).Span) : null);
    }

    private SyntaxToken? Word(DslDeclaration d, string keyword) =>
        d.Clauses.FirstOrDefault(c => c.Keyword.Text == keyword)?.Value is DslWord w ? Token(w) : null;

    private TextSpan DeclarationSpan(DslDeclaration d)
    {
        var end = d.Clauses.Select(c => c.Value is DslWord w ? w.End : c.Keyword.End).DefaultIfEmpty(d.Keyword.End).Max();
        return Span(d.Keyword.Start, end);
    }

    private static int ClauseEnd(DslClause c) => c.Value switch
    {
        DslWord w => w.End,
        ImmutableArray<DslWord> { Length: > 0 } words => words[^1].End,
        _ => c.Keyword.End,
    };

    private ImmutableArray<SyntaxToken> Tokens(DslClause clause) => [.. ((ImmutableArray<DslWord>)clause.Value!).Select(Token)];

    private SyntaxToken? Optional(DslWord? word) => word is null ? null : Token(word);

    private SyntaxToken Token(DslWord word) => new(word.Text, Span(word.Start, word.End));

    private TextSpan Span(int start, int end) => TextSpan.FromBounds(offset + start, offset + end);

    private static string Describe(string text, int at, IEnumerable<string> expectations)
    {
        string found;
        if (at < text.Length && text[at] is '\n' or '\r')
        {
            found = "unexpected end of line";
        }
        else if (at >= text.Length || string.IsNullOrWhiteSpace(text[at..]))
        {
            found = "unexpected end of the declaration";
        }
        else
        {
            var end = at;
            while (end < text.Length && end - at < 20 && DslGrammar.IsValueChar(text[end]))
            {
                end++;
            }

            found = $"unexpected '{text[at..Math.Max(end, at + 1)]}'";
        }

        var expected = expectations.Where(e => !string.IsNullOrEmpty(e)).Distinct().ToList();
        return expected.Count switch
        {
            0 => found,
            1 => $"{found}; expected {expected[0]}",
            _ => $"{found}; expected {string.Join(", ", expected.Take(expected.Count - 1))} or {expected[^1]}",
        };
    }
}
