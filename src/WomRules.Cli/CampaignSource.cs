using System.Text;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>Reads a campaign file's text for the commands that print it (fmt, convert), with check's rules for a missing or oversized file.</summary>
internal static class CampaignSource
{
    /// <summary>The file's text, or null after reporting (exit 2: no such file; exit 1: too large, via its diagnostic).</summary>
    public static string? Read(string path, TextWriter stdout, TextWriter stderr, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        if (Directory.Exists(path) || !File.Exists(path))
        {
            stderr.WriteLine($"womrules: cannot read the campaign file '{MessageText.EscapePath(path)}': no such file.");
            exitCode = ExitCodes.BadUsage;
            return null;
        }

        if (new FileInfo(path).Length > CompilationOptions.Default.MaxFileSize)
        {
            // Let the compiler say it (WOM0001) without reading the whole file.
            CampaignLoader.Print(CampaignCompilation.FromFile(path).GetDiagnostics(), stdout);
            exitCode = ExitCodes.CampaignHasErrors;
            return null;
        }

        return File.ReadAllText(path, Encoding.UTF8);
    }
}
