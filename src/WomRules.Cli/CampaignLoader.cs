using WomRules.CSharp;
using WomRules.Diagnostics;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>Reads a campaign file for a command, telling an unreadable file (exit 2) from a campaign with errors (exit 1).</summary>
internal static class CampaignLoader
{
    /// <summary>Opts in to C# rules (<c>lang: csharp</c>) for <c>check</c> and <c>run</c>; off by default (WOM3031).</summary>
    public const string AllowCSharpFlag = "--allow-csharp";

    public static CampaignCompilation? Load(string path, TextWriter stderr, bool allowCSharp = false)
    {
        if (Directory.Exists(path) || !File.Exists(path))
        {
            stderr.WriteLine($"womrules: cannot read the campaign file '{MessageText.EscapePath(path)}': no such file.");
            return null;
        }

        var compilation = CampaignCompilation.FromFile(path, Options(allowCSharp));
        var unreadable = compilation.GetDiagnostics().FirstOrDefault(d => d.Id == "WOM0004");
        if (unreadable is not null)
        {
            stderr.WriteLine($"womrules: cannot read the campaign file '{MessageText.EscapePath(path)}': {unreadable.Message}");
            return null;
        }

        return compilation;
    }

    /// <summary>A campaign file, or standard input for '-' (named <c>&lt;stdin&gt;</c>, its form sniffed from the text).</summary>
    public static CampaignCompilation? Load(string path, CliConsole console, bool allowCSharp = false)
    {
        if (path != StandardInput.Argument)
        {
            return Load(path, console.Error, allowCSharp);
        }

        var options = Options(allowCSharp);
        var text = StandardInput.ReadCampaign(console, options.MaxFileSize, out var length);
        return text is null
            ? CampaignCompilation.TooLarge(StandardInput.DisplayName, length, options)
            : CampaignCompilation.Create(text, StandardInput.DisplayName, options);
    }

    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
        }
    }

    private static CompilationOptions Options(bool allowCSharp) => allowCSharp ? CompilationOptions.Default.WithCSharp() : CompilationOptions.Default;
}
