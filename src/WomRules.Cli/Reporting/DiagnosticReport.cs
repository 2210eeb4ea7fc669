using System.Collections.Immutable;
using System.Reflection;
using WomRules.Diagnostics;

namespace WomRules.Cli.Reporting;

/// <summary>What <c>check --format json|sarif</c> reports: the diagnostics of one file with their end positions and catalogue entries.</summary>
internal sealed record DiagnosticReport(string Path, ImmutableArray<DiagnosticReport.Entry> Entries)
{
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> Catalogue =
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToImmutableDictionary(d => d.Id, StringComparer.Ordinal);

    public sealed record Entry(Diagnostic Diagnostic, int EndLine, int EndColumn, string Title)
    {
        public string HelpUri => Diagnostic.HelpLink;
    }

    public static DiagnosticReport From(CampaignCompilation compilation, string path)
    {
        var entries = compilation.GetDiagnostics().Select(d =>
        {
            var end = compilation.Source.GetLinePosition(d.Span.End);
            var title = Catalogue.TryGetValue(d.Id, out var descriptor) ? descriptor.Title : d.Id;
            return new Entry(d, end.Line + 1, end.Character + 1, title);
        });
        return new DiagnosticReport(path, [.. entries]);
    }

    public int Errors => Entries.Count(e => e.Diagnostic.IsError);

    public int Warnings => Entries.Length - Errors;

    public static string Level(Diagnostic diagnostic) => diagnostic.IsError ? "error" : "warning";
}
