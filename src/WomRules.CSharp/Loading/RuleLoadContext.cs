using System.Reflection;
using System.Runtime.Loader;

namespace WomRules.CSharp.Loading;

/// <summary>
/// A collectible load context per compiled campaign source (the scripting loader's context never unloads, see
/// measured-facts). WomRules itself resolves to the instance the host loaded, so the generated code and the engine
/// share one <c>EvaluationContext</c> type even when the host runs in a plugin context.
/// </summary>
internal sealed class RuleLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    private static readonly Assembly Core = typeof(Runtime.CampaignEngine).Assembly;

    protected override Assembly? Load(AssemblyName assemblyName) =>
        AssemblyName.ReferenceMatchesDefinition(assemblyName, Core.GetName()) ? Core : null;
}
