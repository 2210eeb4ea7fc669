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

    /// <param name="Description">The catalogue's message template, as docs/diagnostics.md quotes it.</param>
    public sealed record Entry(Diagnostic Diagnostic, int EndLine, int EndColumn, string Title, string Description)
    {
        /// <summary>The title as one PascalCase word (SARIF's rule name): "Unknown event attribute" is UnknownEventAttribute.</summary>
        public string Name => string.Concat(Title.Split([' ', '-', '\'', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

        public string HelpUri => Diagnostic.HelpLink;
    }

    public static DiagnosticReport From(CampaignCompilation compilation, string path)
    {
        var entries = compilation.GetDiagnostics().Select(d =>
        {
            var end = compilation.Source.GetLinePosition(d.Span.End);
            return Catalogue.TryGetValue(d.Id, out var descriptor)
                ? new Entry(d, end.Line + 1, end.Character + 1, descriptor.Title, descriptor.MessageFormat)
                : new Entry(d, end.Line + 1, end.Character + 1, d.Id, d.Message);
        });
        return new DiagnosticReport(path, [.. entries]);
    }

    public int Errors => Entries.Count(e => e.Diagnostic.IsError);

    public int Warnings => Entries.Length - Errors;

    public static string Level(Diagnostic diagnostic) => diagnostic.IsError ? "error" : "warning";
}
