using WomRules.Cli.Reporting;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>
/// <c>womrules check CAMPAIGN|DIR|- [--format text|json|sarif]</c>: prints diagnostics as <c>path(line,col): error
/// WOM1234: message</c> (text, the default), as one JSON document, or as SARIF 2.1.0 for CI annotations. A folder is
/// checked file by file (<see cref="CampaignFolder"/>); its JSON is an array of the files' documents and its SARIF one
/// run over all of them. Exit codes do not depend on the format; a folder's is the worst of its files'.
/// </summary>
internal static class CheckCommand
{
    public static readonly string[] Formats = ["text", "json", "sarif"];

    public static int Run(string path, string format, bool allowCSharp, CliConsole console)
    {
        if (!Formats.Contains(format))
        {
            throw new UsageException($"unknown format '{format}'; use text, json or sarif.");
        }

        var folder = path != StandardInput.Argument && Directory.Exists(path);
        var files = folder ? CampaignFolder.Find(path) : [path];
        if (files.Count == 0)
        {
            console.Error.WriteLine($"womrules: no campaign files ({CampaignFolder.Description}) under '{MessageText.EscapePath(path)}'.");
            return ExitCodes.BadUsage;
        }

        var exitCode = ExitCodes.Success;
        var reports = new List<DiagnosticReport>();
        foreach (var file in files)
        {
            var compilation = CampaignLoader.Load(file, console, allowCSharp);
            if (compilation is null)
            {
                exitCode = Math.Max(exitCode, ExitCodes.BadUsage);
                continue;
            }

            var shown = CampaignSource.DisplayName(file);
            var report = DiagnosticReport.From(compilation, shown);
            if (format == "text")
            {
                CampaignLoader.Print(compilation.GetDiagnostics(), console.Out);
            }

            reports.Add(report);
            console.Error.WriteLine($"{MessageText.EscapePath(shown)}: {report.Errors} error(s), {report.Warnings} warning(s)");
            exitCode = Math.Max(exitCode, report.Errors > 0 ? ExitCodes.CampaignHasErrors : ExitCodes.Success);
        }

        if (format != "text" && (folder || reports.Count > 0))
        {
            using var buffer = new MemoryStream();
            if (format == "json")
            {
                JsonDiagnosticWriter.Write(reports, many: folder, buffer);
            }
            else
            {
                SarifWriter.Write(reports, folder ? path : reports[0].Path, buffer);
            }

            console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return exitCode;
    }
}
