using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>Attributes as a host passes them in an <see cref="EngagementEvent"/>.</summary>
internal readonly struct DictionaryAttributeSource(IReadOnlyDictionary<string, object?>? attributes) : IAttributeSource
{
    public bool TryRead(AttributeSymbol attribute, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (attributes is null || !attributes.TryGetValue(attribute.Name, out var raw) || raw is null)
        {
            return false;
        }

        error = AttributeValues.TryConvert(raw, attribute, out value);
        return true;
    }
}
