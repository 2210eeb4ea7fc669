using WomRules.Tests.Support;

namespace WomRules.Packaging.Tests.Support;

/// <summary>What git says about the clone the packages were built from, or null where there is no git repository.</summary>
internal static class GitRepository
{
    public static string? Head { get; } = Git("rev-parse", "HEAD");

    public static string? OriginUrl { get; } = Git("config", "--get", "remote.origin.url");

    /// <summary>SourceLink's built-in providers map sources only for hosts they know; this repository's is GitHub.</summary>
    public static bool OriginIsGitHub =>
        OriginUrl is not null && (OriginUrl.StartsWith("https://github.com/", StringComparison.OrdinalIgnoreCase) || OriginUrl.StartsWith("git@github.com:", StringComparison.OrdinalIgnoreCase));

    private static string? Git(params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(RepositoryPaths.Root, ".git")) && !File.Exists(Path.Combine(RepositoryPaths.Root, ".git")))
        {
            return null;
        }

        try
        {
            var result = ChildProcess.Run("git", arguments, RepositoryPaths.Root, TimeSpan.FromSeconds(30));
            return result.Succeeded ? result.StandardOutput.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on the PATH
        }
    }
}
