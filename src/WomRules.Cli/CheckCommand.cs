using WomRules.Cli.Reporting;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>
/// <c>womrules check CAMPAIGN [--format text|json|sarif]</c>: prints diagnostics as <c>path(line,col): error WOM1234:
/// message</c> (text, the default), as one JSON document, or as SARIF 2.1.0 for CI annotations. Exit codes do not
/// depend on the format.
/// </summary>
internal static class CheckCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var allowCSharp = false;
        var format = "text";
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--format")
            {
                format = i + 1 < args.Length ? args[++i] : throw new UsageException("--format needs text, json or sarif.");
            }
            else if (args[i].StartsWith("--format=", StringComparison.Ordinal))
            {
                format = args[i]["--format=".Length..];
            }
            else if (args[i] == CampaignLoader.AllowCSharpFlag)
            {
                allowCSharp = true;
            }
            else if (args[i].StartsWith('-'))
            {
                throw new UsageException($"unknown option '{args[i]}'.");
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        if (positional.Count != 1)
        {
            throw new UsageException("check takes exactly one campaign file.");
        }

        if (format is not ("text" or "json" or "sarif"))
        {
            throw new UsageException($"unknown format '{format}'; use text, json or sarif.");
        }

        var path = positional[0];
        var compilation = CampaignLoader.Load(path, stderr, allowCSharp);
        if (compilation is null)
        {
            return ExitCodes.BadUsage;
        }

        var diagnostics = compilation.GetDiagnostics();
        if (format == "text")
        {
            CampaignLoader.Print(diagnostics, stdout);
        }
        else
        {
            var report = DiagnosticReport.From(compilation, path);
            using var buffer = new MemoryStream();
            if (format == "json")
            {
                JsonDiagnosticWriter.Write(report, buffer);
            }
            else
            {
                SarifWriter.Write(report, buffer);
            }

            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Length - errors;
        stderr.WriteLine($"{MessageText.EscapePath(path)}: {errors} error(s), {warnings} warning(s)");
        return errors > 0 ? ExitCodes.CampaignHasErrors : ExitCodes.Success;
    }
}
