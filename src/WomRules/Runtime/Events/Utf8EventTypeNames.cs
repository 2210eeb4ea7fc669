using System.Text;
using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>An event type's name and attribute names as UTF-8, encoded once, for <see cref="Utf8EventReader"/> to match a line's bytes against.</summary>
internal sealed class Utf8EventTypeNames
{
    private readonly byte[][] attributeNames;

    public Utf8EventTypeNames(EventTypeSymbol symbol)
    {
        Symbol = symbol;
        Utf8Name = Encoding.UTF8.GetBytes(symbol.Name);
        Attributes = [.. symbol.Attributes];
        attributeNames = [.. symbol.Attributes.Select(a => Encoding.UTF8.GetBytes(a.Name))];
    }

    public EventTypeSymbol Symbol { get; }

    public byte[] Utf8Name { get; }

    public AttributeSymbol[] Attributes { get; }

    public AttributeSymbol? Find(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < attributeNames.Length; i++)
        {
            if (name.SequenceEqual(attributeNames[i]))
            {
                return Attributes[i];
            }
        }

        return null;
    }
}
