using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>Attributes a <see cref="Utf8EventReader"/> has already converted into their slots; a JSON null is an absent attribute.</summary>
internal readonly struct Utf8AttributeSource(Utf8EventReader reader, object?[] values) : IAttributeSource
{
    public bool TryRead(AttributeSymbol attribute, out object? value, out string? error)
    {
        error = null;
        if (!reader.HasValue(attribute.Slot))
        {
            value = null;
            return false;
        }

        value = values[attribute.Slot];
        return true;
    }
}
