namespace WomRules.Cli;

/// <summary><c>womrules check CAMPAIGN</c>: prints diagnostics as <c>path(line,col): error WOM1234: message</c>.</summary>
internal static class CheckCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var allowCSharp = args.Contains(CampaignLoader.AllowCSharpFlag);
        args = [.. args.Where(a => a != CampaignLoader.AllowCSharpFlag)];
        if (args.Length != 1 || args[0].StartsWith('-'))
        {
            throw new UsageException("check takes exactly one campaign file.");
        }

        var compilation = CampaignLoader.Load(args[0], stderr, allowCSharp);
        if (compilation is null)
        {
            return ExitCodes.BadUsage;
        }

        var diagnostics = compilation.GetDiagnostics();
        CampaignLoader.Print(diagnostics, stdout);
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Length - errors;
        stderr.WriteLine($"{args[0]}: {errors} error(s), {warnings} warning(s)");
        return errors > 0 ? ExitCodes.CampaignHasErrors : ExitCodes.Success;
    }
}
