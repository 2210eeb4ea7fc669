using System.Text.Json;
using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>Attributes as the <c>attributes</c> object of an events-file line; a JSON null is an absent attribute.</summary>
internal readonly struct JsonAttributeSource(JsonElement? attributes) : IAttributeSource
{
    public bool TryRead(AttributeSymbol attribute, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (attributes is not { } obj || !obj.TryGetProperty(attribute.Name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        error = AttributeValues.TryConvertJson(element, attribute, out value);
        return true;
    }
}
