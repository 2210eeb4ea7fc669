using WomRules.Diagnostics;

namespace WomRules.Cli;

/// <summary>Reads a campaign file for a command, telling an unreadable file (exit 2) from a campaign with errors (exit 1).</summary>
internal static class CampaignLoader
{
    public static CampaignCompilation? Load(string path, TextWriter stderr)
    {
        if (Directory.Exists(path) || !File.Exists(path))
        {
            stderr.WriteLine($"womrules: cannot read the campaign file '{path}': no such file.");
            return null;
        }

        var compilation = CampaignCompilation.FromFile(path);
        var unreadable = compilation.GetDiagnostics().FirstOrDefault(d => d.Id == "WOM0004");
        if (unreadable is not null)
        {
            stderr.WriteLine($"womrules: cannot read the campaign file '{path}': {unreadable.Message}");
            return null;
        }

        return compilation;
    }

    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
        }
    }
}
