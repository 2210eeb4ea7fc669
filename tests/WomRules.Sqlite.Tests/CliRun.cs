using WomRules.Cli;

namespace WomRules.Sqlite.Tests;

/// <summary>Runs the CLI in-process and finds the repository's examples.</summary>
internal static class CliRun
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name, string file) => Path.Combine(Root, "examples", name, file);

    public static IEnumerable<string> ExampleNames =>
        Directory.GetDirectories(Path.Combine(Root, "examples")).Where(d => File.Exists(Path.Combine(d, "events.jsonl"))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString());
    }

    public static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WomRules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find WomRules.sln above " + AppContext.BaseDirectory);
    }
}
