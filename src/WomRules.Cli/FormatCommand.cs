using System.Text;
using WomRules.Formatting;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>
/// <c>womrules fmt FILE|DIR|-… [--check | --write]</c>: prints a campaign in its form's canonical layout; <c>--check</c>
/// lists the files that are not in it and exits 1 (for CI); <c>--write</c> rewrites them in place, atomically. A folder
/// stands for the campaigns in it (<see cref="CampaignFolder"/>) and needs --check or --write; '-' is standard input,
/// printed or checked, never written.
/// </summary>
internal static class FormatCommand
{
    public static int Run(IReadOnlyList<string> paths, bool check, bool write, CliConsole console)
    {
        if (paths.Count == 0 || (check && write) || (!check && !write && paths.Count > 1))
        {
            throw new UsageException("fmt takes one campaign file, or several with --check or --write (not both).");
        }

        if (paths.Contains(StandardInput.Argument) && (write || paths.Count > 1))
        {
            throw new UsageException("fmt reads standard input ('-') alone, to print or --check it; --write needs files.");
        }

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (path == StandardInput.Argument || !Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }

            if (!check && !write)
            {
                throw new UsageException("fmt prints one campaign; a folder needs --check or --write.");
            }

            var found = CampaignFolder.Find(path);
            if (found.Count == 0)
            {
                console.Error.WriteLine($"womrules: no campaign files ({CampaignFolder.Description}) under '{MessageText.EscapePath(path)}'.");
                return ExitCodes.BadUsage;
            }

            files.AddRange(found);
        }

        var exitCode = ExitCodes.Success;
        foreach (var file in files)
        {
            exitCode = Math.Max(exitCode, FormatOne(file, check, write, console));
        }

        return exitCode;
    }

    private static int FormatOne(string file, bool check, bool write, CliConsole console)
    {
        var (stdout, stderr) = (console.Out, console.Error);
        var text = CampaignSource.Read(file, console, stdout, out var exitCode);
        if (text is null)
        {
            return exitCode;
        }

        var name = CampaignSource.DisplayName(file);
        var format = CampaignFormats.Detect(name, text);
        var result = CampaignFormatter.Format(text, name, format, format);
        if (result.Text is null)
        {
            CampaignLoader.Print(result.Diagnostics, stdout);
            return ExitCodes.CampaignHasErrors;
        }

        // Line endings are the checkout's business (git may turn LF into CRLF), not the layout's.
        var formatted = result.Text == text.ReplaceLineEndings("\n");
        if (check)
        {
            if (formatted)
            {
                return ExitCodes.Success;
            }

            stdout.WriteLine(file == StandardInput.Argument
                ? $"{name}: not formatted"
                : $"{MessageText.EscapePath(file)}: not formatted (womrules fmt --write {MessageText.EscapePath(file)})");
            return ExitCodes.CampaignHasErrors;
        }

        if (write)
        {
            if (!formatted)
            {
                AtomicFile.Write(file, stream => stream.Write(new UTF8Encoding(false).GetBytes(result.Text)));
                stderr.WriteLine($"{MessageText.EscapePath(file)}: formatted");
            }

            return ExitCodes.Success;
        }

        stdout.Write(result.Text);
        return ExitCodes.Success;
    }
}
