using System.Text;
using WomRules.Formatting;
using WomRules.Text;

namespace WomRules.Cli;

/// <summary>
/// <c>womrules fmt FILE… [--check | --write]</c>: prints a campaign in its form's canonical layout; <c>--check</c> lists
/// the files that are not in it and exits 1 (for CI); <c>--write</c> rewrites them in place, atomically.
/// </summary>
internal static class FormatCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var check = false;
        var write = false;
        var files = new List<string>();
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--check": check = true; break;
                case "--write": write = true; break;
                case var a when a.StartsWith('-'): throw new UsageException($"fmt does not know the option '{a}'.");
                default: files.Add(arg); break;
            }
        }

        if (files.Count == 0 || (check && write) || (!check && !write && files.Count > 1))
        {
            throw new UsageException("fmt takes one campaign file, or several with --check or --write (not both).");
        }

        var exitCode = ExitCodes.Success;
        foreach (var file in files)
        {
            exitCode = Math.Max(exitCode, FormatOne(file, check, write, stdout, stderr));
        }

        return exitCode;
    }

    private static int FormatOne(string file, bool check, bool write, TextWriter stdout, TextWriter stderr)
    {
        var text = CampaignSource.Read(file, stdout, stderr, out var exitCode);
        if (text is null)
        {
            return exitCode;
        }

        var format = CampaignFormats.Detect(file, text);
        var result = CampaignFormatter.Format(text, file, format, format);
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

            stdout.WriteLine($"{MessageText.EscapePath(file)}: not formatted (womrules fmt --write {MessageText.EscapePath(file)})");
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
