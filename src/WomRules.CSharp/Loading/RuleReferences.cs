using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace WomRules.CSharp.Loading;

/// <summary>
/// The few assemblies C# rules compile against: the core library, System.Runtime, LINQ (for list membership) and
/// WomRules (for the globals). Fewer references means fewer names resolve at all; the allow-list is still what keeps
/// the rest out, since file I/O lives in the core library itself.
/// </summary>
internal static class RuleReferences
{
    private static readonly Lazy<(ImmutableArray<MetadataReference> References, string? Error)> Loaded = new(Load);

    public static (ImmutableArray<MetadataReference> References, string? Error) Get() => Loaded.Value;

    private static (ImmutableArray<MetadataReference>, string?) Load()
    {
        var wanted = new[] { "System.Private.CoreLib", "System.Runtime", "System.Linq", "System.Collections", "System.Collections.Immutable" };
        var platform = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var paths = new List<string>();
        foreach (var name in wanted)
        {
            if (platform.TryGetValue(name, out var path))
            {
                paths.Add(path);
            }
        }

        var core = typeof(Runtime.CampaignEngine).Assembly.Location;
        if (paths.Count < 3 || string.IsNullOrEmpty(core) || !File.Exists(core))
        {
            // Single-file or trimmed hosts have no assembly files to compile against.
            return ([], "the platform assemblies are not available as files (single-file or trimmed host)");
        }

        paths.Add(core);
        return ([.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))], null);
    }
}
