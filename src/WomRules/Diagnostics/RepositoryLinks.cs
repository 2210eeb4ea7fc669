using System.Reflection;

namespace WomRules.Diagnostics;

/// <summary>
/// Links into the repository, built from the MSBuild property WomRulesRepositoryUrl (Directory.Build.props), which
/// reaches the code as assembly metadata: one address for package metadata, HelpLink and SARIF helpUri.
/// </summary>
internal static class RepositoryLinks
{
    public static readonly string RepositoryUrl =
        typeof(RepositoryLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WomRulesRepositoryUrl").Value!.TrimEnd('/');

    /// <summary>The docs ship with the repository; links point at the default branch.</summary>
    public static readonly string DocsBaseUri = RepositoryUrl + "/blob/main/";
}
