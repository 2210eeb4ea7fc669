using System.Text;

namespace WomRules.CSharp.Generation;

/// <summary>
/// Campaign names become C# names: snake_case, dotted and dashed names become PascalCase (<c>order_total</c> →
/// <c>OrderTotal</c>, <c>review.posted</c> → <c>ReviewPosted</c>), which is what a C# author expects to type.
/// </summary>
internal static class PropertyNames
{
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is '_' or '.' or '-')
            {
                upper = true;
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        // A name of only separators, or one that starts with a digit, still needs to be an identifier.
        return builder.Length == 0 || char.IsAsciiDigit(builder[0]) ? "_" + builder : builder.ToString();
    }
}
