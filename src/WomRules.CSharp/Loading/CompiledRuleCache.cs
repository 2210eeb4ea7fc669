using System.Collections.Concurrent;
using System.Reflection;

namespace WomRules.CSharp.Loading;

/// <summary>
/// Compiled C# rule assemblies by the SHA-256 of their generated source, for the life of the process: recompiling the
/// same campaign (a host reloading it, a second engine, <c>check</c> then <c>run</c>) costs a hash, not a Roslyn run.
/// Bounded, so a host that compiles ever-new campaigns does not grow without limit: past <see cref="Capacity"/> the
/// oldest entry is dropped, and its collectible context unloads once no compiled campaign uses its delegates.
/// </summary>
internal static class CompiledRuleCache
{
    public const int Capacity = 256;

    private static readonly ConcurrentDictionary<string, Assembly> Entries = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<string> Order = new();

    public static int Count => Entries.Count;

    public static bool TryGet(string hash, out Assembly assembly) => Entries.TryGetValue(hash, out assembly!);

    public static Assembly Add(string hash, Assembly assembly)
    {
        if (!Entries.TryAdd(hash, assembly))
        {
            return Entries[hash];
        }

        Order.Enqueue(hash);
        while (Entries.Count > Capacity && Order.TryDequeue(out var oldest))
        {
            Entries.TryRemove(oldest, out _);
        }

        return assembly;
    }

    /// <summary>For tests and benchmarks: forget everything, so the next compilation is cold.</summary>
    internal static void Clear()
    {
        Entries.Clear();
        Order.Clear();
    }
}
