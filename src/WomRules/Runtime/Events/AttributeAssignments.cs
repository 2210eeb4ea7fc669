using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// The <c>attributes</c> object of a <c>participant.updated</c> event (spec v1.1 §5): declared participant attributes
/// and their new values, converted to their runtime types, in the order the event gave them. A null value is left
/// out, as a null attribute is absent everywhere else.
/// </summary>
internal sealed class AttributeAssignments
{
    public static readonly AttributeAssignments Empty = new([]);

    public AttributeAssignments((AttributeSymbol Attribute, object? Value)[] items) => Items = items;

    public (AttributeSymbol Attribute, object? Value)[] Items { get; }

    /// <summary>Why the value of <paramref name="name"/> in the object is refused, or null; the words both event readers use.</summary>
    public static string? Refusal(AttributeSymbol owner, string name, bool repeated) =>
        repeated ? $"'{owner.Name}' names the participant attribute '{name}' twice"
        : owner.Members!.ContainsKey(name) ? null
        : $"'{owner.Name}' names '{name}', which is not a declared participant attribute";
}
