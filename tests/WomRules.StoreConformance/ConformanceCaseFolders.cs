namespace WomRules.StoreConformance;

/// <summary>Finds ../shared/conformance/v1.1 beside the repository (the folder holding WomRules.sln), loudly when it is not there.</summary>
public static class ConformanceCaseFolders
{
    /// <summary>The case names, in order.</summary>
    public static string[] Names() =>
        [.. Directory.GetDirectories(Root()).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>One case's folder.</summary>
    public static string Folder(string name) => Path.Combine(Root(), name);

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WomRules.sln")))
            {
                var cases = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "v1.1"));
                return Directory.Exists(cases) ? cases : throw new DirectoryNotFoundException($"The conformance cases are missing: expected them at {cases}.");
            }
        }

        throw new DirectoryNotFoundException("WomRules.sln not found above the test's folder, so neither are the conformance cases.");
    }
}
