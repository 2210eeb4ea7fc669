using System.Text.Encodings.Web;
using System.Text.Json;

namespace WomRules.Cli.Reporting;

/// <summary>
/// <c>check --format json</c>: one JSON document with every diagnostic, 1-based lines and columns, end exclusive; for
/// a folder, an array of one such object per file.
/// </summary>
internal static class JsonDiagnosticWriter
{
    public static void Write(DiagnosticReport report, Stream output) => Write([report], many: false, output);

    public static void Write(IReadOnlyList<DiagnosticReport> reports, bool many, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" });
        if (many)
        {
            writer.WriteStartArray();
        }

        foreach (var report in reports)
        {
            Write(report, writer);
        }

        if (many)
        {
            writer.WriteEndArray();
        }
    }

    private static void Write(DiagnosticReport report, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("path", report.Path);
        writer.WriteNumber("errors", report.Errors);
        writer.WriteNumber("warnings", report.Warnings);
        writer.WriteStartArray("diagnostics");
        foreach (var entry in report.Entries)
        {
            var d = entry.Diagnostic;
            writer.WriteStartObject();
            writer.WriteString("id", d.Id);
            writer.WriteString("severity", DiagnosticReport.Level(d));
            writer.WriteString("title", entry.Title);
            writer.WriteString("message", d.Message);
            writer.WriteString("path", d.Path ?? report.Path);
            writer.WriteNumber("line", d.Line);
            writer.WriteNumber("column", d.Column);
            writer.WriteNumber("endLine", entry.EndLine);
            writer.WriteNumber("endColumn", entry.EndColumn);
            writer.WriteString("helpUri", entry.HelpUri);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
