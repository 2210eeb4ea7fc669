using System.Text;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>Reads a campaign file's text for the commands that print it (fmt, convert), with check's rules for a missing or oversized file.</summary>
internal static class CampaignSource
{
    /// <summary>
    /// The file's text (standard input's for '-'), or null after reporting (exit 2: no such file; exit 1: too large,
    /// via its diagnostic, printed to <paramref name="diagnostics"/>).
    /// </summary>
    public static string? Read(string path, CliConsole console, TextWriter diagnostics, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        var max = CompilationOptions.Default.MaxFileSize;
        if (path == StandardInput.Argument)
        {
            var text = StandardInput.ReadCampaign(console, max, out var length);
            if (text is null)
            {
                CampaignLoader.Print(CampaignCompilation.TooLarge(StandardInput.DisplayName, length, CompilationOptions.Default).GetDiagnostics(), diagnostics);
                exitCode = ExitCodes.CampaignHasErrors;
            }

            return text;
        }

        if (Directory.Exists(path) || !File.Exists(path))
        {
            console.Error.WriteLine($"womrules: cannot read the campaign file '{MessageText.EscapePath(path)}': no such file.");
            exitCode = ExitCodes.BadUsage;
            return null;
        }

        if (new FileInfo(path).Length > max)
        {
            // Let the compiler say it (WOM0001) without reading the whole file.
            CampaignLoader.Print(CampaignCompilation.FromFile(path).GetDiagnostics(), diagnostics);
            exitCode = ExitCodes.CampaignHasErrors;
            return null;
        }

        return File.ReadAllText(path, Encoding.UTF8);
    }

    /// <summary>The name a campaign goes by in messages and diagnostics, and that picks its form.</summary>
    public static string DisplayName(string path) => path == StandardInput.Argument ? StandardInput.DisplayName : path;
}
