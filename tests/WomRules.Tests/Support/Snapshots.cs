using System.Runtime.CompilerServices;
using Snapshooter;
using Snapshooter.Xunit;

namespace WomRules.Tests.Support;

/// <summary>
/// Snapshot matching through Snapshooter, with the one-flag update: run the tests with <c>UPDATE_SNAPSHOTS=1</c> to
/// replace the approved snapshots with what the code produces now (review the diff before committing).
/// CI sets <c>SNAPSHOOTER_STRICT_MODE=on</c>, so a missing snapshot fails there instead of being created.
/// </summary>
internal static class Snapshots
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") is "1" or "true";

    public static void Match(string text, string name, [CallerFilePath] string callerFile = "", [CallerMemberName] string member = "")
    {
        if (Updating)
        {
            var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "__snapshots__");
            var pattern = $"*.{member}_{name}.snap";
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, pattern))
                {
                    File.Delete(file);
                }
            }
        }

        Snapshot.Match(text, new SnapshotNameExtension(name));
    }

    /// <summary>Compares with a golden file kept beside the examples; rewrites it under <c>UPDATE_SNAPSHOTS=1</c>.</summary>
    public static void MatchFile(string text, string path)
    {
        if (Updating || !File.Exists(path))
        {
            if (!Updating && Environment.GetEnvironmentVariable("CI") is "true")
            {
                throw new Xunit.Sdk.XunitException($"The golden file {path} is missing; run the tests with UPDATE_SNAPSHOTS=1 and commit it.");
            }

            File.WriteAllText(path, text);
            return;
        }

        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(text, $"the output should match the golden file {path} (UPDATE_SNAPSHOTS=1 updates it)");
    }
}
