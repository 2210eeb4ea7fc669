using System.Collections.Frozen;

namespace WomRules.Binding;

/// <summary>A declared event or participant attribute: its type, its slot in the value array, and its default (null when required).</summary>
internal sealed record AttributeSymbol(string Name, ValueType Type, int Slot, object? Default)
{
    public bool IsRequired => Default is null;

    /// <summary>For <see cref="ValueType.Assignments"/>: the participant attributes the object may name.</summary>
    public FrozenDictionary<string, AttributeSymbol>? Members { get; init; }

    /// <summary>Spec v1.1 §8: a string attribute whose values are identity signals (a device id, a card fingerprint).</summary>
    public bool IsIdentity { get; init; }
}
