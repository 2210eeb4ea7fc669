using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// Where an event's raw attribute values come from: a host's dictionary or a JSON object. The engine is generic over
/// struct implementations, so reading attributes needs no closure and boxes nothing but the values themselves.
/// </summary>
internal interface IAttributeSource
{
    /// <summary>
    /// False when the attribute is absent (null counts as absent). Otherwise true, with the value converted to the
    /// attribute's runtime type in <paramref name="value"/>, or a message in <paramref name="error"/>.
    /// </summary>
    bool TryRead(AttributeSymbol attribute, out object? value, out string? error);
}
