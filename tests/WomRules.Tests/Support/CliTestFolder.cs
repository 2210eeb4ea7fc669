using WomRules.Cli;

namespace WomRules.Tests.Support;

/// <summary>Runs the CLI in-process against files in a temporary folder that is deleted after each test.</summary>
public abstract class CliTestFolder : IDisposable
{
    protected CliTestFolder(string prefix) => Folder = Directory.CreateTempSubdirectory(prefix).FullName;

    protected string Folder { get; }

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString());
    }

    protected string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
