namespace WomRules.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static IEnumerable<string> ExampleNames =>
        Directory.GetDirectories(Examples).Where(d => File.Exists(Path.Combine(d, "campaign.yaml"))).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Every example's campaign in both forms (campaign.yaml and campaign.wom), not its scenario file.</summary>
    public static IEnumerable<string> ExampleCampaignFiles =>
        ExampleNames.SelectMany(name => new[] { "campaign.yaml", "campaign.wom" }.Select(file => Path.Combine(Examples, name, file))).Where(File.Exists);

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
