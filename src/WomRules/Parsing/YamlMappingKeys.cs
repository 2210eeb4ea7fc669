using WomRules.Diagnostics;

namespace WomRules.Parsing;

/// <summary>Reads a mapping's entries by key, the one way both campaign and scenario files do it.</summary>
internal static class YamlMappingKeys
{
    /// <summary>
    /// The entries of a mapping by key, reporting keys outside <paramref name="allowed"/> at the key (null: any key).
    /// A blank value counts as an empty free-form mapping; anything else that is not a mapping is reported.
    /// </summary>
    public static Dictionary<string, KeyValuePair<YamlScalar, YamlNode>>? Read(YamlNode node, string what, string[]? allowed, DiagnosticBag diagnostics)
    {
        if (node is YamlScalar { IsPlainEmpty: true } && allowed is null)
        {
            return [];
        }

        if (node is not YamlMapping mapping)
        {
            diagnostics.Report(DiagnosticDescriptors.ExpectedMapping, node.Span, what);
            return null;
        }

        var result = new Dictionary<string, KeyValuePair<YamlScalar, YamlNode>>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (allowed is not null && !allowed.Contains(entry.Key.Value))
            {
                diagnostics.Report(DiagnosticDescriptors.UnknownKey, entry.Key.Span, entry.Key.Value, string.Join(", ", allowed), Binding.NameSuggestions.DidYouMean(diagnostics, entry.Key.Value, allowed));
                continue;
            }

            result[entry.Key.Value] = entry;
        }

        return result;
    }
}
