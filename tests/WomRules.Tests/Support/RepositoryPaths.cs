namespace WomRules.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static IEnumerable<string> ExampleNames =>
        Directory.GetDirectories(Examples).Where(d => File.Exists(Path.Combine(d, "campaign.yaml"))).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

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
