using System.Text;
using WomRules.Diagnostics;
using WomRules.Parsing;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Formatting;

/// <summary>
/// <c>fmt</c> and <c>convert</c>: parse a campaign of either form and print it in the canonical layout of either form,
/// carrying its comments over. A file that does not parse is not printed: its diagnostics are returned instead.
/// </summary>
internal static class CampaignFormatter
{
    public static FormatResult Format(string text, string? path, CampaignFormat from, CampaignFormat to, CompilationOptions? options = null)
    {
        options ??= CompilationOptions.Default;
        var source = new SourceText(text, path);
        var bag = new DiagnosticBag(source);
        var syntax = CampaignParser.Parse(source, from, options, bag);
        if (syntax is null || bag.HasErrors)
        {
            return new FormatResult(null, bag.ToImmutable());
        }

        IEnumerable<SyntaxComment> comments = from == CampaignFormat.Dsl ? DslScanner.Scan(text, ReaderLimits.From(options), null).Comments : YamlComments.Read(source);
        if (to != from)
        {
            // The modeline tells a YAML editor where the schema is; it means nothing in another form.
            comments = comments.Where(c => !c.Text.TrimStart().StartsWith("yaml-language-server:", StringComparison.Ordinal));
        }

        // Canonical spacing can lengthen a dense expression past the scalar limit both readers apply (spec §9):
        // refused here, at the expression, rather than printed as a file that neither form would read back.
        var limit = options.MaxScalarLength;
        foreach (var (expression, printed) in PrintedExpressions.Of(syntax).Where(p => p.Text.Length > limit))
        {
            if (to == CampaignFormat.Dsl)
            {
                bag.Report(DiagnosticDescriptors.DslValueTooLong, expression.Span, "expression", printed.Length, limit);
            }
            else
            {
                bag.Report(DiagnosticDescriptors.ScalarTooLong, expression.Span, printed.Length, limit);
            }
        }

        if (to == CampaignFormat.Yaml)
        {
            // Event types and attributes are implicit keys in YAML, which hold at most 1024 characters (YAML 1.2 §7.4).
            var keys = syntax.Events.Select(e => e.Name).Concat(syntax.Events.SelectMany(e => e.Attributes).Concat(syntax.Participant).Select(a => a.Name));
            foreach (var key in keys.Where(k => YamlScalars.Write(k.Text, flow: false).Length > YamlTreeReader.MaxImplicitKeyLength))
            {
                bag.Report(DiagnosticDescriptors.KeyTooLong, key.Span, key.Text.Length, YamlTreeReader.MaxImplicitKeyLength);
            }
        }

        var map = CommentMap.Build(syntax, source, comments);
        var output = to == CampaignFormat.Dsl ? DslWriter.Write(syntax, map, bag) : YamlWriter.Write(syntax, map);
        return new FormatResult(bag.HasErrors ? null : output, bag.ToImmutable());
    }
}
