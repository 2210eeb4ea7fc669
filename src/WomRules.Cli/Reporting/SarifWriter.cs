using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using WomRules.Diagnostics;

namespace WomRules.Cli.Reporting;

/// <summary>
/// <c>check --format sarif</c>: SARIF 2.1.0, the format GitHub code scanning and other CI systems read to annotate
/// the lines of a change. One run (for a folder, over all its files); the driver lists the rules that were reported, each result points at its rule.
/// </summary>
internal static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private const string SourceRootId = "%SRCROOT%";

    public static void Write(DiagnosticReport report, Stream output) => Write([report], report.Path, output);

    /// <summary>One run over the reports of several files (a folder): <paramref name="category"/> names the run.</summary>
    public static void Write(IReadOnlyList<DiagnosticReport> reports, string category, Stream output)
    {
        var rules = reports.SelectMany(r => r.Entries).GroupBy(e => e.Diagnostic.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Diagnostic.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" });
        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "womrules");
        writer.WriteString("semanticVersion", Version());
        writer.WriteString("informationUri", RepositoryLinks.DocsBaseUri + "README.md");
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Diagnostic.Id);
            writer.WriteString("name", rule.Name);
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.Title);
            writer.WriteEndObject();
            writer.WriteStartObject("fullDescription");
            writer.WriteString("text", rule.Description);
            writer.WriteEndObject();
            writer.WriteString("helpUri", rule.HelpUri);
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", DiagnosticReport.Level(rule.Diagnostic));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();

        // One category per campaign file, so a workflow can upload a folder of SARIF files (one per campaign)
        // without two runs of the same tool claiming the same category.
        writer.WriteStartObject("automationDetails");
        writer.WriteString("id", $"womrules/{Relative(Path.TrimEndingDirectorySeparator(category))}/");
        writer.WriteEndObject();
        // Code scanning resolves each relative artifact uri against %SRCROOT%: the directory womrules ran in (the checkout).
        writer.WriteStartObject("originalUriBaseIds");
        writer.WriteStartObject(SourceRootId);
        writer.WriteString("uri", SourceRoot());
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("columnKind", "utf16CodeUnits");
        writer.WriteStartArray("results");
        foreach (var (report, entry) in reports.SelectMany(r => r.Entries.Select(e => (r, e))))
        {
            var d = entry.Diagnostic;
            writer.WriteStartObject();
            writer.WriteString("ruleId", d.Id);
            writer.WriteNumber("ruleIndex", ruleIndex[d.Id]);
            writer.WriteString("level", DiagnosticReport.Level(d));
            writer.WriteStartObject("message");
            writer.WriteString("text", d.Message);
            writer.WriteEndObject();
            writer.WriteStartArray("locations");
            writer.WriteStartObject();
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            WriteUri(writer, d.Path ?? report.Path);
            writer.WriteEndObject();
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", d.Line);
            writer.WriteNumber("startColumn", d.Column);
            writer.WriteNumber("endLine", entry.EndLine);
            writer.WriteNumber("endColumn", entry.EndColumn);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// A relative path stays relative to %SRCROOT% (the current directory), and so does an absolute one under it, so
    /// code scanning maps it to the repository's file; an absolute path elsewhere keeps its absolute file uri.
    /// </summary>
    private static void WriteUri(Utf8JsonWriter writer, string path)
    {
        if (Path.IsPathRooted(path))
        {
            var full = Path.GetFullPath(path);
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
            if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                writer.WriteString("uri", new Uri(full).AbsoluteUri);
                return;
            }

            path = relative;
        }

        writer.WriteString("uri", Uri.EscapeDataString(Relative(path)).Replace("%2F", "/", StringComparison.Ordinal));
        writer.WriteString("uriBaseId", SourceRootId);
    }

    /// <summary>The current directory as a file uri ending in '/', as SARIF requires of a base uri.</summary>
    private static string SourceRoot() =>
        new Uri(Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory()) + Path.DirectorySeparatorChar).AbsoluteUri;

    private static string Relative(string path)
    {
        var relative = path.Replace('\\', '/');
        while (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative[2..];
        }

        return relative;
    }

    private static string Version()
    {
        var version = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
